package org.govhall.system;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows password guessing without letting anyone lock an account (ADR 0019). Every
 * password check, by the login form or by HTTP Basic, passes three gates first; a request
 * stopped at a gate is not checked and gets a wait in seconds ({@link Throttled}), the
 * same for an account that exists and a name that does not.
 * <ol>
 * <li><b>Per account and address.</b> After {@code free-failures} wrong passwords in a
 * row from one address for one username, that address must wait 1 s, 2 s, 4 s … (at most
 * {@code max-delay}) after each further failure before its next check of that username. A
 * success from the address clears its count. Other addresses, the owner's among them, are
 * not affected.</li>
 * <li><b>Per account, from everywhere.</b> Checks from addresses the account has not
 * signed in from lately (on this node) share a budget of {@code stranger-checks} per
 * {@code stranger-window}; a check that succeeds gives its token back. Spraying from many
 * addresses is slowed to that rate, while the owner's own addresses are never slowed by
 * it, and a new address only waits for the next token, never for a lock to expire.</li>
 * <li><b>Per address, for HTTP Basic.</b> Checks that are not remembered by
 * {@link BasicCredentialCache} spend {@code govhall.rate-limit.basic.per-minute} per
 * address (the form's budget is spent in {@link RateLimits}).</li>
 * </ol>
 * The state lives in memory, per node, like the rate limits.
 */
final class LoginThrottle {

	/** How a password reached the check. */
	enum Channel {

		FORM, BASIC

	}

	/**
	 * @param freeFailures wrong passwords in a row from one address before it must wait
	 * @param maxDelay the longest wait after a failure
	 * @param strangerChecks checks per window from addresses the account has not signed
	 * in from
	 * @param strangerWindow the time in which the stranger budget refills
	 * @param familiarFor how long an address the account signed in from stays its own
	 * @param basicPerMinute password checks by HTTP Basic per address and minute; 0 for
	 * none
	 */
	record Settings(int freeFailures, Duration maxDelay, int strangerChecks, Duration strangerWindow,
			Duration familiarFor, int basicPerMinute) {
	}

	/** The check was not run: the caller must wait this many seconds. */
	static final class Throttled extends AuthenticationException {

		private final long seconds;

		Throttled(long seconds) {
			super("try again in " + seconds + " s");
			this.seconds = seconds;
		}

		long seconds() {
			return seconds;
		}

	}

	/**
	 * Usernames longer than any account's are cut to this for the key (only unknown names
	 * are that long).
	 */
	private static final int NAME_KEY = 128;

	private static final int SWEEP_AT = 100_000;

	private static final int FAMILIAR_ADDRESSES = 8;

	private static final long FORGET_PAIR_MILLIS = Duration.ofHours(24).toMillis();

	private final Settings settings;

	private final Clock clock;

	private final Map<String, Pair> pairs = new ConcurrentHashMap<>();

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private final Map<String, RateLimits.Bucket> basicChecks = new ConcurrentHashMap<>();

	LoginThrottle(Settings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** The provider, behind the three gates. */
	AuthenticationProvider guarding(AuthenticationProvider delegate, Channel channel) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) throws AuthenticationException {
				String username = key(authentication.getName());
				String address = address(authentication);
				Admission admission = admit(username, address, channel);
				if (admission.seconds() > 0) {
					throw new Throttled(admission.seconds());
				}
				boolean wrong = false;
				try {
					Authentication result = delegate.authenticate(authentication);
					if (result != null && result.isAuthenticated()) {
						succeeded(username, address);
					}
					return result;
				}
				catch (BadCredentialsException ex) {
					wrong = true;
					failed(username, address);
					throw ex;
				}
				finally {
					if (!wrong && admission.stranger()) {
						account(username).strangers.refund(nanos(clock.millis()));
					}
				}
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return delegate.supports(authentication);
			}

		};
	}

	/** Whether a check may run now, and whether it spent a stranger's token. */
	record Admission(long seconds, boolean stranger) {
	}

	Admission admit(String username, String address, Channel channel) {
		long now = clock.millis();
		sweep(now);
		Pair pair = pairs.get(username + '\n' + address);
		if (pair != null) {
			long wait = pair.waitMillis(now);
			if (wait > 0) {
				return new Admission(seconds(wait), false);
			}
		}
		Account account = account(username);
		boolean stranger = !account.familiar(address, now, settings.familiarFor().toMillis());
		if (stranger) {
			long wait = account.strangers.take(nanos(now));
			if (wait > 0) {
				return new Admission(wait, false);
			}
		}
		if (channel == Channel.BASIC && settings.basicPerMinute() > 0) {
			long wait = basicChecks
				.computeIfAbsent(address, a -> new RateLimits.Bucket(settings.basicPerMinute(), nanos(now)))
				.take(nanos(now));
			if (wait > 0) {
				if (stranger) {
					account.strangers.refund(nanos(now));
				}
				return new Admission(wait, false);
			}
		}
		return new Admission(0, stranger);
	}

	void failed(String username, String address) {
		long now = clock.millis();
		pairs.computeIfAbsent(username + '\n' + address, k -> new Pair()).failed(now, settings);
	}

	void succeeded(String username, String address) {
		long now = clock.millis();
		pairs.remove(username + '\n' + address);
		account(username).signedIn(address, now);
	}

	private Account account(String username) {
		return accounts.computeIfAbsent(username, u -> new Account(settings, nanos(clock.millis())));
	}

	/** Forgets what no longer changes an answer, when the maps grow large. */
	private void sweep(long now) {
		if (pairs.size() > SWEEP_AT) {
			pairs.values().removeIf(p -> p.forgettable(now));
		}
		if (accounts.size() > SWEEP_AT) {
			accounts.values().removeIf(a -> a.forgettable(now, settings.familiarFor().toMillis()));
		}
		if (basicChecks.size() > SWEEP_AT) {
			basicChecks.values().removeIf(b -> b.full(nanos(now)));
		}
	}

	static String key(String name) {
		String n = name == null ? "" : name;
		return n.length() > NAME_KEY ? n.substring(0, NAME_KEY) : n;
	}

	/**
	 * The client's address: the one Spring Security recorded for the attempt, else the
	 * request's.
	 */
	static String address(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null) {
			return d.getRemoteAddress();
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "unknown";
	}

	private static long nanos(long millis) {
		return millis * 1_000_000L;
	}

	private static long seconds(long millis) {
		return Math.max(1, (millis + 999) / 1000);
	}

	/** Failures in a row of one username from one address. */
	static final class Pair {

		private int failures;

		private long lastFailure;

		private long nextAllowed;

		synchronized void failed(long now, Settings settings) {
			failures++;
			lastFailure = now;
			nextAllowed = now + delayMillis(failures, settings);
		}

		synchronized long waitMillis(long now) {
			return nextAllowed - now;
		}

		synchronized boolean forgettable(long now) {
			return nextAllowed <= now && now - lastFailure > FORGET_PAIR_MILLIS;
		}

		/** None for the first free failures, then 1 s, 2 s, 4 s … up to the maximum. */
		static long delayMillis(int failures, Settings settings) {
			int beyond = failures - settings.freeFailures();
			if (beyond < 0) {
				return 0;
			}
			long max = settings.maxDelay().toMillis();
			return beyond >= 40 ? max : Math.min(max, 1000L << beyond);
		}

	}

	/**
	 * The stranger budget of one username, and the addresses it signed in from lately.
	 */
	static final class Account {

		final RateLimits.Bucket strangers;

		private final Map<String, Long> familiar = new LinkedHashMap<>(16, 0.75f, true);

		Account(Settings settings, long nowNanos) {
			this.strangers = new RateLimits.Bucket(settings.strangerChecks(), settings.strangerWindow().toNanos(),
					nowNanos);
		}

		synchronized boolean familiar(String address, long now, long familiarFor) {
			Long at = familiar.get(address);
			return at != null && now - at < familiarFor;
		}

		synchronized void signedIn(String address, long now) {
			familiar.put(address, now);
			Iterator<String> eldest = familiar.keySet().iterator();
			while (familiar.size() > FAMILIAR_ADDRESSES) {
				eldest.next();
				eldest.remove();
			}
		}

		synchronized boolean forgettable(long now, long familiarFor) {
			familiar.values().removeIf(at -> now - at >= familiarFor);
			return familiar.isEmpty() && strangers.full(now * 1_000_000L);
		}

	}

}
