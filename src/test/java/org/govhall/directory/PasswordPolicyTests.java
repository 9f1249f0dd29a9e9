package org.govhall.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.govhall.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 6: NIST SP 800-63B checks of new passwords, and the usernames an
 * applicant may not take.
 */
class PasswordPolicyTests {

	static void refused(String password, String username, String key) {
		assertThatThrownBy(() -> PasswordPolicy.check(password, username, "11010519491231002X")).as(password)
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.type()).isEqualTo("weak-password");
				assertThat(ex.messageKey()).isEqualTo(key);
				assertThat(ex.violations().get(0).field()).isEqualTo("password");
			});
	}

	@Test
	void refusesPasswordsOfTheBundledListOfCommonPasswordsInAnyCase() {
		for (String p : List.of("password123", "qwertyuiop", "1234567890", "PASSWORD123", "Qwertyuiop",
				"iloveyou123")) {
			refused(p, "liming", "error.password.common");
		}
	}

	@Test
	void refusesPasswordsBuiltOnTheUsernameOrTheIdentityNumber() {
		refused("liming-2026-pw", "liming", "error.password.username");
		refused("2026LiMing!!", "liming", "error.password.username");
		refused("gnimil-forward", "liming", "error.password.username");
		refused("zhangsan2026x", "zhang.san", "error.password.username");
		refused("x11010519491231002x", "liming", "error.password.identity");
	}

	@Test
	void refusesRepetitiveAndSequentialPasswords() {
		refused("zzzzzzzzzzzz", "liming", "error.password.repetitive");
		refused("abababababab", "liming", "error.password.repetitive");
		refused("cdefghijklmn", "liming", "error.password.repetitive");
		refused("zyxwvutsrqpo", "liming", "error.password.repetitive");
		refused("5432109876", "liming", "error.password.repetitive");
	}

	@Test
	void acceptsSoundPasswordsAndTheDemoPassword() {
		for (String p : List.of("plain-and-long-2026", "govhall-demo", "a-long-password", "马上 出发 去 办事",
				"huang he zai bei bian 9")) {
			assertThatCode(() -> PasswordPolicy.check(p, "liming", "11010519491231002X")).as(p)
				.doesNotThrowAnyException();
		}
	}

	@Test
	void reservesTheSystemsWordsAndTheStaffLoginPatterns() {
		for (String u : List.of("admin", "ADMIN", "administrator", "root", "system", "govhall", "my-govhall",
				"supervisor", "supervisor2", "clerk", "clerk-01", "reviewer-gh", "approver.qc", "deptadmin-xx",
				"admin-bs", "zhang.admin", "admin007", "legal", "sysadmin", "guanliyuan")) {
			assertThat(ReservedUsernames.isReserved(u)).as(u).isTrue();
		}
		for (String u : List.of("liming", "zhangsan-2026", "shifan-keji", "evil", "audit-resident", "badminton",
				"clerkson-li")) {
			assertThat(ReservedUsernames.isReserved(u)).as(u).isFalse();
		}
	}

}
