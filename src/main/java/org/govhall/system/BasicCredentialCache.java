package org.govhall.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * HTTP Basic sends the password with every API request, and checking it with BCrypt costs
 * tens of milliseconds of CPU each time (docs/PERFORMANCE.md). This provider remembers,
 * for a short while, that a username and password pair was valid — as a salted SHA-256
 * digest, never the password — and then reloads the account instead of running BCrypt
 * again, so a disabled account is refused at once. A failed check is never cached. A
 * remembered pair is answered without the {@link LoginThrottle}: only someone who knows
 * the password can present it, so the owner's API client keeps working while guesses from
 * its address are slowed.
 */
final class BasicCredentialCache implements AuthenticationProvider {

	static final Duration TTL = Duration.ofMinutes(5);

	static final int MAX_ENTRIES = 10_000;

	private final AuthenticationProvider delegate;

	private final UserDetailsService users;

	private final Clock clock;

	private final byte[] salt = new byte[32];

	/**
	 * The pairs known valid, until when, and the password hash they were checked against.
	 */
	private final Map<String, Remembered> valid = new ConcurrentHashMap<>();

	private record Remembered(Instant until, String passwordHash) {
	}

	BasicCredentialCache(AuthenticationProvider delegate, UserDetailsService users, Clock clock) {
		this.delegate = delegate;
		this.users = users;
		this.clock = clock;
		new SecureRandom().nextBytes(salt);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (username == null || !(credentials instanceof String password)) {
			return delegate.authenticate(authentication);
		}
		String key = digest(username, password);
		Remembered remembered = valid.get(key);
		Instant now = clock.instant();
		if (remembered != null && remembered.until().isAfter(now)) {
			UserDetails user = load(username);
			if (!user.isEnabled()) {
				valid.remove(key);
				throw new DisabledException("disabled");
			}
			if (remembered.passwordHash().equals(user.getPassword())) {
				return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
			}
			// the password was changed or reset since: the old one is checked again, and
			// fails
			valid.remove(key);
		}
		Authentication result = delegate.authenticate(authentication);
		if (result != null && result.isAuthenticated()) {
			if (valid.size() >= MAX_ENTRIES) {
				valid.entrySet().removeIf(e -> !e.getValue().until().isAfter(now));
				if (valid.size() >= MAX_ENTRIES) {
					valid.clear();
				}
			}
			String hash = result.getPrincipal() instanceof UserDetails u ? u.getPassword() : null;
			if (hash != null) {
				valid.put(key, new Remembered(now.plus(TTL), hash));
			}
		}
		return result;
	}

	/**
	 * Reloads the account. When the database cannot be reached, the failure is wrapped as
	 * {@link DaoAuthenticationProvider} wraps it on the uncached path, so that the API's
	 * entry point answers 503 instead of the exception escaping the filter chain as a
	 * 500.
	 */
	private UserDetails load(String username) {
		try {
			return users.loadUserByUsername(username);
		}
		catch (RuntimeException ex) {
			if (!(ex instanceof AuthenticationException) && ErrorHandling.isDatabaseUnavailable(ex)) {
				throw new InternalAuthenticationServiceException(ex.getMessage(), ex);
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return delegate.supports(authentication);
	}

	private String digest(String username, String password) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(salt);
			sha.update(username.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(password.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
