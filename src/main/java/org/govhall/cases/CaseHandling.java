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
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.govhall.calendar.HolidaySchedules;
import org.govhall.calendar.WorkingCalendar;
import org.govhall.agency.Authorisation;
import org.govhall.agency.Authorisations;
import org.govhall.cases.CaseRecords.AgentAuthorization;
import org.govhall.cases.CaseRecords.CaseApplicant;
import org.govhall.cases.CaseRecords.Licence;
import org.govhall.cases.CaseRecords.MaterialIssue;
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
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.ApplicantIdentity;
import org.govhall.directory.CaseRouting;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.directory.Role;
import org.govhall.documents.DocumentKind;
import org.govhall.documents.Documents;
import org.govhall.documents.IssuedDocument;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.shared.DateBounds;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.PlainText;
import org.govhall.shared.RuleViolationException;
import org.govhall.storage.Storage;
import org.govhall.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case-handling API: intake by the three channels, acceptance, review, joint review, the clock, decision and
 * delivery. Each action runs in one transaction that writes the case row, its history and its events, or nothing.
 */
@Service
public class CaseHandling {

	private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private final Cases cases;

	private final Catalog catalog;

	private final Directory directory;

	private final HolidaySchedules calendar;

	private final Storage storage;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Documents documents;

	private final CaseDocuments caseDocuments;

	private final Clock clock;

	private final CaseRouting routing;

	private final DocumentsOwed owed;

	private final DelegationTakeUp takeUp;

	private final CaseUploads uploads;

	private final SubmissionLocks submissionLocks;

	private final Authorisations authorisations;

	private final SecureRandom random = new SecureRandom();

	private final int warningDays;

	/** Open cases not yet accepted that one applicant may have of one item online and through agents. */
	private final int maxOpenPerItem;

	private static final Logger log = LoggerFactory.getLogger(CaseHandling.class);

	private final MeterRegistry meters;

	private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

	CaseHandling(Cases cases, Catalog catalog, Directory directory, HolidaySchedules calendar, Storage storage,
			JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
			Documents documents, CaseDocuments caseDocuments, ObjectProvider<MeterRegistry> meters,
			CaseRouting routing, DelegationTakeUp takeUp, DocumentsOwed owed, CaseUploads uploads,
			SubmissionLocks submissionLocks, Authorisations authorisations, CasesSettings settings) {
		this.warningDays = settings.warningDays();
		this.maxOpenPerItem = settings.maxOpenPerItem();
		this.submissionLocks = submissionLocks;
		this.authorisations = authorisations;
		this.owed = owed;
		this.uploads = uploads;
		this.routing = routing;
		this.takeUp = takeUp;
		this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.caseDocuments = caseDocuments;
		this.documents = documents;
		this.cases = cases;
		this.catalog = catalog;
		this.directory = directory;
		this.calendar = calendar;
		this.storage = storage;
		this.jdbc = jdbc;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	// ---- intake

	/**
	 * Stores a file for a case to be submitted or corrected; only its uploader may name it in a submission. Only those
	 * who hand in materials upload: applicants, agents and window clerks.
	 */
	public StoredFile upload(String fileName, byte[] content, GovHallUser user) {
		if (!user.scope().hasAny(Role.APPLICANT, Role.AGENT, Role.WINDOW_CLERK)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		return uploads.store(fileName, content, user);
	}

	/**
	 * Submits an application. The channel follows from the submitter's role: an applicant applies online for
	 * themselves, an agent for the applicant whose authorization it records, a window clerk at the window. With an
	 * idempotency key, repeating the same submission returns the first case instead of making another.
	 */
	public CaseView submit(SubmitCase request, @Nullable String idempotencyKey, GovHallUser user) {
		return submit(request, idempotencyKey, user, null);
	}

	/**
	 * Submits, and with {@code atOnce} takes the window's next step on the case in the same transaction (收件并受理,
	 * or 当场办结), so that every listener sees the case where the clerk left it.
	 */
	private CaseView submit(SubmitCase request, @Nullable String idempotencyKey, GovHallUser user,
			@Nullable Step atOnce) {
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null && key.length() > 100) {
			throw new InvalidInputException("invalid-idempotency-key", "error.case.idempotencyKey", "Idempotency-Key");
		}
		String hash = key == null ? "" : sha256(canonical(request));
		if (key != null) {
			Optional<String> existing = idempotent(user, key, hash);
			if (existing.isPresent()) {
				return view(existing.get(), user);
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
					atOnce.apply(c, actor(user, Role.WINDOW_CLERK), Now.from(clock), calendar.calendar());
					cases.update(c);
					publish(c, true, List.of());
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
			return view(number, user);
		}
		catch (DuplicateKeyException ex) {
			if (key == null) {
				throw ex;
			}
			return view(idempotent(user, key, hash).orElseThrow(() -> ex), user);
		}
	}

	/**
	 * What makes two submissions the same: the request with each file named by its content (SHA-256), not by its
	 * upload id, so a double click that uploads the same files again is recognised as the same application.
	 */
	private String canonical(SubmitCase request) {
		SubmitCase.AuthorizationData auth = request.authorization();
		String authDoc = auth == null || auth.documentFileId() == null ? ""
				: storage.find(auth.documentFileId()).map(StoredFile::sha256).orElse(auth.documentFileId());
		List<String> files = request.materials().stream()
			.map(m -> m.material() + "=" + storage.find(m.fileId()).map(StoredFile::sha256).orElse(m.fileId()))
			.sorted()
			.toList();
		return CaseJson.write(List.of(request.itemCode(), String.valueOf(request.authorisationId()),
				String.valueOf(request.applicant()),
				String.valueOf(request.phone()), auth == null ? "" : auth.documentName() + "|" + auth.validUntil(),
				authDoc, files, request.originalsSeen().stream().sorted().toList()));
	}

	private Optional<String> idempotent(GovHallUser user, String key, String hash) {
		return jdbc.sql("SELECT request_hash, case_number FROM cases_idempotency WHERE actor = :actor AND idem_key = :key")
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
		// a missing year's schedule never stops the hall: the case is received, and a deadline that runs into that
		// year reads "期限待定" (with a provisional date for ordering and warnings) until the schedule is loaded
		Channel channel;
		Actor actor;
		CaseApplicant applicant;
		AgentAuthorization authorization = null;
		if (user.scope().has(Role.WINDOW_CLERK)) {
			channel = Channel.WINDOW;
			actor = actor(user, Role.WINDOW_CLERK);
			requireCovers(user, item.department());
			applicant = ownAccount(requireApplicant(request), request.phone(), addressRegion(request));
		}
		else if (user.scope().has(Role.AGENT)) {
			channel = Channel.AGENT;
			actor = actor(user, Role.AGENT);
			AgentFiling filing = agentFiling(request, item.code(), user, now.today());
			applicant = ownAccount(filing.principal(), request.phone(), addressRegion(request));
			authorization = filing.authorization();
		}
		else if (user.scope().has(Role.APPLICANT)) {
			channel = Channel.ONLINE;
			actor = actor(user, Role.APPLICANT);
			ApplicantIdentity identity = user.identity();
			if (identity == null) {
				throw new RuleViolationException("identity-required", "error.case.identityRequired");
			}
			// only a verified identity files (issue 12, item 1; ADR 0024): a typed number proves nothing. A session
			// older than a window clerk's verification is looked up again
			if (!user.verified() && !directory.principal(user.getUsername()).map(GovHallUser::verified).orElse(false)) {
				throw new ForbiddenException("error.case.identityUnverified");
			}
			SubmitCase.ApplicantData forWhom = request.applicant();
			if (forWhom != null && forWhom.kind() == IdentityKind.CREDIT_CODE && identity.isPerson()
					&& !forWhom.number().strip().equalsIgnoreCase(identity.number())) {
				// a person files for an enterprise: as its legal representative or staff it authorised, nobody else
				identity = directory.enterpriseActedForBy(directory.principal(user.getUsername()).orElse(user),
						forWhom.number())
					.orElseThrow(() -> new ForbiddenException("error.case.notForEnterprise"));
			}
			// the name every document of the case will carry, as the account holds it
			if (!identity.legalName().equals(printable("applicant.name", identity.legalName(), true))) {
				throw new InvalidInputException("document-text", "error.case.documentText.control", "applicant.name");
			}
			applicant = new CaseApplicant(identity, request.phone() == null ? user.phone() : request.phone(),
					identity.equals(user.identity()) ? user.accountId()
							: directory.applicantAccount(identity).orElse(null),
					addressRegion(request));
		}
		else {
			throw new ForbiddenException("error.forbidden.role");
		}
		requireApplicable(item, channel, now.today());
		if (channel != Channel.WINDOW) {
			requireRoomFor(applicant.identity(), item);
		}
		// a county's counterpart of an entrusted power decides in the entrusting authority's name (第二十四条)
		CaseTerms terms = takeUp.carriedBy(item.code())
			.filter(CarriedPower::entrusted)
			.map(p -> terms(item).entrustedBy(p.departmentNameZh()))
			.orElseGet(() -> terms(item));
		List<SubmittedMaterial> materials = materials(request.materials(), terms, user, now, 0);
		if (channel != Channel.WINDOW) {
			// online and through an agent only complete applications are taken (第三十二条: the clerk alone may take
			// an incomplete one, and then only with the one-time notice of everything missing)
			Case.requireComplete(terms, materials.stream().map(SubmittedMaterial::material).toList(), "materials-missing",
					"error.case.materialsMissing");
		}
		String number = terms.regionCode() + "-" + now.today().getYear() + "-"
				+ String.format("%07d", cases.nextNumber());
		// responsible from receipt (首办负责制): online and agent cases by the department's routing rule
		String routed = channel == Channel.WINDOW ? null : routing.firstHandler(terms.departmentCode()).orElse(null);
		Case c = Case.receive(number, queryCode(), channel, terms, applicant, authorization, materials, actor, routed,
				now, calendar.calendar());
		if (!request.originalsSeen().isEmpty()) {
			c.recordOriginalsSeen(request.originalsSeen(), actor, now);
		}
		cases.insert(c);
		publish(c, true, channel == Channel.WINDOW ? List.<Object>of(new WindowReceipt(c.number())) : List.<Object>of());
		return c;
	}

	/**
	 * Which items people apply for, and through which channel: an ex-officio item (依职权: a penalty, coercion or
	 * inspection, or what the catalog marks so) is done by the authority and never filed by an applicant, at a window
	 * or online; a version whose end date passed takes no application; an item the catalog lists as not available
	 * online (不能网办) is taken in only at a window.
	 */
	static void requireApplicable(ItemGuide item, Channel channel, LocalDate today) {
		ItemDraft d = item.content();
		if (!item.onApplication()) {
			throw new RuleViolationException("ex-officio-item", "error.case.exOfficio", item.code());
		}
		if (!item.appliesOn(today)) {
			// the version in force ended (its end date passed) and no other took its place
			throw new RuleViolationException("item-not-in-force", "error.case.itemNotInForce", item.code());
		}
		if (channel != Channel.WINDOW && d.onlineAvailability() == OnlineAvailability.OFFLINE) {
			throw new RuleViolationException("not-online", "error.case.notOnline", item.code());
		}
	}

	/**
	 * At most {@code govhall.cases.max-open-per-item} cases of one item per applicant wait for acceptance (received or
	 * awaiting correction) from online and agent filing: the next is refused with 422 {@code too-many-open-cases}
	 * until one is accepted, refused or withdrawn. A clerk at the window, who sees the person, is not limited.
	 */
	private void requireRoomFor(ApplicantIdentity applicant, ItemGuide item) {
		String itemCode = item.code();
		// two submissions at the same moment would both count the same open cases: they take turns
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
			// the item by its name in either language, as the applicant knows it, and its code
			String nameZh = item.content().nameZh();
			String nameEn = item.content().nameEn();
			throw new RuleViolationException("too-many-open-cases", "error.case.tooManyOpen", maxOpenPerItem, itemCode,
					nameZh, nameEn == null || nameEn.isBlank() ? nameZh : nameEn);
		}
	}

	/**
	 * The applicant of a case taken at the window or through an agent, linked to the applicant's own account when one
	 * is registered with the same identity number or credit code: the case then shows there, with its messages.
	 */
	private CaseApplicant ownAccount(ApplicantIdentity identity, @Nullable String phone,
			@Nullable String addressRegion) {
		return new CaseApplicant(identity, phone, directory.applicantAccount(identity).orElse(null), addressRegion);
	}


	/** The region of the applicant's address, when given: it must be a region of the directory (400 otherwise). */
	private @Nullable String addressRegion(SubmitCase request) {
		String code = request.addressRegion();
		if (code == null || code.isBlank()) {
			return null;
		}
		return directory.region(code.strip())
			.map(r -> r.code())
			.orElseThrow(() -> new InvalidInputException("unknown-region", "error.case.addressRegion",
					"addressRegion", code.strip()));
	}

	private ApplicantIdentity requireApplicant(SubmitCase request) {
		if (request.applicant() == null) {
			throw new InvalidInputException("applicant-required", "error.case.applicantRequired", "applicant");
		}
		SubmitCase.ApplicantData a = request.applicant();
		PlainText.require(a.name(), "applicant.name");
		return new ApplicantIdentity(a.kind(), printable("applicant.name", a.name(), true), a.number());
	}

	/**
	 * Text typed for a document, as it will be kept and printed (line breaks as LF, tabs as spaces), or a 400 naming
	 * the field when the documents could not print it (ADR 0021).
	 */
	private String printable(String field, @Nullable String text, boolean oneLine) {
		return caseDocuments.printable(field, text, oneLine);
	}

	/** The licence as it will be printed on the certificate: the premises on one line. */
	private @Nullable Licence printable(@Nullable Licence licence) {
		return licence == null ? null : new Licence(printable("scope", licence.scope(), false),
				printable("premises", licence.premises(), true), licence.validUntil());
	}

	/** Who an agent files for, and the authorization recorded with the case. */
	private record AgentFiling(ApplicantIdentity principal, AgentAuthorization authorization) {
	}

	/**
	 * 行政许可法 第二十九条: an agent may apply, but only with authority the applicant gave (ADR 0025): an authorisation the
	 * applicant confirmed from their verified account, which must be the agent's own, in force and cover the item (the
	 * applicant is then its principal; a different one named is refused); or a written power of attorney with its scan,
	 * for an applicant without a verified account, whose original the clerk checks before acceptance.
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
			printable("applicant.name", principal.legalName(), true);
			Authorisation a = usable.authorisation();
			return new AgentFiling(principal, new AgentAuthorization(agent.accountId(), agent.displayName(), null, null,
					a.validUntil(), AgentAuthorization.Basis.CONFIRMED_ONLINE, a.id(), a.principalName(), a.itemCodes(),
					a.validFrom(), a.decidedBy(), a.decidedAt(), null));
		}
		ApplicantIdentity principal = requireApplicant(request);
		return new AgentFiling(principal, writtenAuthorization(request, principal, itemCode, agent, today));
	}

	/** Names that are not a document's: what people type to get past a required field. */
	private static final Set<String> PLACEHOLDERS = Set.of("无", "没有", "暂无", "空", "略", "见附件", "none", "n/a", "na",
			"nil", "null", "no", "test", "xxx", "x", "-", "--", "/", "—", "……", "...", "0");

	/**
	 * A written power of attorney (授权委托书): a real document name, its scan (mandatory), valid from today for at most
	 * {@code govhall.agency.max-validity}; only for an applicant who holds no verified account, who would confirm
	 * online instead. It gives authority only after the clerk checked its original ({@link Case#checkAuthorization}).
	 */
	private AgentAuthorization writtenAuthorization(SubmitCase request, ApplicantIdentity principal, String itemCode,
			GovHallUser agent, LocalDate today) {
		SubmitCase.AuthorizationData a = request.authorization();
		if (a == null || a.validUntil() == null) {
			throw new InvalidInputException("authorization-required", "error.case.authorizationRequired",
					"authorization");
		}
		String name = a.documentName() == null ? "" : a.documentName().strip();
		if (PLACEHOLDERS.contains(name.toLowerCase(Locale.ROOT)) || name.codePoints().filter(Character::isLetter)
			.count() < 2) {
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
		StoredFile doc = ownUpload(a.documentFileId(), agent);
		return new AgentAuthorization(agent.accountId(), agent.displayName(),
				printable("authorization.documentName", name, true), doc.id(), until,
				AgentAuthorization.Basis.WRITTEN, null, principal.legalName(), List.of(itemCode), today, null, null,
				null);
	}

	private List<SubmittedMaterial> materials(List<SubmitCase.MaterialFile> files, CaseTerms terms, GovHallUser user,
			Now now, int round) {
		List<SubmittedMaterial> list = new ArrayList<>();
		for (SubmitCase.MaterialFile f : files) {
			if (terms.materials().stream().noneMatch(m -> m.name().equals(f.material()))) {
				throw new InvalidInputException("unknown-material", "error.case.unknownMaterial", "materials",
						f.material());
			}
			StoredFile file = ownUpload(f.fileId(), user);
			list.add(new SubmittedMaterial(f.material(), file.id(), file.name(), file.sha256(), user.getUsername(),
					now.at(), round));
		}
		return list;
	}

	/** The user's own upload, attached to the case in the step's transaction (kept from then on). */
	private StoredFile ownUpload(String fileId, GovHallUser user) {
		if (!uploads.attach(fileId, user.accountId())) {
			throw new InvalidInputException("unknown-file", "error.case.unknownFile", "fileId", fileId);
		}
		return storage.find(fileId).orElseThrow(() -> new InvalidInputException("unknown-file",
				"error.case.unknownFile", "fileId", fileId));
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
				d.resultNameZh(),
				d.fees().stream().map(f -> new CaseTerms.FeeTerm(f.nameZh(), f.amount())).toList(),
				d.jointReviewMargin());
	}

	// ---- acceptance

	/**
	 * A walk-in at the window, received and accepted in one step (收件并受理), with the receipt (收件凭证) and the
	 * acceptance notice issued before the answer so that both print at once. An application that is not complete
	 * (scans and originals checked together) is refused whole, naming what is missing, and nothing is stored: the
	 * clerk then takes it in alone and issues the one-time notice.
	 */
	public Intake intake(SubmitCase request, @Nullable String idempotencyKey, GovHallUser user) {
		completeAtTheWindow(request, user);
		CaseView accepted = submit(request, idempotencyKey, user, (c, a, now, cal) -> c.accept(a, now, cal));
		return printed(accepted.number(), user);
	}

	/**
	 * A walk-in's instant item finished in one visit (当场办结): received, granted and handed over at the window (or
	 * sent electronically) in one step, the receipt and the decision with its certificate issued before the answer
	 * so that all print at once. Only for instant items, and only with everything handed in.
	 */
	public Intake intakeOnTheSpot(SubmitCase request, @Nullable String idempotencyKey, @Nullable Licence entered,
			@Nullable DeliveryMethod method, GovHallUser user) {
		Licence licence = printable(entered);
		ItemGuide item = completeAtTheWindow(request, user);
		if (item.content().processingMode() != ProcessingMode.INSTANT) {
			throw new RuleViolationException("not-instant", "error.case.notInstant", item.code());
		}
		CaseView done = submit(request, idempotencyKey, user, (c, a, now, cal) -> c.decideOnTheSpot(
				certificateNumber(c, now), licence, method == null ? DeliveryMethod.WINDOW : method, a, now, cal));
		return printed(done.number(), user);
	}

	/**
	 * The documents of a window's step issued before the answer, and the case as it stands then: a document that
	 * could not be issued is not among them, and the case lists it as owed (文书未出具) until its retry issues it.
	 */
	private Intake printed(String number, GovHallUser user) {
		List<IssuedDocument> issued = caseDocuments.issueAtTheWindow(number);
		return new Intake(view(number, user), issued);
	}

	/** A window clerk's application with every material handed in (scans and originals checked together). */
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
	 * A case taken in at the window and the documents to print for the applicant there and then; those that could
	 * not be issued yet are in {@code view().documentsOwed()}.
	 */
	public record Intake(CaseView view, List<IssuedDocument> documents) {

		/** Whether every document the step owes was issued. */
		public boolean allIssued() {
			return view.documentsOwed().isEmpty();
		}

	}

	public CaseView requestCorrections(String number, List<MaterialIssue> entered, GovHallUser user) {
		List<MaterialIssue> issues = new ArrayList<>();
		for (int i = 0; i < entered.size(); i++) {
			MaterialIssue issue = entered.get(i);
			issues.add(new MaterialIssue(printable("issues[" + i + "].material", issue.material(), true),
					printable("issues[" + i + "].problem", issue.problem(), false)));
		}
		return act(number, user, Role.WINDOW_CLERK, Scope.LEAD,
				(c, a, now, cal) -> c.requestCorrections(issues, a, now, cal));
	}

	/**
	 * Refuses a correction as {@link #correct} would before it runs: not the user's case (as applicant or agent), or
	 * not awaiting correction; and every file as the storage would. The page calls it before storing the files it
	 * receives with a correction, so that a refused correction leaves none behind.
	 */
	public void checkCorrection(String number, List<Upload> files, GovHallUser user) {
		Case c = cases.findByNumber(number).orElseThrow(() -> new NotFoundException("error.case.notFound", number));
		requireParty(c, user);
		if (c.state() != CaseState.AWAITING_CORRECTION) {
			throw new ConflictException("case-state", "error.case.state", number, c.state());
		}
		files.forEach(f -> storage.check(f.name(), f.content()));
	}

	/** Checks one file as the store would (type by content, size, emptiness) without storing it. */
	public void checkUpload(Upload file) {
		storage.check(file.name(), file.content());
	}

	/** A file as a form hands it in: its name and its bytes. */
	public record Upload(String name, byte[] content) {
	}

	public CaseView correct(String number, List<SubmitCase.MaterialFile> files, GovHallUser user) {
		return act(number, user, null, Scope.PARTY, (c, a, now, cal) -> c
			.correct(materials(files, c.terms(), user, now, c.notices().size()), a, now, cal));
	}

	public CaseView accept(String number, GovHallUser user) {
		return act(number, user, Role.WINDOW_CLERK, Scope.LEAD, (c, a, now, cal) -> c.accept(a, now, cal));
	}

	/**
	 * The clerk who accepts records the check of an agent's written power of attorney against its original and the
	 * principal's identity document (原件核验); refusing it does not accept the case (不予受理), with the reason given.
	 */
	public CaseView checkAuthorization(String number, boolean genuine, @Nullable String note, GovHallUser user) {
		String why = note == null || note.isBlank() ? null : printable("note", note, false);
		return act(number, user, Role.WINDOW_CLERK, Scope.LEAD,
				(c, a, now, cal) -> c.checkAuthorization(genuine, why, a, now, cal));
	}

	public CaseView refuse(String number, String reasons, @Nullable String competentAuthority, GovHallUser user) {
		String why = printable("reasons", reasons, false);
		String where = printable("competentAuthority", competentAuthority, true);
		return act(number, user, Role.WINDOW_CLERK, Scope.LEAD, (c, a, now, cal) -> c.refuse(why, where, a, now, cal));
	}

	/**
	 * The window clerk grants an instant item and hands the decision over in the same step: at the window, or
	 * electronically (the default for a case that did not come through the window). One that issues a licence
	 * carries what the licence says.
	 */
	public CaseView decideOnTheSpot(String number, @Nullable Licence entered, @Nullable DeliveryMethod method,
			GovHallUser user) {
		Licence licence = printable(entered);
		return act(number, user, Role.WINDOW_CLERK, Scope.LEAD, (c, a, now, cal) -> c.decideOnTheSpot(
				certificateNumber(c, now), licence, onTheSpotDelivery(c, method), a, now, cal));
	}

	private static DeliveryMethod onTheSpotDelivery(Case c, @Nullable DeliveryMethod method) {
		return method != null ? method : c.channel() == Channel.WINDOW ? DeliveryMethod.WINDOW : DeliveryMethod.ELECTRONIC;
	}

	/** Deems accepted every case whose acceptance window passed without a decision or a notice. */
	public int deemOverdueAcceptances() {
		Now now = Now.from(clock);
		int count = 0;
		for (String number : cases.overdueForAcceptance(now.today())) {
			try {
				Boolean done = tx.execute(status -> {
					Case c = cases.findByNumber(number).orElseThrow();
					if (!c.acceptanceWindowPassed(now.today())) {
						return false;
					}
					if (c.firstHandler() == null) {
						// received before first handlers were routed: deemed accepted, but never without one
						c.routeIfUnheld(routing.firstHandler(c.terms().departmentCode()).orElse(null));
					}
					c.deemAcceptedIfOverdue(Actor.system(), now, calendar.calendar());
					cases.update(c);
					publish(c);
					return true;
				});
				count += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (ConflictException ex) {
				// a clerk acted on the case at the same moment: their step stands, and so does the law's
			}
		}
		return count;
	}

	/** Evaluates the due dates of open cases again after a year's calendar changed, recording real changes. */
	public int recomputeDeadlines(int year, String why) {
		Now now = Now.from(clock);
		int count = 0;
		for (String number : cases.openCasesAround(year)) {
			try {
				Boolean changed = tx.execute(status -> {
					Case c = cases.findByNumber(number).orElseThrow();
					if (!c.recompute(Actor.system(), now, calendar.calendar(), why)) {
						return false;
					}
					cases.update(c);
					publish(c);
					return true;
				});
				count += Boolean.TRUE.equals(changed) ? 1 : 0;
			}
			catch (ConflictException ex) {
				// the case moved on at the same moment; its own step recomputed its due dates
			}
		}
		return count;
	}

	// ---- review

	public CaseView recordOpinion(String number, Verdict verdict, @Nullable String reasons, GovHallUser user) {
		DepartmentView dep = user.scope().departmentId() == null ? null
				: directory.department(user.scope().departmentId()).orElse(null);
		if (dep == null) {
			throw new ForbiddenException("error.forbidden.scope");
		}
		return act(number, user, Role.REVIEWER, Scope.CO_DEPARTMENT,
				(c, a, now, cal) -> c.recordOpinion(dep.code(), verdict, reasons, a, now, cal));
	}

	/** The lead department's reviewer or approver chases (催办) a co-department's awaited opinion. */
	public CaseView chaseOpinion(String number, String departmentCode, GovHallUser user) {
		Role role = user.scope().has(Role.REVIEWER) ? Role.REVIEWER : Role.APPROVER;
		return act(number, user, role, Scope.LEAD, (c, a, now, cal) -> c.chaseOpinion(departmentCode, a, now));
	}

	public CaseView review(String number, Outcome recommendation, String comments, GovHallUser user) {
		return act(number, user, Role.REVIEWER, Scope.LEAD, (c, a, now, cal) -> {
			try {
				c.review(recommendation, comments, a, now, cal);
			}
			catch (Case.OpinionsMissing ex) {
				throw ex.named(d -> departmentName(d, Locale.SIMPLIFIED_CHINESE), d -> departmentName(d, Locale.ENGLISH));
			}
		});
	}

	public CaseView extend(String number, String reason, GovHallUser user) {
		String why = printable("reason", reason, false);
		return act(number, user, Role.APPROVER, Scope.LEAD, (c, a, now, cal) -> c.extend(why, a, now, cal));
	}

	public CaseView suspend(String number, SpecialProcedure procedure, @Nullable LocalDate from, String reason,
			GovHallUser user) {
		Role role = user.scope().has(Role.REVIEWER) ? Role.REVIEWER : Role.APPROVER;
		return act(number, user, role, Scope.LEAD, (c, a, now, cal) -> c.suspend(procedure,
				from == null ? now.today() : from, reason, a, now, cal));
	}

	public CaseView resume(String number, @Nullable LocalDate lastDay, GovHallUser user) {
		Role role = user.scope().has(Role.REVIEWER) ? Role.REVIEWER : Role.APPROVER;
		return act(number, user, role, Scope.LEAD,
				(c, a, now, cal) -> c.resume(lastDay == null ? now.today() : lastDay, a, now, cal));
	}

	/** The approver decides; a grant of an item that issues a licence carries what the licence says. */
	public CaseView decide(String number, Outcome outcome, @Nullable String reasons, @Nullable Licence entered,
			GovHallUser user) {
		String why = printable("reasons", reasons, false);
		Licence licence = printable(entered);
		return act(number, user, Role.APPROVER, Scope.LEAD, (c, a, now, cal) -> c.decide(outcome,
				outcome == Outcome.APPROVED ? certificateNumber(c, now) : null, why, licence, a, now, cal));
	}

	/**
	 * An approver of the deciding department revokes or cancels the case's certificate (撤销/注销): the case records
	 * it, the certificate's public verification page says so from today, and the audit log keeps the step, all in
	 * one transaction.
	 */
	public CaseView revokeCertificate(String number, String reason, GovHallUser user) {
		return act(number, user, Role.APPROVER, Scope.LEAD, (c, a, now, cal) -> {
			c.revokeCertificate(reason, a, now);
			documents.revokeCertificates(c.number(), now.today());
			events.publishEvent(new AuditEvent(user.getUsername(), AuditEvent.roles(user.scope().roles()),
					"case.certificate-revoked", c.number(),
					"certificate=" + c.decision().certificateNo() + "; reason=" + reason.strip(), now.at()));
		});
	}

	public CaseView deliver(String number, DeliveryMethod method, GovHallUser user) {
		return act(number, user, Role.WINDOW_CLERK, Scope.LEAD, (c, a, now, cal) -> c.deliver(method, a, now, cal));
	}

	/** A window clerk of the lead department records a fee collected, with its receipt. */
	public CaseView chargeFee(String number, String feeName, java.math.BigDecimal amount, String receiptNo,
			GovHallUser user) {
		return act(number, user, Role.WINDOW_CLERK, Scope.LEAD,
				(c, a, now, cal) -> c.chargeFee(feeName, amount, receiptNo, a, now));
	}

	/**
	 * Hands the case over (移交) to another window clerk of the lead department who is on duty, with the reason: by
	 * its first handler, or by the department's admin or approver (the holder on leave, moved, gone). Audited from
	 * its event; the new holder is told.
	 */
	public CaseView handOver(String number, String to, String reason, GovHallUser user) {
		Case held = cases.findByNumber(number).orElseThrow(() -> new NotFoundException("error.case.notFound", number));
		Role role = user.getUsername().equals(held.firstHandler()) ? holderRole(user)
				: user.scope().has(Role.DEPARTMENT_ADMIN) ? Role.DEPARTMENT_ADMIN : Role.APPROVER;
		String target = to == null ? "" : to.strip();
		return act(number, user, role, Scope.LEAD, (c, a, now, cal) -> {
			if (!routing.isActiveClerk(c.terms().departmentCode(), target)) {
				throw new RuleViolationException("handover-target", "error.case.handOverTarget",
						List.of(new org.govhall.shared.GovHallException.FieldViolation("to",
								"error.case.handOverTarget", target)),
						target);
			}
			c.handOver(target, reason == null ? "" : reason, a, now);
		});
	}

	/**
	 * Hands over every open case of the department that {@code from} holds (a clerk going on leave, moving or leaving
	 * the hall) to {@code to}, a window clerk of the department on duty, with one reason: by the department's admin
	 * only. Each case is handed over as {@link #handOver} does it, in its own step, audited and told; a case that
	 * cannot be (it moved on meanwhile) is left with its holder and named in the answer.
	 */
	public BulkHandover handOverAll(String departmentCode, String from, String to, String reason, GovHallUser user) {
		DepartmentView department = directory.department(departmentCode)
			.orElseThrow(() -> new NotFoundException("error.department.notFound", departmentCode));
		if (!user.scope().has(Role.DEPARTMENT_ADMIN)
				|| !directory.covers(user.scope(), department.regionCode(), department.id())) {
			throw new ForbiddenException("error.forbidden.scope");
		}
		String target = to == null ? "" : to.strip();
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("text-required", "error.case.textRequired", "reason");
		}
		if (target.equals(from) || !routing.isActiveClerk(departmentCode, target)) {
			throw new RuleViolationException("handover-target", "error.case.handOverTarget",
					List.of(new org.govhall.shared.GovHallException.FieldViolation("to", "error.case.handOverTarget",
							target)),
					target);
		}
		List<String> open = jdbc.sql("""
				SELECT number FROM cases_case WHERE department_code = :d AND first_handler = :from
				  AND state NOT IN ('DELIVERED', 'REFUSED', 'WITHDRAWN') ORDER BY number
				""").param("d", departmentCode).param("from", from).query(String.class).list();
		List<String> moved = new ArrayList<>();
		List<String> left = new ArrayList<>();
		for (String number : open) {
			try {
				handOver(number, target, reason.strip(), user);
				moved.add(number);
			}
			catch (org.govhall.shared.GovHallException ex) {
				left.add(number);
			}
		}
		return new BulkHandover(from, target, moved, left);
	}

	/** What a bulk handover did: the cases handed over and those left with their holder. */
	public record BulkHandover(String from, String to, List<String> handedOver, List<String> left) {
	}

	/** The role a first handler acts in when handing over: the first staff role held, a window clerk's first. */
	private static Role holderRole(GovHallUser user) {
		for (Role r : List.of(Role.WINDOW_CLERK, Role.REVIEWER, Role.APPROVER, Role.DEPARTMENT_ADMIN)) {
			if (user.scope().has(r)) {
				return r;
			}
		}
		return Role.WINDOW_CLERK;
	}

	public CaseView withdraw(String number, GovHallUser user) {
		return act(number, user, null, Scope.PARTY, (c, a, now, cal) -> c.withdraw(a, now, cal));
	}

	private String certificateNumber(Case c, Now now) {
		return c.terms().departmentCode() + "-" + now.today().getYear() + "-"
				+ String.format("%06d", cases.nextCertificate());
	}

	// ---- reads

	public CaseView view(String number, GovHallUser user) {
		Case c = cases.findByNumber(number).orElseThrow(() -> new NotFoundException("error.case.notFound", number));
		Visibility visibility = visibility(c, user);
		if (visibility == Visibility.NONE) {
			throw new NotFoundException("error.case.notFound", number);
		}
		return CaseView.of(c, cases.history(c.id()), documents.forCase(c.number()), owed.forCase(c.number()),
				calendar.calendar(), Now.from(clock).today(), visibility == Visibility.PARTY, warningDays);
	}

	/** The kinds handed to an applicant at the window, in the order they are printed. */
	private static final List<DocumentKind> WINDOW_PRINT = List.of(DocumentKind.RECEIPT,
			DocumentKind.ACCEPTANCE_NOTICE, DocumentKind.CORRECTION_NOTICE, DocumentKind.REFUSAL_DECISION,
			DocumentKind.APPROVAL_DECISION, DocumentKind.CERTIFICATE, DocumentKind.SERVICE_CERTIFICATE,
			DocumentKind.PAYMENT_DECISION, DocumentKind.FILING_RECEIPT, DocumentKind.DECISION);

	/**
	 * The documents a window hands over, as one PDF to print in one go: the receipt, then the acceptance notice, the
	 * one-time notice or the refusal the case holds, then its decision (and certificate) once decided, as an instant
	 * item finished on the spot is. 404 when it holds none of them.
	 */
	public byte[] windowPrint(String number, GovHallUser user) {
		view(number, user);
		List<IssuedDocument> docs = documents.forCase(number)
			.stream()
			.filter(d -> WINDOW_PRINT.contains(d.kind()))
			.sorted(java.util.Comparator.comparingInt((IssuedDocument d) -> WINDOW_PRINT.indexOf(d.kind())))
			.toList();
		if (docs.isEmpty()) {
			throw new NotFoundException("error.document.notFound", number);
		}
		try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			org.apache.pdfbox.multipdf.PDFMergerUtility merger = new org.apache.pdfbox.multipdf.PDFMergerUtility();
			for (IssuedDocument d : docs) {
				merger.addSource(new org.apache.pdfbox.io.RandomAccessReadBuffer(documents.pdf(d)));
			}
			merger.setDestinationStream(out);
			merger.mergeDocuments(org.apache.pdfbox.io.IOUtils.createMemoryOnlyStreamCache());
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("the documents of case " + number + " could not be put together", ex);
		}
	}

	public byte[] documentPdf(String number, String documentNumber, GovHallUser user) {
		view(number, user);
		IssuedDocument doc = documents.find(documentNumber)
			.filter(d -> d.caseNumber().equals(number))
			.orElseThrow(() -> new NotFoundException("error.document.notFound", documentNumber));
		return documents.pdf(doc);
	}

	/**
	 * The public progress lookup: by case number and query code, without login. A wrong code answers exactly like a
	 * wrong number, and nothing personal is shown.
	 */
	public Optional<PublicProgress> lookup(String number, String queryCode) {
		if (number == null || queryCode == null || number.length() > 32 || queryCode.length() > 8) {
			return Optional.empty();
		}
		return cases.findByNumber(number.strip())
			.filter(c -> MessageDigest.isEqual(c.queryCode().getBytes(StandardCharsets.UTF_8),
					queryCode.strip().toUpperCase().getBytes(StandardCharsets.UTF_8)))
			.map(c -> PublicProgress.of(c, calendar.calendar(), Now.from(clock).today(), warningDays, clock.getZone()));
	}

	enum Visibility {

		NONE, PARTY, STAFF

	}

	private Visibility visibility(Case c, GovHallUser user) {
		if (isParty(c, user) || actsForEnterprise(c, user)) {
			return Visibility.PARTY;
		}
		if (user.scope().handlesCases() && (covers(user, c.terms().departmentCode()) || c.terms().coDepartments().stream()
			.anyMatch(d -> covers(user, d)))) {
			return Visibility.STAFF;
		}
		return Visibility.NONE;
	}

	/** A step only the applicant or agent may take: 404 to whoever may not see the case, 403 to staff who may. */
	private void requireParty(Case c, GovHallUser user) {
		if (!isParty(c, user) && !actsForEnterprise(c, user)) {
			throw visibility(c, user) == Visibility.NONE ? new NotFoundException("error.case.notFound", c.number())
					: new ForbiddenException("error.forbidden.role");
		}
	}

	/**
	 * Whether the user acts for the enterprise that applied: its legal representative or staff it authorised today
	 * (ADR 0024). They see and continue its cases as the enterprise would.
	 */
	private boolean actsForEnterprise(Case c, GovHallUser user) {
		return !c.applicant().identity().isPerson() && user.scope().has(Role.APPLICANT) && user.verified()
				&& directory.enterpriseActedForBy(user, c.applicant().identity().number()).isPresent();
	}

	static boolean isParty(Case c, GovHallUser user) {
		Long applicant = c.applicant().accountId();
		boolean isApplicant = applicant != null && applicant == user.accountId();
		boolean isAgent = c.authorization() != null && c.authorization().agentAccountId() == user.accountId();
		return isApplicant || isAgent;
	}

	private boolean covers(GovHallUser user, String departmentCode) {
		return directory.department(departmentCode)
			.map(d -> directory.covers(user.scope(), d.regionCode(), d.id()))
			.orElse(false);
	}

	// ---- the one way every action runs

	enum Scope {

		/** Staff of the lead (implementing) department, or above it. */
		LEAD,
		/** Staff of a co-reviewing department. */
		CO_DEPARTMENT,
		/** The applicant or the agent of the case. */
		PARTY

	}

	@FunctionalInterface
	interface Step {

		void apply(Case c, Actor actor, Now now, WorkingCalendar calendar);

	}

	/**
	 * Runs one step in its own transaction; each step is timed ({@code govhall.cases.transition}, tagged with the
	 * state it led to, or {@code refused}) and logged without personal data.
	 */
	private CaseView act(String number, GovHallUser user, @Nullable Role role, Scope scope, Step step) {
		long start = System.nanoTime();
		try {
			CaseView view = transition(number, user, role, scope, step);
			timer(view.state().name()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			log.info("case {} is {} after a step by {}", number, view.state(), user.getUsername());
			return view;
		}
		catch (RuntimeException ex) {
			timer("refused").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			throw ex;
		}
	}

	/** The step timer of an outcome, built once. */
	private Timer timer(String state) {
		return timers.computeIfAbsent(state, s -> Timer.builder("govhall.cases.transition")
			.description("Time of a case step, from the request to the committed answer")
			.tag("state", s)
			.register(meters));
	}

	private CaseView transition(String number, GovHallUser user, @Nullable Role role, Scope scope, Step step) {
		Case.AcceptanceWindowPassed[] late = new Case.AcceptanceWindowPassed[1];
		CaseView view = tx.execute(status -> {
			Case c = cases.findByNumber(number)
				.orElseThrow(() -> new NotFoundException("error.case.notFound", number));
			Actor actor;
			switch (scope) {
				case PARTY -> {
					requireParty(c, user);
					actor = actor(user, user.scope().has(Role.AGENT) ? Role.AGENT : Role.APPLICANT);
				}
				case CO_DEPARTMENT -> {
					if (c.terms().coDepartments().stream().noneMatch(d -> covers(user, d))) {
						throw visibility(c, user) == Visibility.NONE
								? new NotFoundException("error.case.notFound", number)
								: new ForbiddenException("error.forbidden.scope");
					}
					actor = actor(user, role);
				}
				default -> {
					if (!covers(user, c.terms().departmentCode())) {
						throw visibility(c, user) == Visibility.NONE
								? new NotFoundException("error.case.notFound", number)
								: new ForbiddenException("error.forbidden.scope");
					}
					actor = actor(user, role);
				}
			}
			Now now = Now.from(clock);
			WorkingCalendar cal = calendar.calendar();
			try {
				step.apply(c, actor, now, cal);
			}
			catch (Case.AcceptanceWindowPassed ex) {
				// too late to refuse or to ask for corrections: the law has accepted the case as of receipt
				// (第三十二条); that is written now, and the caller is told why the step was not taken
				c.deemAcceptedIfOverdue(Actor.system(), now, cal);
				late[0] = ex;
			}
			cases.update(c);
			// a step whose documents could not be issued is refused here, before anything is stored (ADR 0021)
			publish(c, true, List.of());
			// the answer is built from the case as just written, in the same transaction: no second read
			return CaseView.of(c, cases.history(c.id()), documents.forCase(c.number()), owed.forCase(c.number()), cal,
					now.today(), isParty(c, user), warningDays);
		});
		if (late[0] != null) {
			throw late[0];
		}
		return view;
	}

	private String departmentName(String code, Locale locale) {
		return directory.department(code).map(d -> d.name(locale)).filter(n -> n != null && !n.isBlank()).orElse(code);
	}

	private static Actor actor(GovHallUser user, @Nullable Role role) {
		if (role == null || !user.scope().has(role)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		return new Actor(user.accountId(), user.getUsername(), user.displayName(), role);
	}

	private void requireCovers(GovHallUser user, DepartmentView department) {
		if (!directory.covers(user.scope(), department.regionCode(), department.id())) {
			throw new ForbiddenException("error.forbidden.scope");
		}
	}

	/** Publishes the case's new events, recording the documents they owe (ADR 0021); the jobs check nothing. */
	private void publish(Case c) {
		publish(c, false, List.of());
	}

	/**
	 * Publishes the case's new events and {@code more}, after recording the documents they owe; with {@code check},
	 * a document that could not be issued refuses the step (400) instead.
	 */
	private void publish(Case c, boolean check, List<Object> more) {
		List<Object> all = new ArrayList<>(c.drainEvents());
		all.addAll(more);
		caseDocuments.owe(c, all, check);
		all.forEach(events::publishEvent);
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

}
