package org.govhall.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.govhall.calendar.HolidaySchedules;
import org.govhall.calendar.WorkingCalendar;
import org.govhall.cases.CaseRecords.HistoryEntry;
import org.govhall.cases.CaseRecords.Licence;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.directory.CaseRouting;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.documents.Documents;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RuleViolationException;
import org.govhall.storage.Storage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Taking the steps of a case: every step of the {@link CaseStep procedure table} runs
 * through {@link #take}, in one transaction that writes the case row, its history and its
 * events, or nothing; the checks a correction's page makes before it stores files; the
 * hand-over of all a clerk's cases; and the jobs that deem cases accepted and recompute
 * due dates. Receiving a case is {@link CaseIntake}'s, reading one {@link CaseReads}'.
 */
@Service
public class CaseHandling {

	private static final Logger log = LoggerFactory.getLogger(CaseHandling.class);

	private final Cases cases;

	private final Directory directory;

	private final HolidaySchedules calendar;

	private final Storage storage;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	/**
	 * For the jobs that walk many cases (deemed acceptance, new due dates): each case in
	 * a transaction of its own, never joined to the caller's, so that a case another step
	 * changed at the same moment (a conflict, caught and passed over) cannot mark the
	 * caller's transaction for rollback and undo the cases done before it.
	 */
	private final TransactionTemplate eachCase;

	private final Documents documents;

	private final CaseDocuments caseDocuments;

	private final Clock clock;

	private final CaseRouting routing;

	private final CaseUploads uploads;

	private final CaseAccess access;

	private final CaseRecorder recorder;

	private final DocumentsOwed owed;

	private final int warningDays;

	private final MeterRegistry meters;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	CaseHandling(Cases cases, Directory directory, HolidaySchedules calendar, Storage storage, JdbcClient jdbc,
			ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, Documents documents,
			CaseDocuments caseDocuments, ObjectProvider<MeterRegistry> meters, CaseRouting routing, CaseUploads uploads,
			CaseAccess access, CaseRecorder recorder, DocumentsOwed owed, CasesSettings settings) {
		this.warningDays = settings.warningDays();
		this.cases = cases;
		this.directory = directory;
		this.calendar = calendar;
		this.storage = storage;
		this.jdbc = jdbc;
		this.events = events;
		this.tx = tx;
		this.eachCase = new TransactionTemplate(tx.getTransactionManager());
		this.eachCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.documents = documents;
		this.caseDocuments = caseDocuments;
		this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.routing = routing;
		this.uploads = uploads;
		this.access = access;
		this.recorder = recorder;
		this.owed = owed;
	}

	// ---- corrections and the clock's jobs

	/**
	 * Refuses a correction as {@link #correct} would before it runs: not the user's case
	 * (as applicant or agent), or not awaiting correction; and every file as the storage
	 * would. The page calls it before storing the files it receives with a correction, so
	 * that a refused correction leaves none behind.
	 */
	public void checkCorrection(String number, List<Upload> files, GovHallUser user) {
		Case c = cases.findByNumber(number).orElseThrow(() -> new NotFoundException("error.case.notFound", number));
		access.requireParty(c, user);
		if (c.state() != CaseState.AWAITING_CORRECTION) {
			throw new ConflictException("case-state", "error.case.state", number, c.state());
		}
		files.forEach(f -> storage.check(f.name(), f.content()));
	}

	/**
	 * Checks one file as the store would (type by content, size, emptiness) without
	 * storing it.
	 */
	public void checkUpload(Upload file) {
		storage.check(file.name(), file.content());
	}

	/** A file as a form hands it in: its name and its bytes. */
	public record Upload(String name, byte[] content) {
	}

	/**
	 * Deems accepted every case whose acceptance window passed without a decision or a
	 * notice.
	 */
	public int deemOverdueAcceptances() {
		Now now = Now.from(clock);
		int count = 0;
		for (String number : cases.overdueForAcceptance(now.today())) {
			try {
				Boolean done = eachCase.execute(status -> {
					Case c = cases.findByNumber(number).orElseThrow();
					if (!c.acceptanceWindowPassed(now.today())) {
						return false;
					}
					if (c.firstHandler() == null) {
						// received before first handlers were routed: deemed accepted,
						// but never without one
						c.routeIfUnheld(routing.firstHandler(c.terms().departmentCode()).orElse(null));
					}
					c.deemAcceptedIfOverdue(Actor.system(), now, calendar.calendar());
					cases.update(c);
					recorder.publish(c);
					return true;
				});
				count += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (ConflictException ex) {
				// a clerk acted on the case at the same moment: their step stands, and so
				// does the law's
			}
		}
		return count;
	}

	/**
	 * Evaluates the due dates of open cases again after a year's calendar changed,
	 * recording real changes.
	 */
	public int recomputeDeadlines(int year, String why) {
		Now now = Now.from(clock);
		int count = 0;
		for (String number : cases.openCasesAround(year)) {
			try {
				Boolean changed = eachCase.execute(status -> {
					Case c = cases.findByNumber(number).orElseThrow();
					if (!c.recompute(Actor.system(), now, calendar.calendar(), why)) {
						return false;
					}
					cases.update(c);
					recorder.publish(c);
					return true;
				});
				count += Boolean.TRUE.equals(changed) ? 1 : 0;
			}
			catch (ConflictException ex) {
				// the case moved on at the same moment; its own step recomputed its due
				// dates
			}
		}
		return count;
	}

	// ---- hand-overs

	/**
	 * Hands over every open case of the department that {@code from} holds (a clerk going
	 * on leave, moving or leaving the hall) to {@code to}, a window clerk of the
	 * department on duty, with one reason: by the department's admin only. Each case is
	 * handed over as {@link CaseStep#HAND_OVER} is taken, in its own step, audited and
	 * told; a case that cannot be (it moved on meanwhile) is left with its holder and
	 * named in the answer.
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
					List.of(new GovHallException.FieldViolation("to", "error.case.handOverTarget", target)), target);
		}
		List<String> open = jdbc.sql("""
				SELECT number FROM cases_case WHERE department_code = :d AND first_handler = :from
				  AND state NOT IN ('DELIVERED', 'REFUSED', 'WITHDRAWN') ORDER BY number
				""").param("d", departmentCode).param("from", from).query(String.class).list();
		List<String> moved = new ArrayList<>();
		List<String> left = new ArrayList<>();
		for (String number : open) {
			try {
				take(number, new CaseCommand.Handover(target, reason.strip()), user);
				moved.add(number);
			}
			catch (GovHallException ex) {
				left.add(number);
			}
		}
		return new BulkHandover(from, target, moved, left);
	}

	/**
	 * What a bulk handover did: the cases handed over and those left with their holder.
	 */
	public record BulkHandover(String from, String to, List<String> handedOver, List<String> left) {
	}

	// ---- the one way every step runs

	/**
	 * Takes a step of the {@link CaseStep procedure table} on a case, as {@code user}:
	 * 404 to whoever may not see the case, 403 to one on the wrong side of it or without
	 * one of the step's roles, then the step's rules in {@link Case}; the step is
	 * written, its documents issued and its events published in one transaction.
	 */
	public CaseView take(String number, CaseCommand command, GovHallUser user) {
		CaseStep step = CaseStep.of(command);
		long start = System.nanoTime();
		try {
			CaseView view = transition(number, user, step, command);
			timer(view.state().name()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			log.info("case {} is {} after {} by {}", number, view.state(), step, user.getUsername());
			return view;
		}
		catch (RuntimeException ex) {
			timer("refused").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			throw ex;
		}
	}

	/** The step timer of an outcome, built once. */
	private Timer timer(String state) {
		return timers.computeIfAbsent(state,
				s -> Timer.builder("govhall.cases.transition")
					.description("Time of a case step, from the request to the committed answer")
					.tag("state", s)
					.register(meters));
	}

	private CaseView transition(String number, GovHallUser user, CaseStep step, CaseCommand command) {
		Case.AcceptanceWindowPassed[] late = new Case.AcceptanceWindowPassed[1];
		CaseView view = tx.execute(status -> {
			Cases.WithHistory loaded = cases.findWithHistory(number)
				.orElseThrow(() -> new NotFoundException("error.case.notFound", number));
			Case c = loaded.c();
			Actor actor = switch (step.who()) {
				case PARTY -> {
					access.requireParty(c, user);
					yield Actor.of(user, user.scope().has(Role.AGENT) ? Role.AGENT : Role.APPLICANT);
				}
				case CO_DEPARTMENT -> {
					access.requireSide(c, user,
							c.terms().coDepartments().stream().anyMatch(d -> access.covers(user, d)));
					yield Actor.of(user, step.roleOf(user, c.firstHandler()).orElse(null));
				}
				case LEAD -> {
					access.requireSide(c, user, access.covers(user, c.terms().departmentCode()));
					yield Actor.of(user, step.roleOf(user, c.firstHandler()).orElse(null));
				}
			};
			Now now = Now.from(clock);
			WorkingCalendar cal = calendar.calendar();
			try {
				command.apply(c, new Context(user, actor, now, cal));
			}
			catch (Case.AcceptanceWindowPassed ex) {
				// too late to refuse or to ask for corrections: the law has accepted the
				// case as of receipt
				// (第三十二条); that is written now, and the caller is told why the step was
				// not taken
				c.deemAcceptedIfOverdue(Actor.system(), now, cal);
				late[0] = ex;
			}
			List<HistoryEntry> appended = cases.update(c);
			// a step whose documents could not be issued is refused here, before anything
			// is stored (ADR 0021)
			recorder.publish(c, true, List.of());
			// the answer is built from the case as just written, in the same transaction:
			// the history as loaded with the case and the lines the step appended
			List<HistoryEntry> history = new ArrayList<>(loaded.history());
			history.addAll(appended);
			return CaseView.of(c, history, documents.forCase(c.number()), owed.forCase(c.number()), cal, now.today(),
					CaseAccess.isParty(c, user), warningDays);
		});
		if (late[0] != null) {
			throw late[0];
		}
		return view;
	}

	/** What a step needs from the hall while it runs, for {@link CaseCommand#apply}. */
	private final class Context implements CaseCommand.StepContext {

		private final GovHallUser user;

		private final Actor actor;

		private final Now now;

		private final WorkingCalendar calendar;

		Context(GovHallUser user, Actor actor, Now now, WorkingCalendar calendar) {
			this.user = user;
			this.actor = actor;
			this.now = now;
			this.calendar = calendar;
		}

		@Override
		public Actor actor() {
			return actor;
		}

		@Override
		public Now now() {
			return now;
		}

		@Override
		public WorkingCalendar calendar() {
			return calendar;
		}

		@Override
		public @Nullable String text(String field, @Nullable String text, boolean oneLine) {
			return caseDocuments.printable(field, text, oneLine);
		}

		@Override
		public @Nullable Licence licence(@Nullable Licence entered) {
			return caseDocuments.printable(entered);
		}

		@Override
		public String certificateNumber(Case c) {
			return recorder.certificateNumber(c, now);
		}

		@Override
		public List<SubmittedMaterial> materials(List<SubmitCase.MaterialFile> files, Case c) {
			return uploads.handedIn(files, c.terms(), user, now, c.notices().size());
		}

		@Override
		public String department() {
			return Optional.ofNullable(user.scope().departmentId())
				.flatMap(directory::department)
				.map(DepartmentView::code)
				.orElseThrow(() -> new ForbiddenException("error.forbidden.scope"));
		}

		@Override
		public void requireClerkOnDuty(Case c, String username) {
			if (!routing.isActiveClerk(c.terms().departmentCode(), username)) {
				throw new RuleViolationException("handover-target", "error.case.handOverTarget",
						List.of(new GovHallException.FieldViolation("to", "error.case.handOverTarget", username)),
						username);
			}
		}

		@Override
		public String requireStaffOfCase(Case c, String username, String field) {
			return directory.principal(username)
				.filter(u -> u.isEnabled() && u.scope().handlesCases() && u.scope().departmentId() != null
						&& directory.department(u.scope().departmentId())
							.filter(d -> d.code().equals(c.terms().departmentCode()))
							.isPresent())
				.map(GovHallUser::displayName)
				.orElseThrow(() -> new InvalidInputException("not-staff-of-case", "error.case.notStaffOfCase", field,
						username));
		}

		@Override
		public void certificateRevoked(Case c, String reason) {
			documents.revokeCertificates(c.number(), now.today());
			events.publishEvent(new AuditEvent(user.getUsername(), AuditEvent.roles(user.scope().roles()),
					"case.certificate-revoked", c.number(), "certificate="
							+ Objects.requireNonNull(c.decision()).certificateNo() + "; reason=" + reason.strip(),
					now.at()));
		}

		@Override
		public RuntimeException named(Case.OpinionsMissing missing) {
			return missing.named(d -> departmentName(d, Locale.SIMPLIFIED_CHINESE),
					d -> departmentName(d, Locale.ENGLISH));
		}

	}

	private String departmentName(String code, Locale locale) {
		return directory.department(code).map(d -> d.name(locale)).filter(n -> n != null && !n.isBlank()).orElse(code);
	}

}
