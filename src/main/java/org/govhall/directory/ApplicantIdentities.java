package org.govhall.directory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Applicants' identities (ADR 0024): which verified account holds an identity number,
 * verification at the window or through the unified identity platform (signing in through
 * it opens a verified account when there is none), and the enterprise a verified person
 * may act for. Called inside the transactions {@link Directory} opens.
 */
@Component
class ApplicantIdentities {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApplicantIdentities(Accounts accounts, PasswordEncoder passwords, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The identity of the verified account with that number: what a claim alone says is
	 * not offered as the person's (ADR 0024).
	 */
	Optional<ApplicantIdentity> registeredIdentity(String number) {
		return accounts.findByVerifiedNumber(number).map(Account::identity);
	}

	/**
	 * The registered applicant account whose identity number or credit code (and its
	 * kind) is the applicant's: a case taken at the window or through an agent then shows
	 * in that account and its messages reach it.
	 */
	Optional<Long> applicantAccount(ApplicantIdentity applicant) {
		// only the verified holder's account: a case of the real person never shows in an
		// account that merely
		// claimed the number (ADR 0024)
		return accounts.findByVerifiedNumber(applicant.number())
			.filter(a -> a.enabled() && a.roles().contains(Role.APPLICANT) && a.identity() != null
					&& a.identity().kind() == applicant.kind())
			.map(Account::id);
	}

	/**
	 * Whether the person or organisation holds a verified account: then only they can
	 * give an agent authority, by confirming it there (ADR 0025), and a paper power of
	 * attorney is not taken instead.
	 */
	boolean hasVerifiedAccount(ApplicantIdentity applicant) {
		return accounts.findByVerifiedNumber(applicant.number())
			.filter(a -> a.enabled() && a.identity() != null && a.identity().kind() == applicant.kind())
			.isPresent();
	}

	/**
	 * Marks a registered applicant's identity as verified. A second verified account for
	 * the same identity number is refused by the unique index on {@code verified_number}
	 * and answered as a conflict.
	 */
	void verifyApplicant(String username, Verification.Via via, String by) {
		verify(username, via, by, by);
	}

	private void verify(String username, Verification.Via via, String by, String role) {
		Verification verification = new Verification(via, by, clock.instant());
		Account a = accounts.findByUsername(username)
			.orElseThrow(() -> new NotFoundException("error.account.notFound", username));
		ApplicantIdentity identity = a.identity();
		if (identity == null || !a.roles().contains(Role.APPLICANT)) {
			throw new RuleViolationException("no-identity", "error.account.noIdentity");
		}
		if (a.verification() != null) {
			return;
		}
		// another account holds the number verified: this claim can never be verified for
		// it (ADR 0024)
		if (accounts.findByVerifiedNumber(identity.number()).isPresent()) {
			throw new ConflictException("identity-verified-elsewhere", "error.account.identityVerifiedElsewhere");
		}
		a.verify(verification);
		try {
			accounts.save(a);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("identity-verified-elsewhere", "error.account.identityVerifiedElsewhere");
		}
		// the identity number stays out of the audit log (ADR 0010)
		events.publishEvent(new AuditEvent(by, role, "directory.identity-verified", username,
				"via=" + verification.via() + "; kind=" + identity.kind(), clock.instant()));
	}

	/**
	 * A window clerk saw the original identity card or business licence of an applicant
	 * account's holder and records so: the account becomes verified (via WINDOW, by the
	 * clerk). 409 when another account already holds the number.
	 */
	void verifyAtWindow(String username, GovHallUser clerk) {
		if (!clerk.scope().has(Role.WINDOW_CLERK)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		verify(username, Verification.Via.WINDOW, clerk.getUsername(), AuditEvent.roles(clerk.scope().roles()));
	}

	/**
	 * Applicant accounts a window clerk may look up to verify: by login or by the number
	 * the account claims.
	 */
	List<ApplicantAccountView> findApplicants(String query, GovHallUser clerk) {
		if (!clerk.scope().has(Role.WINDOW_CLERK)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		if (query.isBlank()) {
			return List.of();
		}
		String q = query.strip().toUpperCase(Locale.ROOT);
		List<Account> found = new ArrayList<>(accounts.findByIdentityNumber(q));
		accounts.findByUsername(query.strip()).filter(a -> !found.contains(a)).ifPresent(found::add);
		return found.stream()
			.filter(a -> a.roles().contains(Role.APPLICANT) && a.identity() != null)
			.sorted(Comparator.comparing(Account::username))
			.map(ApplicantIdentities::applicantView)
			.toList();
	}

	static ApplicantAccountView applicantView(Account a) {
		ApplicantIdentity identity = Objects.requireNonNull(a.identity());
		Verification v = a.verification();
		return new ApplicantAccountView(a.username(), identity.kind(), identity.legalName(), identity.maskedNumber(),
				v == null ? null : v.via(), v == null ? null : v.at());
	}

	/**
	 * Signs in someone the unified identity platform vouched for: the verified account of
	 * that identity number, or a new verified applicant account when there is none. A
	 * local account that merely claimed the number is never taken over: it stays
	 * unverified (and can no longer be verified for that number).
	 * @return the login of the account to sign in as
	 */
	String signInThroughPlatform(PlatformIdentity platform) {
		ApplicantIdentity identity = new ApplicantIdentity(platform.kind(), platform.name(), platform.number());
		Optional<Account> held = accounts.findByVerifiedNumber(identity.number());
		if (held.isPresent()) {
			Account a = held.get();
			if (a.identity() == null || a.identity().kind() != identity.kind() || !a.enabled()) {
				throw new ForbiddenException("error.platform.accountUnusable");
			}
			if (platform.representativeNumber() != null && platform.representativeName() != null
					&& !platform.representativeNumber().equals(a.representativeNumber())) {
				a.representedBy(platform.representativeName(), platform.representativeNumber());
				accounts.save(a);
			}
			events.publishEvent(new AuditEvent(a.username(), AuditEvent.roles(a.roles()), "directory.platform-sign-in",
					a.username(), "kind=" + identity.kind(), clock.instant()));
			return a.username();
		}
		String username;
		do {
			username = "u" + HexFormat.of().formatHex(randomBytes(5));
		}
		while (accounts.existsByUsername(username));
		// no password login until the holder sets one: the hash is of a secret nobody was
		// told
		Account a = Account.applicant(username, passwords.encode(HexFormat.of().formatHex(randomBytes(32))), identity,
				null, clock.instant());
		a.verify(new Verification(Verification.Via.PLATFORM, platform.vouchedBy(), clock.instant()));
		if (platform.representativeNumber() != null && platform.representativeName() != null) {
			a.representedBy(platform.representativeName(), platform.representativeNumber());
		}
		try {
			accounts.save(a);
		}
		catch (DuplicateKeyException ex) {
			// the same person signing in twice at the same moment: the other sign-in made
			// the account
			throw new ConflictException("identity-verified-elsewhere", "error.account.identityVerifiedElsewhere");
		}
		events.publishEvent(
				new AuditEvent(username, AuditEvent.roles(List.of(Role.APPLICANT)), "directory.applicant-registered",
						username, "kind=" + identity.kind() + "; via=PLATFORM", clock.instant()));
		return username;
	}

	private static byte[] randomBytes(int n) {
		byte[] b = new byte[n];
		RANDOM.nextBytes(b);
		return b;
	}

	/**
	 * The enterprise a person may file for today, by its credit code (ADR 0024): the
	 * person's account is verified and the person is the enterprise's legal
	 * representative, as the identity platform named them, or staff the enterprise
	 * authorised ({@link EnterpriseStaff}). Empty otherwise: nobody else files in an
	 * enterprise's name.
	 */
	Optional<ApplicantIdentity> enterpriseActedForBy(GovHallUser person, String creditCode) {
		ApplicantIdentity me = person.identity();
		if (!person.verified() || me == null || !me.isPerson()) {
			return Optional.empty();
		}
		return accounts.findByVerifiedNumber(creditCode.strip().toUpperCase(Locale.ROOT))
			.filter(e -> e.enabled() && e.identity() != null && !e.identity().isPerson())
			.filter(e -> me.number().equals(e.representativeNumber())
					|| EnterpriseStaff.active(jdbc, e.id(), person.accountId(), LocalDate.now(clock)))
			.map(Account::identity);
	}

}
