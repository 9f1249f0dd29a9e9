package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

class BasicCredentialCacheTests {

	final AtomicInteger checks = new AtomicInteger();

	boolean disabled;

	final PasswordEncoder counting = new PasswordEncoder() {

		@Override
		public String encode(CharSequence raw) {
			return "{plain}" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			checks.incrementAndGet();
			return encoded.equals("{plain}" + raw);
		}

	};

	UserDetails user() {
		return User.withUsername("clerk")
			.password("{plain}secret-password")
			.roles("WINDOW_CLERK")
			.disabled(disabled)
			.build();
	}

	BasicCredentialCache cache(Clock clock) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(username -> user());
		dao.setPasswordEncoder(counting);
		return new BasicCredentialCache(dao, username -> user(), clock);
	}

	static Authentication basic(String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated("clerk", password);
	}

	@Test
	void aValidPasswordIsCheckedOnceAndThenRemembered() {
		BasicCredentialCache cache = cache(Clock.systemUTC());
		assertThat(cache.authenticate(basic("secret-password")).isAuthenticated()).isTrue();
		assertThat(cache.authenticate(basic("secret-password")).isAuthenticated()).isTrue();
		assertThat(checks).hasValue(1);
	}

	@Test
	void aWrongPasswordIsNeverRemembered() {
		BasicCredentialCache cache = cache(Clock.systemUTC());
		cache.authenticate(basic("secret-password"));
		assertThatThrownBy(() -> cache.authenticate(basic("wrong"))).isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> cache.authenticate(basic("wrong"))).isInstanceOf(BadCredentialsException.class);
		assertThat(checks).hasValue(3);
	}

	@Test
	void aDisabledAccountIsRefusedEvenWithARememberedPassword() {
		BasicCredentialCache cache = cache(Clock.systemUTC());
		cache.authenticate(basic("secret-password"));
		disabled = true;
		assertThatThrownBy(() -> cache.authenticate(basic("secret-password"))).isInstanceOf(DisabledException.class);
	}

	@Test
	void theMemoryExpires() {
		Instant start = Instant.parse("2026-11-27T00:00:00Z");
		Clock[] now = { Clock.fixed(start, ZoneOffset.UTC) };
		BasicCredentialCache cache = cache(new Clock() {

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now[0].instant();
			}

		});
		cache.authenticate(basic("secret-password"));
		now[0] = Clock.fixed(start.plus(BasicCredentialCache.TTL).plus(Duration.ofSeconds(1)), ZoneOffset.UTC);
		cache.authenticate(basic("secret-password"));
		assertThat(checks).hasValue(2);
	}

}
