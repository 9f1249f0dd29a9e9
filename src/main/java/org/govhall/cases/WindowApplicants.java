package org.govhall.cases;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.govhall.directory.ApplicantIdentity;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.directory.Role;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.CreditCode;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.IdNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds a walk-in applicant at the window by identity number or credit code (read by hand
 * or by the ID-card reader, which types the number as a keyboard does): the identity of
 * the registered account, else the one of the person's latest case. Only window clerks
 * look people up, and every lookup that finds someone is in the audit log.
 */
@Service
public class WindowApplicants {

	private final Directory directory;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	WindowApplicants(Directory directory, JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx,
			Clock clock) {
		this.directory = directory;
		this.jdbc = jdbc;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * The kind a well-formed number belongs to, if any: an 18-digit identity number or a
	 * credit code.
	 */
	public static Optional<IdentityKind> kindOf(String number) {
		String n = number.strip().toUpperCase(Locale.ROOT);
		if (IdNumber.isValid(n)) {
			return Optional.of(IdentityKind.RESIDENT_ID);
		}
		return CreditCode.isValid(n) ? Optional.of(IdentityKind.CREDIT_CODE) : Optional.empty();
	}

	/**
	 * The applicant with this number as the hall knows them; nothing for a malformed or
	 * unknown number.
	 */
	public Optional<ApplicantIdentity> find(String number, GovHallUser clerk) {
		if (!clerk.scope().has(Role.WINDOW_CLERK)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		String n = number.strip().toUpperCase(Locale.ROOT);
		Optional<IdentityKind> kind = kindOf(n);
		if (kind.isEmpty()) {
			return Optional.empty();
		}
		return tx.execute(status -> {
			Optional<ApplicantIdentity> found = directory.registeredIdentity(n)
				.or(() -> jdbc.sql("""
						SELECT applicant_name FROM cases_case WHERE applicant_number = :n
						ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
						""")
					.param("n", n)
					.query(String.class)
					.optional()
					.map(name -> new ApplicantIdentity(kind.get(), name, n)));
			found.ifPresent(a -> events
				.publishEvent(new AuditEvent(clerk.getUsername(), AuditEvent.roles(clerk.scope().roles()),
						"applicant.looked-up", a.maskedNumber(), "at the window", clock.instant())));
			return found;
		});
	}

}
