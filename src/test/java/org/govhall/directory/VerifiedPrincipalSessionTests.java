package org.govhall.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A verified principal survives a session kept in the database (Spring Session JDBC
 * serializes the security context): its verification travels with it (ADR 0024).
 */
class VerifiedPrincipalSessionTests {

	@Test
	void aVerifiedPrincipalSerializesWithItsVerification() throws Exception {
		GovHallUser user = new GovHallUser(7, "applicant", "{noop}x", "张三",
				new StaffScope(Set.of(Role.APPLICANT), null, null), true,
				new ApplicantIdentity(IdentityKind.RESIDENT_ID, "张三", "110105199003071239"), null,
				new Verification(Verification.Via.PLATFORM, "http://localhost:9000#zhangsan",
						Instant.parse("2026-10-13T02:00:00Z")));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(user);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			GovHallUser back = (GovHallUser) in.readObject();
			assertThat(back.verified()).isTrue();
			assertThat(back.verification()).isEqualTo(user.verification());
		}
	}

}
