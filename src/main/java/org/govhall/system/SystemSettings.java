package org.govhall.system;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of the {@code system} module (ADR 0028): the halls' time zone, the public
 * address, the rate limits and login throttle (ADR 0019), the reverse proxy (ADR 0022),
 * the event registry's resubmission and the identity platform (ADR 0024). Environment
 * variables such as {@code GOVHALL_PUBLIC_URL} reach them through the placeholders of
 * {@code application.properties}.
 *
 * @param zone the time zone of the service halls, declared once in
 * {@code application.properties} ({@code Asia/Shanghai}): the application's clock runs in
 * it, the pages show times in it, the nightly jobs run by it, and the dates of deadlines
 * and documents are local to it
 * @param publicUrl the public address of the hall (GOVHALL_PUBLIC_URL); with
 * {@code govhall.proxy.require-https} it must be an https address
 * @param rateLimit the request budgets per client address of the endpoints that need no
 * login
 * @param loginThrottle the gates in front of every password check
 * @param proxy the reverse proxies in front of GovHall
 * @param events the event publication registry's resubmission of failed and stuck
 * publications
 * @param identity the province's unified identity platform (OpenID Connect)
 * @param demo demo mode
 */
@ConfigurationProperties("govhall")
@Validated
record SystemSettings(@NotNull ZoneId zone, @DefaultValue("") String publicUrl,
		@DefaultValue @Valid RateLimit rateLimit, @DefaultValue @Valid LoginThrottle loginThrottle,
		@DefaultValue Proxy proxy, @DefaultValue Events events, @DefaultValue Identity identity,
		@DefaultValue Demo demo) {

	/**
	 * Token buckets per client address and node (ADR 0019); each group's default is in
	 * {@link RateLimits}.
	 *
	 * @param enabled whether the public endpoints and HTTP Basic checks are limited at
	 * all
	 * @param progress the progress lookup ({@code /progress}, {@code /api/v1/progress});
	 * 60 a minute by default
	 * @param login the login form; 60 a minute by default
	 * @param verification the document verification pages and API; 120 a minute by
	 * default
	 * @param registration self-registration; 40 a minute by default
	 * @param basic HTTP Basic password checks that are not remembered; 30 a minute by
	 * default
	 */
	record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue @Valid Budget progress,
			@DefaultValue @Valid Budget login, @DefaultValue @Valid Budget verification,
			@DefaultValue @Valid Budget registration, @DefaultValue @Valid Budget basic) {

		/** The budget of a group, or its default when none is set. */
		int perMinute(Budget budget, int fallback) {
			return budget.perMinute() == null ? fallback : budget.perMinute();
		}

	}

	/**
	 * One group's budget.
	 *
	 * @param perMinute requests a minute per client address, refilled evenly over the
	 * minute
	 */
	record Budget(@Nullable @Min(0) Integer perMinute) {
	}

	/**
	 * The gates in front of every password check
	 * ({@link org.govhall.system.LoginThrottle}).
	 *
	 * @param freeFailures failed logins of a name before each further one waits
	 * @param maxDelay the longest wait after failed logins
	 * @param strangerChecks password checks of a name from addresses it never signed in
	 * from, per window
	 * @param strangerWindow the window of those checks
	 * @param familiarFor how long an address a name signed in from stays familiar
	 */
	record LoginThrottle(@DefaultValue("5") @Min(0) int freeFailures, @DefaultValue("5m") Duration maxDelay,
			@DefaultValue("20") @Min(0) int strangerChecks, @DefaultValue("10m") Duration strangerWindow,
			@DefaultValue("30d") Duration familiarFor) {
	}

	/**
	 * GovHall behind a reverse proxy (ADR 0022).
	 *
	 * @param trusted the addresses whose forwarded headers are believed: comma-separated
	 * CIDR blocks, a bare address is one host; empty trusts nobody
	 * @param requireHttps whether requests that did not arrive over https go to the same
	 * path at the https public address
	 */
	record Proxy(@DefaultValue("") String trusted, @DefaultValue("false") boolean requireHttps) {
	}

	/**
	 * The event publication registry (ADR 0004).
	 *
	 * @param failedAfter a publication that failed is resubmitted after this long
	 * @param stuckAfter a publication still in progress after this long is taken as stuck
	 * and resubmitted
	 */
	record Events(@DefaultValue("30s") Duration failedAfter, @DefaultValue("10m") Duration stuckAfter) {
	}

	/**
	 * The identity platform (ADR 0024).
	 *
	 * @param issuer the platform's issuer URL; empty: no platform, local accounts only
	 * (in demo mode the demo platform)
	 * @param clientId GovHall's client id at the platform
	 * @param clientSecret GovHall's client secret at the platform
	 * @param demoPlatform the demo platform started in demo mode
	 */
	record Identity(@DefaultValue("") String issuer, @DefaultValue("govhall") String clientId,
			@DefaultValue("") String clientSecret, @DefaultValue DemoPlatform demoPlatform) {
	}

	/**
	 * The demo identity platform (demo.identityplatform).
	 *
	 * @param enabled whether demo mode without an issuer starts and uses it
	 * @param port its port on localhost
	 */
	record DemoPlatform(@DefaultValue("true") boolean enabled, @DefaultValue("9000") int port) {
	}

	/**
	 * Demo mode.
	 *
	 * @param enabled whether the fictional province 示范省 is loaded and the training clock
	 * runs
	 */
	record Demo(@DefaultValue("false") boolean enabled) {
	}

}
