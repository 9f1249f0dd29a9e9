package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.govhall.directory.AccountDraft;
import org.govhall.directory.Directory;
import org.govhall.directory.Role;
import org.govhall.support.LoginAttempts;
import org.govhall.support.MovableClock;
import org.govhall.support.TightLimitsTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Issue 12, item 5 (ADR 0019): password guessing is slowed per username and client
 * address, HTTP Basic has a budget per address and each account one for addresses it does
 * not know, nobody can lock an account, and no answer tells an account from a name
 * without one. The budgets here are the production defaults; each test works from
 * addresses of its own.
 */
@Tag("abuse")
@TightLimitsTest
@ResourceLock(Lanes.IN_PROCESS)
class LoginThrottleTests {

	static final String PASSWORD = "right-password-1";

	static final AtomicInteger NAMES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	MovableClock.Moving clock;

	String freshAccount() {
		String username = "throttle-" + NAMES.incrementAndGet();
		directory.openAccount(new AccountDraft(username, PASSWORD, "限速测试", Set.of(Role.APPLICANT), null, null));
		return username;
	}

	MockHttpServletResponse basic(String username, String password, String address) throws Exception {
		return LoginAttempts.basic(mvc, username, password, address);
	}

	MockHttpServletResponse form(String username, String password, String address) throws Exception {
		return LoginAttempts.form(mvc, username, password, address);
	}

	static boolean signedIn(MockHttpServletResponse r) {
		return r.getStatus() != 401 && r.getStatus() != 429;
	}

	@Test
	void fiveWrongPasswordsNoLongerLockAnAdministrator() throws Exception {
		for (int i = 1; i <= 5; i++) {
			assertThat(basic("admin", "wrong-password-" + i, "10.1.0.1").getStatus()).as("guess %d", i).isEqualTo(401);
		}
		MockHttpServletResponse sixth = basic("admin", "wrong-password-6", "10.1.0.1");
		assertThat(sixth.getStatus()).as("the guessing address waits").isEqualTo(429);
		assertThat(sixth.getHeader("Retry-After")).isEqualTo("1");

		MockHttpServletResponse owner = basic("admin", "govhall-demo", "10.1.0.2");
		assertThat(owner.getStatus()).as(owner.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(form("admin", "govhall-demo", "10.1.0.3").getRedirectedUrl()).isEqualTo("/staff");
	}

	@Test
	void guessesFromOneAddressWaitLongerAndLongerUpToTheCapAndASuccessClearsThem() throws Exception {
		String username = freshAccount();
		String address = "10.2.0.1";
		for (int i = 1; i <= 5; i++) {
			assertThat(basic(username, "wrong-" + i, address).getStatus()).isEqualTo(401);
		}
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			MockHttpServletResponse refused = basic(username, PASSWORD, address);
			assertThat(refused.getStatus()).as("not checked while it must wait").isEqualTo(429);
			long wait = Long.parseLong(refused.getHeader("Retry-After"));
			waits.add(wait);
			clock.advance(Duration.ofSeconds(wait));
			assertThat(basic(username, "wrong-again-" + i, address).getStatus()).isEqualTo(401);
		}
		assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
		assertThat(basic(username, PASSWORD, "10.2.0.2").getStatus()).as("the owner elsewhere").isEqualTo(403);

		clock.advance(Duration.ofMinutes(5));
		assertThat(form(username, PASSWORD, address).getRedirectedUrl()).isEqualTo("/staff");
		assertThat(form(username, "wrong-after", address).getRedirectedUrl()).as("the count starts again")
			.isEqualTo("/login?error");
	}

	@Test
	void theAnswerDoesNotTellAnAccountFromANameWithoutOne() throws Exception {
		String username = freshAccount();
		String unknown = "throttle-nobody-" + NAMES.incrementAndGet();
		for (int i = 1; i <= 7; i++) {
			MockHttpServletResponse account = basic(username, "wrong-" + i, "10.3.0.1");
			MockHttpServletResponse none = basic(unknown, "wrong-" + i, "10.3.0.2");
			assertThat(none.getStatus()).as("attempt %d", i).isEqualTo(account.getStatus());
			assertThat(none.getHeader("Retry-After")).as("attempt %d", i).isEqualTo(account.getHeader("Retry-After"));
			assertThat(none.getHeader("WWW-Authenticate")).isEqualTo(account.getHeader("WWW-Authenticate"));
			assertThat(none.getContentAsString(StandardCharsets.UTF_8))
				.isEqualTo(account.getContentAsString(StandardCharsets.UTF_8));
			MockHttpServletResponse accountForm = form(username, "wrong-" + i, "10.3.0.3");
			MockHttpServletResponse noneForm = form(unknown, "wrong-" + i, "10.3.0.4");
			assertThat(noneForm.getRedirectedUrl()).as("form attempt %d", i).isEqualTo(accountForm.getRedirectedUrl());
		}
	}

	@Test
	void aNameWithoutAnAccountTakesAsLongAsAWrongPassword() throws Exception {
		String username = freshAccount();
		for (int i = 0; i < 3; i++) { // warm up
			basic(username, "warm-up", "10.4.0." + i);
			basic("throttle-warm-" + i, "warm-up", "10.4.1." + i);
		}
		long[] known = new long[9];
		long[] unknown = new long[9];
		for (int i = 0; i < known.length; i++) {
			long t0 = System.nanoTime();
			assertThat(basic(username, "wrong", "10.4.2." + i).getStatus()).isEqualTo(401);
			known[i] = System.nanoTime() - t0;
			t0 = System.nanoTime();
			assertThat(basic("throttle-ghost-" + i, "wrong", "10.4.3." + i).getStatus()).isEqualTo(401);
			unknown[i] = System.nanoTime() - t0;
		}
		java.util.Arrays.sort(known);
		java.util.Arrays.sort(unknown);
		long k = known[known.length / 2];
		long u = unknown[unknown.length / 2];
		// BCrypt costs tens of milliseconds; an answer without it takes well under one
		assertThat(k).as("a wrong password is checked with BCrypt").isGreaterThan(Duration.ofMillis(10).toNanos());
		assertThat((double) u / k).as("unknown %d µs vs known %d µs", u / 1000, k / 1000).isBetween(0.4, 2.5);
	}

	@Test
	void httpBasicPasswordChecksHaveABudgetPerAddressThatRememberedCredentialsDoNotSpend() throws Exception {
		String username = freshAccount();
		String address = "10.5.0.1";
		assertThat(basic(username, PASSWORD, address).getStatus()).isEqualTo(403);
		for (int i = 1; i < 30; i++) {
			assertThat(basic("throttle-spray-" + i, "wrong", address).getStatus()).as("check %d", i + 1).isEqualTo(401);
		}
		MockHttpServletResponse refused = basic("throttle-spray-x", "wrong", address);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请求过于频繁");
		assertThat(basic(username, PASSWORD, address).getStatus()).as("remembered, so not checked again")
			.isEqualTo(403);
		assertThat(basic("throttle-spray-x", "wrong", "10.5.0.2").getStatus()).as("another address").isEqualTo(401);
	}

	@Test
	void sprayingOneAccountFromManyAddressesIsSlowedWhileItsOwnerIsNot() throws Exception {
		String username = freshAccount();
		assertThat(form(username, PASSWORD, "10.6.0.1").getRedirectedUrl()).isEqualTo("/staff");
		for (int i = 1; i <= 20; i++) {
			assertThat(basic(username, "spray-" + i, "10.6.1." + i).getStatus()).as("address %d", i).isEqualTo(401);
		}
		MockHttpServletResponse slowed = basic(username, "spray-21", "10.6.1.21");
		assertThat(slowed.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(slowed.getHeader("Retry-After"))).isBetween(1L, 30L);
		assertThat(form(username, "spray-22", "10.6.1.22").getRedirectedUrl()).startsWith("/login?wait=");

		// the owner's own address is not slowed, a typo included
		assertThat(form(username, "owner-typo", "10.6.0.1").getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(form(username, PASSWORD, "10.6.0.1").getRedirectedUrl()).isEqualTo("/staff");
		// from a new address the owner waits for the next turn, never for a lock
		clock.advance(Duration.ofSeconds(Long.parseLong(slowed.getHeader("Retry-After"))));
		assertThat(signedIn(basic(username, PASSWORD, "10.6.2.1"))).isTrue();
	}

	@Test
	void aDelayPerFailureDoublesFromTheFirstBeyondTheFreeOnesAndStopsAtTheCap() {
		LoginThrottle.Settings s = new LoginThrottle.Settings(5, Duration.ofMinutes(5), 20, Duration.ofMinutes(10),
				Duration.ofDays(30), 30);
		assertThat(LoginThrottle.Pair.delayMillis(4, s)).isZero();
		assertThat(LoginThrottle.Pair.delayMillis(5, s)).isEqualTo(1000);
		assertThat(LoginThrottle.Pair.delayMillis(6, s)).isEqualTo(2000);
		assertThat(LoginThrottle.Pair.delayMillis(13, s)).isEqualTo(256_000);
		assertThat(LoginThrottle.Pair.delayMillis(14, s)).isEqualTo(300_000);
		assertThat(LoginThrottle.Pair.delayMillis(Integer.MAX_VALUE, s)).isEqualTo(300_000);
	}

}
