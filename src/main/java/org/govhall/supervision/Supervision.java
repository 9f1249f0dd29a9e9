package org.govhall.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.govhall.cases.DocumentsOwed;
import org.govhall.cases.OwedDocument;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.supervision.SupervisionHistory.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Electronic supervision (电子监察): the workbench of red and yellow cases, irregularities,
 * cards, supervision notices and accountability, each seen in the user's scope
 * ({@link Viewer}); the case timeline; the daily run.
 *
 * <p>
 * Who may do what: supervisors (and system administrators) of a region see it and
 * everything below, issue notices (督办), review card answers and record accountability
 * (问责); a department head (department administrator) sees the department's warnings and
 * answers its cards and notices; any other official sees the warnings of the cases they
 * are responsible for. Applicants and agents see nothing here.
 */
@Service
public class Supervision {

	/** The most rows one list shows. */
	static final int LIMIT = 1000;

	private final SupervisedCaseQueries cases;

	private final Reevaluation reevaluation;

	private final Cards cards;

	private final Notices notices;

	private final Irregularities irregularities;

	private final SupervisionHistory history;

	private final Directory directory;

	private final Clock clock;

	private final DocumentsOwed documentsOwed;

	Supervision(SupervisedCaseQueries cases, Reevaluation reevaluation, Cards cards, Notices notices,
			Irregularities irregularities, SupervisionHistory history, Directory directory, Clock clock,
			DocumentsOwed documentsOwed) {
		this.documentsOwed = documentsOwed;
		this.cases = cases;
		this.reevaluation = reevaluation;
		this.cards = cards;
		this.notices = notices;
		this.irregularities = irregularities;
		this.history = history;
		this.directory = directory;
		this.clock = clock;
	}

	/** Which open cases the workbench lists. */
	public enum Filter {

		/** Overdue cases. */
		RED,
		/** Cases almost due. */
		YELLOW,
		/** Every open case, red and yellow first. */
		ALL_OPEN;

		List<Warning> warnings() {
			return switch (this) {
				case RED -> List.of(Warning.RED);
				case YELLOW -> List.of(Warning.YELLOW);
				case ALL_OPEN -> List.of(Warning.values());
			};
		}

	}

	/**
	 * The open cases the user may see, red first, then by the working days left; at most
	 * {@value #LIMIT}.
	 * @throws ForbiddenException for applicants and agents
	 */
	public List<SupervisedCase> workbench(GovHallUser user, Filter filter) {
		return cases.open(viewer(user), filter.warnings(), LIMIT);
	}

	/**
	 * The case drilled down: steps and who held it, sub-deadlines, irregularities, cards,
	 * notices, accountability.
	 */
	public CaseTimeline timeline(String caseNumber, GovHallUser user) {
		SupervisedCase c = visibleCase(caseNumber, user);
		List<CaseTimeline.Step> steps = cases.steps(caseNumber);
		return new CaseTimeline(c, CaseTimeline.held(steps, c.closedOn() == null, clock.instant()),
				cases.subClocks(caseNumber), cases.irregularities(viewer(user), caseNumber, LIMIT),
				cards.ofCase(caseNumber), notices.ofCase(caseNumber), notices.accountabilities(null, caseNumber),
				cases.awaited(caseNumber, LocalDate.now(clock)).orElse(null));
	}

	public List<Irregularity> irregularities(GovHallUser user) {
		return cases.irregularities(viewer(user), null, LIMIT);
	}

	// ---- cards

	/**
	 * The cards the user may see: open ones first, newest first; closed ones too when
	 * {@code all}.
	 */
	public List<Card> cards(GovHallUser user, boolean all) {
		Viewer v = viewer(user);
		return cards.list(v.supervises() ? v.regions() : Set.of(), v.department(), v.handler(), all, LIMIT);
	}

	public Card card(String number, GovHallUser user) {
		Card c = cards.find(number).orElseThrow(() -> new NotFoundException("error.card.notFound", number));
		Viewer v = viewer(user);
		boolean visible = v.supervises()
				? (v.regions().contains(c.regionCode()) || v.regions().contains(c.levelRegion()))
						&& (v.department() == null || v.department().equals(c.departmentCode()))
				: v.department() != null ? v.department().equals(c.departmentCode())
						: v.handler() != null && v.handler().equals(c.handler());
		if (!visible && c.caseNumber() != null) {
			// a card shown on a case's timeline opens for everyone who may see that
			// timeline (a co-department of a
			// joint review, the case's first handler); answering and reviewing keep their
			// own checks
			try {
				visibleCase(c.caseNumber(), user);
				visible = true;
			}
			catch (NotFoundException ex) {
				// neither the card's scope nor the case's
			}
		}
		if (!visible) {
			throw new NotFoundException("error.card.notFound", number);
		}
		return c;
	}

	public List<SupervisionHistory.Entry> history(String subject) {
		return history.of(subject);
	}

	/**
	 * The department head answers the card with a written explanation and rectification.
	 */
	@Transactional
	public Card answerCard(String number, String explanation, String rectification, GovHallUser user) {
		Card c = card(number, user);
		requireHeadOf(user, c.departmentCode());
		requireText(explanation, "explanation");
		requireText(rectification, "rectification");
		return cards.answer(c, explanation, rectification, Actor.of(user));
	}

	/**
	 * A supervisor in charge of the card (of its current level or above) accepts or
	 * returns the answer.
	 */
	@Transactional
	public Card reviewCard(String number, boolean accept, String comment, GovHallUser user) {
		Card c = card(number, user);
		Viewer v = requireSupervisor(user);
		if (!v.regions().contains(c.levelRegion())) {
			throw new ForbiddenException("error.card.notInCharge");
		}
		if (!accept) {
			requireText(comment, "comment");
		}
		return cards.review(c, accept, comment == null ? "" : comment, Actor.of(user));
	}

	// ---- notices and accountability

	/**
	 * A supervisor demands a response on a case (督办) within the given working days (1 to
	 * 30).
	 */
	@Transactional
	public Notice issueNotice(String caseNumber, String demand, int responseDays, GovHallUser user) {
		requireSupervisor(user);
		SupervisedCase c = visibleCase(caseNumber, user);
		requireText(demand, "demand");
		if (responseDays < 1 || responseDays > 30) {
			throw new InvalidInputException("invalid-days", "error.notice.days", "responseDays");
		}
		return notices.issue(caseNumber, c.departmentCode(), c.regionCode(), demand, responseDays, Actor.of(user));
	}

	public List<Notice> notices(GovHallUser user) {
		Viewer v = viewer(user);
		if (!v.supervises() && v.department() == null) {
			return List.of();
		}
		return notices.list(v.supervises() ? v.regions() : Set.of(), v.department(), LIMIT);
	}

	public Notice notice(String number, GovHallUser user) {
		Notice n = notices.find(number).orElseThrow(() -> new NotFoundException("error.notice.notFound", number));
		visibleCase(n.caseNumber(), user);
		return n;
	}

	@Transactional
	public Notice respondToNotice(String number, String response, GovHallUser user) {
		Notice n = notice(number, user);
		requireHeadOf(user, n.departmentCode());
		requireText(response, "response");
		return notices.respond(n, response, Actor.of(user));
	}

	@Transactional
	public Notice closeNotice(String number, String comment, GovHallUser user) {
		Notice n = notice(number, user);
		requireSupervisor(user);
		return notices.close(n, comment == null ? "" : comment, Actor.of(user));
	}

	/**
	 * A supervisor records accountability against a card (and its case) or against a
	 * case.
	 */
	@Transactional
	public Accountability holdAccountable(@Nullable String cardNumber, @Nullable String caseNumber, String person,
			Accountability.Measure measure, String basis, GovHallUser user) {
		requireSupervisor(user);
		requireText(person, "person");
		requireText(basis, "basis");
		if (cardNumber != null && !cardNumber.isBlank()) {
			Card c = card(cardNumber, user);
			return notices.hold(c.number(), c.caseNumber(), c.departmentCode(), c.regionCode(), person, measure, basis,
					Actor.of(user));
		}
		if (caseNumber == null || caseNumber.isBlank()) {
			throw new InvalidInputException("text-required", "error.case.textRequired", "caseNumber");
		}
		SupervisedCase c = visibleCase(caseNumber, user);
		return notices.hold(null, c.caseNumber(), c.departmentCode(), c.regionCode(), person, measure, basis,
				Actor.of(user));
	}

	public List<Accountability> accountabilities(String cardNumber, GovHallUser user) {
		card(cardNumber, user);
		return notices.accountabilities(cardNumber, null);
	}

	// ---- the daily run

	/** What one daily run did. */
	public record DailyRun(int casesEvaluated, int cardsIssued, int cardsEscalated, int longSuspensions) {
	}

	/**
	 * Evaluates the remaining working days and the warning of every open case and
	 * sub-deadline again, against today and the current calendar (no event is replayed);
	 * cards what turned red; applies the daily rule on long suspensions; escalates cards
	 * whose answer is overdue.
	 */
	public DailyRun daily() {
		int evaluated = reevaluation.reevaluate();
		int issued = 0;
		for (String[] red : reevaluation.redWithoutCard()) {
			if (red[1] == null) {
				cards.forOverdueCase(red[0]);
			}
			else {
				cards.forOverdueOpinion(red[0], red[1]);
			}
			issued++;
		}
		int longSuspensions = irregularities.checkLongSuspensions();
		int escalated = cards.escalateOverdue();
		return new DailyRun(evaluated, issued, escalated, longSuspensions);
	}

	/** Only the warnings, e.g. after a calendar change. */
	public int reevaluate() {
		return reevaluation.reevaluate();
	}

	/**
	 * The documents the cases in the user's scope owe and have not issued (文书未出具, ADR
	 * 0021), oldest first: a supervisor's region and below (their department only when
	 * the scope names one), a department head's department; other officials the documents
	 * of the cases they first handled or are responsible for.
	 */
	public List<OwedDocument> documentsOwed(GovHallUser user) {
		Viewer v = viewer(user);
		if (v.supervises() || v.department() != null) {
			return documentsOwed.forDepartments(departmentsOf(v));
		}
		Set<String> mine = new HashSet<>(cases.numbersHeldBy(v));
		return documentsOwed.forDepartments(departmentsOf(v))
			.stream()
			.filter(d -> mine.contains(d.caseNumber()))
			.toList();
	}

	/** How many documents the cases in the user's scope owe and have not issued. */
	public int documentsOwedCount(GovHallUser user) {
		Viewer v = viewer(user);
		return v.supervises() || v.department() != null ? documentsOwed.countForDepartments(departmentsOf(v))
				: documentsOwed(user).size();
	}

	/**
	 * The codes of the departments a viewer sees: of its regions (its own only when it
	 * names one).
	 */
	private List<String> departmentsOf(Viewer v) {
		if (v.department() != null && !v.supervises()) {
			return List.of(v.department());
		}
		return directory.departments()
			.stream()
			.filter(d -> v.supervises() ? v.regions().contains(d.regionCode()) : true)
			.filter(d -> v.department() == null || v.department().equals(d.code()))
			.map(DepartmentView::code)
			.toList();
	}

	// ---- scope

	Viewer viewer(GovHallUser user) {
		var scope = user.scope();
		if (scope.has(Role.SUPERVISOR)) {
			String region = scope.regionCode();
			Long departmentId = scope.departmentId();
			String department = departmentId == null ? null
					: directory.department(departmentId).map(DepartmentView::code).orElse("-");
			return new Viewer(region == null ? Set.of("-") : directory.regionAndBelow(region), department, null);
		}
		if (scope.hasAny(Role.DEPARTMENT_ADMIN) && scope.departmentId() != null) {
			return new Viewer(Set.of(),
					directory.department(scope.departmentId()).map(DepartmentView::code).orElse("-"), null);
		}
		if (scope.hasAny(Role.WINDOW_CLERK, Role.REVIEWER, Role.APPROVER, Role.LEGAL_REVIEWER, Role.DEPARTMENT_ADMIN)) {
			return new Viewer(Set.of(), null, user.getUsername());
		}
		throw new ForbiddenException("error.forbidden.role");
	}

	private SupervisedCase visibleCase(String caseNumber, GovHallUser user) {
		Viewer v = viewer(user);
		SupervisedCase c = cases.find(caseNumber)
			.orElseThrow(() -> new NotFoundException("error.supervision.caseNotFound", caseNumber));
		boolean visible;
		if (v.supervises()) {
			visible = v.regions().contains(c.regionCode())
					&& (v.department() == null || v.department().equals(c.departmentCode()));
		}
		else if (v.department() != null) {
			visible = v.department().equals(c.departmentCode())
					|| cases.subClocks(caseNumber).stream().anyMatch(s -> s.departmentCode().equals(v.department()));
		}
		else {
			visible = user.getUsername().equals(c.responsiblePerson()) || user.getUsername().equals(c.firstHandler());
		}
		if (!visible) {
			throw new NotFoundException("error.supervision.caseNotFound", caseNumber);
		}
		return c;
	}

	private Viewer requireSupervisor(GovHallUser user) {
		Viewer v = viewer(user);
		if (!v.supervises() || !user.scope().has(Role.SUPERVISOR)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		return v;
	}

	private void requireHeadOf(GovHallUser user, String departmentCode) {
		Viewer v = viewer(user);
		if (v.supervises() || v.department() == null || !v.department().equals(departmentCode)) {
			throw new ForbiddenException("error.card.notHead");
		}
	}

	private static void requireText(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("text-required", "error.case.textRequired", field);
		}
		if (text.length() > 4000) {
			throw new InvalidInputException("text-too-long", "error.supervision.tooLong", field);
		}
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

}
