package org.govhall.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.govhall.calendar.HolidaySchedules;
import org.govhall.calendar.WorkingCalendar;
import org.govhall.agency.Authorisation;
import org.govhall.agency.Authorisations;
import org.govhall.cases.CaseRecords.AgentAuthorization;
import org.govhall.cases.CaseRecords.CaseApplicant;
import org.govhall.cases.CaseRecords.Licence;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.cases.CaseTerms.RequiredMaterial;
import org.govhall.catalog.CarriedPower;
import org.govhall.catalog.Catalog;
import org.govhall.catalog.DelegationTakeUp;
import org.govhall.catalog.ItemDraft;
import org.govhall.catalog.ItemGuide;
import org.govhall.catalog.ItemStatus;
import org.govhall.catalog.Material;
import org.govhall.catalog.MaterialRequirement;
import org.govhall.catalog.OnlineAvailability;
import org.govhall.catalog.ProcessingMode;
import org.govhall.directory.ApplicantIdentity;
import org.govhall.directory.CaseRouting;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.directory.Role;
import org.govhall.documents.IssuedDocument;
import org.govhall.shared.DateBounds;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.PlainText;
import org.govhall.shared.RuleViolationException;
import org.govhall.storage.Storage;
import org.govhall.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receiving a case (收件) by its three channels: online by the applicant, through an agent
 * under an authorisation, and at a window by a clerk, who may also accept it at once
 * (收件并受理) or, for an instant item, decide it on the spot (当场办结). Each submission is one
 * transaction; with an idempotency key a repeated one returns the first case.
 */
@Service
public class CaseIntake {

	private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private final Cases cases;

	private final Catalog catalog;

	private final Directory directory;

	private final HolidaySchedules calendar;

	private final Storage storage;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final CaseDocuments caseDocuments;

	private final Clock clock;

	private final CaseRouting routing;

	private final DelegationTakeUp takeUp;

	private final CaseUploads uploads;

	private final SubmissionLocks submissionLocks;

	private final Authorisations authorisations;

	private final CaseReads reads;

	private final CaseRecorder recorder;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Open cases not yet accepted that one applicant may have of one item online and
	 * through agents.
	 */
	private final int maxOpenPerItem;

	CaseIntake(Cases cases, Catalog catalog, Directory directory, HolidaySchedules calendar, Storage storage,
			JdbcClient jdbc, TransactionTemplate tx, Clock clock, CaseDocuments caseDocuments, CaseRouting routing,
			DelegationTakeUp takeUp, CaseUploads uploads, SubmissionLocks submissionLocks,
			Authorisations authorisations, CaseReads reads, CaseRecorder recorder, CasesSettings settings) {
		this.maxOpenPerItem = settings.maxOpenPerItem();
		this.cases = cases;
		this.catalog = catalog;
		this.directory = directory;
		this.calendar = calendar;
		this.storage = storage;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.caseDocuments = caseDocuments;
		this.routing = routing;
		this.takeUp = takeUp;
		this.uploads = uploads;
		this.submissionLocks = submissionLocks;
		this.authorisations = authorisations;
		this.reads = reads;
		this.recorder = recorder;
	}

	/**
	 * Stores a file for a case to be submitted or corrected; only its uploader may name
	 * it in a submission. Only those who hand in materials upload: applicants, agents and
	 * window clerks.
	 */
	public StoredFile upload(String fileName, byte[] content, GovHallUser user) {
		if (!user.scope().hasAny(Role.APPLICANT, Role.AGENT, Role.WINDOW_CLERK)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		return uploads.store(fileName, content, user);
	}

	/**
	 * Submits an application. The channel follows from the submitter's role: an applicant
	 * applies online for themselves, an agent for the applicant whose authorization it
	 * records, a window clerk at the window. With an idempotency key, repeating the same
	 * submission returns the first case instead of making another.
	 */
	public CaseView submit(SubmitCase request, @Nullable String idempotencyKey, GovHallUser user) {
		return submit(request, idempotencyKey, user, null);
	}

	/**
	 * The window's next step, taken in the transaction that receives a walk-in's case
	 * (收件并受理, 当场办结).
	 */
	@FunctionalInterface
	private interface AtOnce {

		void apply(Case c, Actor actor, Now now, WorkingCalendar calendar);

	}

	/**
	 * Submits, and with {@code atOnce} takes the window's next step on the case in the
	 * same transaction (收件并受理, or 当场办结), so that every listener sees the case where the
	 * clerk left it.
	 */
	private CaseView submit(SubmitCase request, @Nullable String idempotencyKey, GovHallUser user,
			@Nullable AtOnce atOnce) {
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null && key.length() > 100) {
			throw new InvalidInputException("invalid-idempotency-key", "error.case.idempotencyKey", "Idempotency-Key");
		}
		String hash = key == null ? "" : sha256(canonical(request));
		if (key != null) {
			Optional<String> existing = idempotent(user, key, hash);
			if (existing.isPresent()) {
				return reads.view(existing.get(), user);
			}
		}
		try {
			String number = tx.execute(status -> {
				if (key != null) {
					jdbc.sql("""
							INSERT INTO cases_idempotency (actor, idem_key, request_hash, case_number, created_at)
							VALUES (:actor, :key, :hash, '', :at)
							""")
						.param("actor", user.getUsername())
						.param("key", key)
						.param("hash", hash)
						.param("at", Timestamp.from(clock.instant()))
						.update();
				}
				Case c = receive(request, user);
				if (atOnce != null) {
					atOnce.apply(c, Actor.of(user, Role.WINDOW_CLERK), Now.from(clock), calendar.calendar());
					cases.update(c);
					recorder.publish(c, true, List.of());
				}
				if (key != null) {
					jdbc.sql("UPDATE cases_idempotency SET case_number = :n WHERE actor = :actor AND idem_key = :key")
						.param("n", c.number())
						.param("actor", user.getUsername())
						.param("key", key)
						.update();
				}
				return c.number();
			});
			return reads.view(number, user);
		}
		catch (DuplicateKeyException ex) {
			if (key == null) {
				throw ex;
			}
			return reads.view(idempotent(user, key, hash).orElseThrow(() -> ex), user);
		}
	}

	/**
	 * What makes two submissions the same: the request with each file named by its
	 * content (SHA-256), not by its upload id, so a double click that uploads the same
	 * files again is recognised as the same application.
	 */
	private String canonical(SubmitCase request) {
		SubmitCase.AuthorizationData auth = request.authorization();
		String authDoc = auth == null || auth.documentFileId() == null ? ""
				: storage.find(auth.documentFileId()).map(StoredFile::sha256).orElse(auth.documentFileId());
		List<String> files = request.materials()
			.stream()
			.map(m -> m.material() + "=" + storage.find(m.fileId()).map(StoredFile::sha256).orElse(m.fileId()))
			.sorted()
			.toList();
		return CaseJson.write(List.of(request.itemCode(), String.valueOf(request.authorisationId()),
				String.valueOf(request.applicant()), String.valueOf(request.phone()),
				auth == null ? "" : auth.documentName() + "|" + auth.validUntil(), authDoc, files,
				request.originalsSeen().stream().sorted().toList()));
	}

	private Optional<String> idempotent(GovHallUser user, String key, String hash) {
		return jdbc
			.sql("SELECT request_hash, case_number FROM cases_idempotency WHERE actor = :actor AND idem_key = :key")
			.param("actor", user.getUsername())
			.param("key", key)
			.query((rs, n) -> {
				if (!rs.getString("request_hash").equals(hash)) {
					throw new RuleViolationException("idempotency-key-reused", "error.case.idempotencyReused");
				}
				return rs.getString("case_number");
			})
			.optional()
			.filter(n -> !n.isEmpty());
	}

	private Case receive(SubmitCase request, GovHallUser user) {
		ItemGuide item = catalog.findGuide(request.itemCode())
			.filter(g -> g.status() == ItemStatus.ACTIVE)
			.orElseThrow(() -> new NotFoundException("error.item.notFound", request.itemCode()));
		// an ex-officio item is refused before anything about the applicant is asked
		requireApplicable(item, Channel.WINDOW, LocalDate.now(clock));
		Now now = Now.from(clock);
		// a missing year's schedule never stops the hall: the case is received, and a
		// deadline that runs into that
		// year reads "期限待定" (with a provisional date for ordering and warnings) until the
		// schedule is loaded
		Channel channel;
		Actor actor;
		CaseApplicant applicant;
		AgentAuthorization authorization = null;
		if (user.scope().has(Role.WINDOW_CLERK)) {
			channel = Channel.WINDOW;
			actor = Actor.of(user, Role.WINDOW_CLERK);
			requireCovers(user, item.department());
			applicant = ownAccount(requireApplicant(request), request.phone(), addressRegion(request));
		}
		else if (user.scope().has(Role.AGENT)) {
			channel = Channel.AGENT;
			actor = Actor.of(user, Role.AGENT);
			AgentFiling filing = agentFiling(request, item.code(), user, now.today());
			applicant = ownAccount(filing.principal(), request.phone(), addressRegion(request));
			authorization = filing.authorization();
		}
		else if (user.scope().has(Role.APPLICANT)) {
			channel = Channel.ONLINE;
			actor = Actor.of(user, Role.APPLICANT);
			ApplicantIdentity identity = user.identity();
			if (identity == null) {
				throw new RuleViolationException("identity-required", "error.case.identityRequired");
			}
			// only a verified identity files (issue 12, item 1; ADR 0024): a typed number
			// proves nothing. A session
			// older than a window clerk's verification is looked up again
			if (!user.verified() && !directory.principal(user.getUsername()).map(GovHallUser::verified).orElse(false)) {
				throw new ForbiddenException("error.case.identityUnverified");
			}
			SubmitCase.ApplicantData forWhom = request.applicant();
			if (forWhom != null && forWhom.kind() == IdentityKind.CREDIT_CODE && identity.isPerson()
					&& !forWhom.number().strip().equalsIgnoreCase(identity.number())) {
				// a person files for an enterprise: as its legal representative or staff
				// it authorised, nobody else
				identity = directory
					.enterpriseActedForBy(directory.principal(user.getUsername()).orElse(user), forWhom.number())
					.orElseThrow(() -> new ForbiddenException("error.case.notForEnterprise"));
			}
			// the name every document of the case will carry, as the account holds it
			if (!identity.legalName().equals(caseDocuments.printable("applicant.name", identity.legalName(), true))) {
				throw new InvalidInputException("document-text", "error.case.documentText.control", "applicant.name");
			}
			applicant = new CaseApplicant(
					identity, request.phone() == null ? user.phone() : request.phone(), identity.equals(user.identity())
							? user.accountId() : directory.applicantAccount(identity).orElse(null),
					addressRegion(request));
		}
		else {
			throw new ForbiddenException("error.forbidden.role");
		}
		requireApplicable(item, channel, now.today());
		if (channel != Channel.WINDOW) {
			requireRoomFor(applicant.identity(), item);
		}
		// a county's counterpart of an entrusted power decides in the entrusting
		// authority's name (第二十四条)
		CaseTerms terms = takeUp.carriedBy(item.code())
			.filter(CarriedPower::entrusted)
			.map(p -> terms(item).entrustedBy(p.departmentNameZh()))
			.orElseGet(() -> terms(item));
		List<SubmittedMaterial> materials = uploads.handedIn(request.materials(), terms, user, now, 0);
		if (channel != Channel.WINDOW) {
			// online and through an agent only complete applications are taken (第三十二条:
			// the clerk alone may take
			// an incomplete one, and then only with the one-time notice of everything
			// missing)
			Case.requireComplete(terms, materials.stream().map(SubmittedMaterial::material).toList(),
					"materials-missing", "error.case.materialsMissing");
		}
		String number = terms.regionCode() + "-" + now.today().getYear() + "-"
				+ String.format("%07d", cases.nextNumber());
		// responsible from receipt (首办负责制): online and agent cases by the department's
		// routing rule
		String routed = channel == Channel.WINDOW ? null : routing.firstHandler(terms.departmentCode()).orElse(null);
		Case c = Case.receive(number, queryCode(), channel, terms, applicant, authorization, materials, actor, routed,
				now, calendar.calendar());
		if (!request.originalsSeen().isEmpty()) {
			c.recordOriginalsSeen(request.originalsSeen(), actor, now);
		}
		cases.insert(c);
		recorder.publish(c, true,
				channel == Channel.WINDOW ? List.<Object>of(new WindowReceipt(c.number())) : List.<Object>of());
		return c;
	}

	/**
	 * Which items people apply for, and through which channel: an ex-officio item (依职权: a
	 * penalty, coercion or inspection, or what the catalog marks so) is done by the
	 * authority and never filed by an applicant, at a window or online; a version whose
	 * end date passed takes no application; an item the catalog lists as not available
	 * online (不能网办) is taken in only at a window.
	 */
	static void requireApplicable(ItemGuide item, Channel channel, LocalDate today) {
		ItemDraft d = item.content();
		if (!item.onApplication()) {
			throw new RuleViolationException("ex-officio-item", "error.case.exOfficio", item.code());
		}
		if (!item.appliesOn(today)) {
			// the version in force ended (its end date passed) and no other took its
			// place
			throw new RuleViolationException("item-not-in-force", "error.case.itemNotInForce", item.code());
		}
		if (channel != Channel.WINDOW && d.onlineAvailability() == OnlineAvailability.OFFLINE) {
			throw new RuleViolationException("not-online", "error.case.notOnline", item.code());
		}
	}

	/**
	 * At most {@code govhall.cases.max-open-per-item} cases of one item per applicant
	 * wait for acceptance (received or awaiting correction) from online and agent filing:
	 * the next is refused with 422 {@code too-many-open-cases} until one is accepted,
	 * refused or withdrawn. A clerk at the window, who sees the person, is not limited.
	 */
	private void requireRoomFor(ApplicantIdentity applicant, ItemGuide item) {
		String itemCode = item.code();
		// two submissions at the same moment would both count the same open cases: they
		// take turns
		submissionLocks.lock(applicant, itemCode);
		long open = jdbc.sql("""
				SELECT COUNT(*) FROM cases_case
				WHERE applicant_number = :n AND applicant_kind = :k AND item_code = :i
				  AND state IN ('RECEIVED', 'AWAITING_CORRECTION')
				""")
			.param("n", applicant.number())
			.param("k", applicant.kind().name())
			.param("i", itemCode)
			.query(Long.class)
			.single();
		if (open >= maxOpenPerItem) {
			// the item by its name in either language, as the applicant knows it, and its
			// code
			String nameZh = item.content().nameZh();
			String nameEn = item.content().nameEn();
			throw new RuleViolationException("too-many-open-cases", "error.case.tooManyOpen", maxOpenPerItem, itemCode,
					nameZh, nameEn == null || nameEn.isBlank() ? nameZh : nameEn);
		}
	}

	/**
	 * The applicant of a case taken at the window or through an agent, linked to the
	 * applicant's own account when one is registered with the same identity number or
	 * credit code: the case then shows there, with its messages.
	 */
	private CaseApplicant ownAccount(ApplicantIdentity identity, @Nullable String phone,
			@Nullable String addressRegion) {
		return new CaseApplicant(identity, phone, directory.applicantAccount(identity).orElse(null), addressRegion);
	}

	/**
	 * The region of the applicant's address, when given: it must be a region of the
	 * directory (400 otherwise).
	 */
	private @Nullable String addressRegion(SubmitCase request) {
		String code = request.addressRegion();
		if (code == null || code.isBlank()) {
			return null;
		}
		return directory.region(code.strip())
			.map(r -> r.code())
			.orElseThrow(() -> new InvalidInputException("unknown-region", "error.case.addressRegion", "addressRegion",
					code.strip()));
	}

	private ApplicantIdentity requireApplicant(SubmitCase request) {
		if (request.applicant() == null) {
			throw new InvalidInputException("applicant-required", "error.case.applicantRequired", "applicant");
		}
		SubmitCase.ApplicantData a = request.applicant();
		PlainText.require(a.name(), "applicant.name");
		return new ApplicantIdentity(a.kind(), caseDocuments.printable("applicant.name", a.name(), true), a.number());
	}

	/** Who an agent files for, and the authorization recorded with the case. */
	private record AgentFiling(ApplicantIdentity principal, AgentAuthorization authorization) {
	}

	/**
	 * 行政许可法 第二十九条: an agent may apply, but only with authority the applicant gave (ADR
	 * 0025): an authorisation the applicant confirmed from their verified account, which
	 * must be the agent's own, in force and cover the item (the applicant is then its
	 * principal; a different one named is refused); or a written power of attorney with
	 * its scan, for an applicant without a verified account, whose original the clerk
	 * checks before acceptance.
	 */
	private AgentFiling agentFiling(SubmitCase request, String itemCode, GovHallUser agent, LocalDate today) {
		if (request.authorisationId() != null) {
			if (request.authorization() != null) {
				throw new InvalidInputException("authorization-both", "error.case.authorizationBoth", "authorization");
			}
			Authorisations.Usable usable = authorisations.requireUsable(request.authorisationId(), agent, itemCode);
			ApplicantIdentity principal = usable.principal();
			if (request.applicant() != null) {
				ApplicantIdentity named = requireApplicant(request);
				if (named.kind() != principal.kind() || !named.number().equals(principal.number())
						|| !named.legalName().equals(principal.legalName())) {
					throw new RuleViolationException("authorization-principal", "error.case.authorizationPrincipal");
				}
			}
			caseDocuments.printable("applicant.name", principal.legalName(), true);
			Authorisation a = usable.authorisation();
			return new AgentFiling(principal,
					new AgentAuthorization(agent.accountId(), agent.displayName(), null, null, a.validUntil(),
							AgentAuthorization.Basis.CONFIRMED_ONLINE, a.id(), a.principalName(), a.itemCodes(),
							a.validFrom(), a.decidedBy(), a.decidedAt(), null));
		}
		ApplicantIdentity principal = requireApplicant(request);
		return new AgentFiling(principal, writtenAuthorization(request, principal, itemCode, agent, today));
	}

	/** Names that are not a document's: what people type to get past a required field. */
	private static final Set<String> PLACEHOLDERS = Set.of("无", "没有", "暂无", "空", "略", "见附件", "none", "n/a", "na", "nil",
			"null", "no", "test", "xxx", "x", "-", "--", "/", "—", "……", "...", "0");

	/**
	 * A written power of attorney (授权委托书): a real document name, its scan (mandatory),
	 * valid from today for at most {@code govhall.agency.max-validity}; only for an
	 * applicant who holds no verified account, who would confirm online instead. It gives
	 * authority only after the clerk checked its original
	 * ({@link Case#checkAuthorization}).
	 */
	private AgentAuthorization writtenAuthorization(SubmitCase request, ApplicantIdentity principal, String itemCode,
			GovHallUser agent, LocalDate today) {
		SubmitCase.AuthorizationData a = request.authorization();
		if (a == null || a.validUntil() == null) {
			throw new InvalidInputException("authorization-required", "error.case.authorizationRequired",
					"authorization");
		}
		String name = a.documentName() == null ? "" : a.documentName().strip();
		if (PLACEHOLDERS.contains(name.toLowerCase(Locale.ROOT))
				|| name.codePoints().filter(Character::isLetter).count() < 2) {
			throw new InvalidInputException("authorization-document", "error.case.authorizationDocument",
					"authorization.documentName");
		}
		if (a.documentFileId() == null) {
			throw new InvalidInputException("authorization-scan-required", "error.case.authorizationScanRequired",
					"authorization.documentFileId");
		}
		LocalDate until = DateBounds.require("authorization.validUntil", a.validUntil());
		if (until.isBefore(today)) {
			throw new RuleViolationException("authorization-expired", "error.case.authorizationExpired");
		}
		LocalDate last = today.plus(authorisations.maxValidity()).minusDays(1);
		if (until.isAfter(last)) {
			throw new InvalidInputException("authorization-too-long", "error.case.authorizationTooLong",
					"authorization.validUntil", last.toString());
		}
		if (directory.hasVerifiedAccount(principal)) {
			throw new RuleViolationException("authorization-online", "error.case.authorizationOnline");
		}
		StoredFile doc = uploads.ownUpload(a.documentFileId(), agent);
		return new AgentAuthorization(agent.accountId(), agent.displayName(),
				caseDocuments.printable("authorization.documentName", name, true), doc.id(), until,
				AgentAuthorization.Basis.WRITTEN, null, principal.legalName(), List.of(itemCode), today, null, null,
				null);
	}

	static CaseTerms terms(ItemGuide item) {
		ItemDraft d = item.content();
		List<RequiredMaterial> materials = new ArrayList<>();
		for (Material m : d.materials()) {
			materials.add(new RequiredMaterial(m.nameZh(), m.requirement() == MaterialRequirement.MANDATORY,
					m.conditionText(), m.nameEn(), m.obtainedBySharing()));
		}
		return new CaseTerms(item.code(), item.versionNo(), d.nameZh(), d.nameEn(), d.itemType(), d.processingMode(),
				item.department().code(), item.department().regionCode(),
				d.statutoryLimit() == null ? null : d.statutoryLimit().amount(),
				d.statutoryLimit() == null ? null : d.statutoryLimit().unit(),
				d.promisedLimit() == null ? null : d.promisedLimit().amount(),
				d.promisedLimit() == null ? null : d.promisedLimit().unit(), List.copyOf(d.coDepartmentCodes()),
				d.specialProcedures(), materials, d.noFee(), d.reconsiderationBody(), d.litigationCourt(),
				d.resultNameZh(), d.fees().stream().map(f -> new CaseTerms.FeeTerm(f.nameZh(), f.amount())).toList(),
				d.jointReviewMargin());
	}

	// ---- at the window

	/**
	 * A walk-in at the window, received and accepted in one step (收件并受理), with the
	 * receipt (收件凭证) and the acceptance notice issued before the answer so that both
	 * print at once. An application that is not complete (scans and originals checked
	 * together) is refused whole, naming what is missing, and nothing is stored: the
	 * clerk then takes it in alone and issues the one-time notice.
	 */
	public Intake intake(SubmitCase request, @Nullable String idempotencyKey, GovHallUser user) {
		completeAtTheWindow(request, user);
		CaseView accepted = submit(request, idempotencyKey, user, (c, a, now, cal) -> c.accept(a, now, cal));
		return printed(accepted.number(), user);
	}

	/**
	 * A walk-in's instant item finished in one visit (当场办结): received, granted and handed
	 * over at the window (or sent electronically) in one step, the receipt and the
	 * decision with its certificate issued before the answer so that all print at once.
	 * Only for instant items, and only with everything handed in.
	 */
	public Intake intakeOnTheSpot(SubmitCase request, @Nullable String idempotencyKey, @Nullable Licence entered,
			@Nullable DeliveryMethod method, GovHallUser user) {
		Licence licence = caseDocuments.printable(entered);
		ItemGuide item = completeAtTheWindow(request, user);
		if (item.content().processingMode() != ProcessingMode.INSTANT) {
			throw new RuleViolationException("not-instant", "error.case.notInstant", item.code());
		}
		CaseView done = submit(request, idempotencyKey, user,
				(c, a, now, cal) -> c.decideOnTheSpot(recorder.certificateNumber(c, now), licence,
						method == null ? DeliveryMethod.WINDOW : method, a, now, cal));
		return printed(done.number(), user);
	}

	/**
	 * The documents of a window's step issued before the answer, and the case as it
	 * stands then: a document that could not be issued is not among them, and the case
	 * lists it as owed (文书未出具) until its retry issues it.
	 */
	private Intake printed(String number, GovHallUser user) {
		List<IssuedDocument> issued = caseDocuments.issueAtTheWindow(number);
		return new Intake(reads.view(number, user), issued);
	}

	/**
	 * A window clerk's application with every material handed in (scans and originals
	 * checked together).
	 */
	private ItemGuide completeAtTheWindow(SubmitCase request, GovHallUser user) {
		if (!user.scope().has(Role.WINDOW_CLERK)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		ItemGuide item = catalog.findGuide(request.itemCode())
			.filter(g -> g.status() == ItemStatus.ACTIVE)
			.orElseThrow(() -> new NotFoundException("error.item.notFound", request.itemCode()));
		List<String> handedIn = new ArrayList<>(request.originalsSeen());
		request.materials().forEach(m -> handedIn.add(m.material()));
		Case.requireComplete(terms(item), handedIn, "materials-incomplete", "error.case.materialsIncomplete");
		return item;
	}

	/**
	 * A case taken in at the window and the documents to print for the applicant there
	 * and then; those that could not be issued yet are in {@code view().documentsOwed()}.
	 */
	public record Intake(CaseView view, List<IssuedDocument> documents) {

		/** Whether every document the step owes was issued. */
		public boolean allIssued() {
			return view.documentsOwed().isEmpty();
		}

	}

	private String queryCode() {
		StringBuilder b = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
		}
		return b.toString();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void requireCovers(GovHallUser user, DepartmentView department) {
		if (!directory.covers(user.scope(), department.regionCode(), department.id())) {
			throw new ForbiddenException("error.forbidden.scope");
		}
	}

}
