package org.govhall.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who acts for an enterprise (issue 12, item 1; ADR 0024): its verified legal
 * representative (法定代表人), as the identity platform named them, and the staff (经办人) the
 * representative authorised in GovHall from the enterprise's verified account, each for a
 * period, revocable. Staff are verified personal accounts. Nobody else files in the
 * enterprise's name.
 */
@Service
@Transactional(readOnly = true)
public class EnterpriseStaff {

	/** The longest an authorisation runs: a year, renewed by granting again. */
	static final int MAX_DAYS = 366;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	EnterpriseStaff(Accounts accounts, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * An authorisation of a staff member for an enterprise.
	 *
	 * @param active whether it holds today (not revoked, within its period)
	 */
	public record Grant(long id, String enterpriseName, String creditCode, String staffUsername, String staffName,
			LocalDate validFrom, LocalDate validUntil, String grantedBy, @Nullable String revokedBy, boolean active) {
	}

	/**
	 * Authorises a verified person account to act for the signed-in enterprise until a
	 * date (at most a year).
	 */
	@Transactional
	public Grant grant(GovHallUser enterprise, String staffUsername, @Nullable LocalDate until) {
		Account company = requireVerifiedEnterprise(enterprise);
		LocalDate today = LocalDate.now(clock);
		if (until == null || until.isBefore(today) || until.isAfter(today.plusDays(MAX_DAYS))) {
			throw new InvalidInputException("invalid-period", "error.enterpriseStaff.period", "validUntil");
		}
		Account staff = accounts.findByUsername(staffUsername.strip())
			.orElseThrow(() -> new NotFoundException("error.account.notFound", staffUsername.strip()));
		ApplicantIdentity person = staff.identity();
		if (person == null || !person.isPerson() || staff.verification() == null
				|| !staff.roles().contains(Role.APPLICANT) || !staff.enabled()) {
			throw new RuleViolationException("staff-unverified", "error.enterpriseStaff.staffUnverified");
		}
		if (active(company.id(), staff.id(), today)) {
			throw new ConflictException("duplicate", "error.enterpriseStaff.exists");
		}
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO directory_enterprise_staff (enterprise_account_id, staff_account_id, valid_from, valid_until,
						    granted_by, granted_at)
						VALUES (:e, :s, :from, :until, :by, :at)
						""")
			.param("e", company.id())
			.param("s", staff.id())
			.param("from", today)
			.param("until", until)
			.param("by", enterprise.getUsername())
			.param("at", Timestamp.from(clock.instant()))
			.update(keys, "id");
		long id = Objects.requireNonNull(keys.getKey()).longValue();
		audit(enterprise, "directory.enterprise-staff-granted", staff.username(), "until=" + until);
		return find(id).orElseThrow();
	}

	/** Ends an authorisation at once; only the enterprise that granted it revokes it. */
	@Transactional
	public void revoke(GovHallUser enterprise, long grantId) {
		Account company = requireVerifiedEnterprise(enterprise);
		int changed = jdbc.sql("""
				UPDATE directory_enterprise_staff SET revoked_by = :by, revoked_at = :at
				WHERE id = :id AND enterprise_account_id = :e AND revoked_at IS NULL
				""")
			.param("by", enterprise.getUsername())
			.param("at", Timestamp.from(clock.instant()))
			.param("id", grantId)
			.param("e", company.id())
			.update();
		if (changed == 0) {
			throw new NotFoundException("error.enterpriseStaff.notFound", grantId);
		}
		audit(enterprise, "directory.enterprise-staff-revoked", String.valueOf(grantId), "");
	}

	/**
	 * The authorisations a user sees: an enterprise those it granted, a person those
	 * granted to them. Both sides see the same rows.
	 */
	public List<Grant> grantsOf(GovHallUser user) {
		ApplicantIdentity identity = user.identity();
		if (identity == null) {
			return List.of();
		}
		String column = identity.isPerson() ? "g.staff_account_id" : "g.enterprise_account_id";
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql(SELECT + " WHERE " + column + " = :id ORDER BY g.id DESC")
			.param("id", user.accountId())
			.query((rs, n) -> grant(rs, today))
			.list();
	}

	private Optional<Grant> find(long id) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql(SELECT + " WHERE g.id = :id").param("id", id).query((rs, n) -> grant(rs, today)).optional();
	}

	private static final String SELECT = """
			SELECT g.id, e.legal_name AS e_name, e.identity_number AS e_code, s.username AS s_user,
			       s.legal_name AS s_name, g.valid_from, g.valid_until, g.granted_by, g.revoked_by
			FROM directory_enterprise_staff g
			JOIN directory_account e ON e.id = g.enterprise_account_id
			JOIN directory_account s ON s.id = g.staff_account_id
			""";

	private static Grant grant(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate from = rs.getObject("valid_from", LocalDate.class);
		LocalDate until = rs.getObject("valid_until", LocalDate.class);
		String revokedBy = rs.getString("revoked_by");
		return new Grant(rs.getLong("id"), rs.getString("e_name"), rs.getString("e_code"), rs.getString("s_user"),
				rs.getString("s_name"), from, until, rs.getString("granted_by"), revokedBy,
				revokedBy == null && !today.isBefore(from) && !today.isAfter(until));
	}

	private boolean active(@Nullable Long enterprise, @Nullable Long staff, LocalDate today) {
		return active(jdbc, enterprise, staff, today);
	}

	/**
	 * Whether an authorisation of that staff member for that enterprise holds on the day.
	 */
	static boolean active(JdbcClient jdbc, @Nullable Long enterprise, @Nullable Long staff, LocalDate today) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM directory_enterprise_staff
				WHERE enterprise_account_id = :e AND staff_account_id = :s AND revoked_at IS NULL
				  AND valid_from <= :today AND valid_until >= :today
				""").param("e", enterprise).param("s", staff).param("today", today).query(Long.class).single() > 0;
	}

	private Account requireVerifiedEnterprise(GovHallUser user) {
		ApplicantIdentity identity = user.identity();
		if (identity == null || identity.isPerson() || !user.scope().has(Role.APPLICANT)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		if (!user.verified()) {
			throw new ForbiddenException("error.enterpriseStaff.enterpriseUnverified");
		}
		return accounts.findByUsername(user.getUsername()).orElseThrow();
	}

	private void audit(GovHallUser actor, String action, String subject, String detail) {
		events.publishEvent(new AuditEvent(actor.getUsername(), AuditEvent.roles(actor.scope().roles()), action,
				subject, detail, clock.instant()));
	}

}
