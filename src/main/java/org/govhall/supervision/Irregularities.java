package org.govhall.supervision;

import java.sql.Date;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.govhall.cases.CaseEvent;
import org.govhall.cases.CaseFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies the {@link IrregularityRule}s to case events and records what they find, once
 * per case and rule; a serious finding brings a yellow card, a critical one a red card
 * ({@link Cards}). The rules read only the event and supervision's own tables. One rule
 * also runs daily: a clock stopped longer than
 * {@code govhall.supervision.max-suspension-days} calendar days (default 60).
 */
@Component
class Irregularities {

	private final JdbcClient jdbc;

	private final Cards cards;

	private final Clock clock;

	private final int maxSuspensionDays;

	Irregularities(JdbcClient jdbc, Cards cards, Clock clock, SupervisionSettings settings) {
		this.jdbc = jdbc;
		this.cards = cards;
		this.clock = clock;
		this.maxSuspensionDays = settings.supervision().maxSuspensionDays();
	}

	/**
	 * What a rule found: the rule, the person responsible (if one is known) and the facts
	 * in a short line.
	 */
	record Finding(IrregularityRule rule, @Nullable String person, String detail) {
	}

	void check(CaseEvent event) {
		CaseFacts f = event.facts();
		for (Finding finding : findings(event)) {
			record(f.caseNumber(), f.departmentCode(), f.regionCode(), finding);
		}
	}

	List<Finding> findings(CaseEvent event) {
		CaseFacts f = event.facts();
		String actor = f.step() == null ? null : f.step().actor();
		List<Finding> found = new ArrayList<>();
		if (event instanceof CaseEvent.StepTaken t && t.late()) {
			found.add(new Finding(IrregularityRule.PROCEDURE_LATE, actor,
					FactLine.ACT_LATE.line(t.step().name(), t.on(), t.due() == null ? "" : t.due())));
		}
		else if (event instanceof CaseEvent.Accepted a && a.deemed()) {
			found.add(new Finding(IrregularityRule.DEEMED_ACCEPTANCE, f.firstHandler(),
					FactLine.DEEMED.line(f.receivedOn(), a.missedDue())));
		}
		else if (event instanceof CaseEvent.CorrectionRequested c && c.round() > 1 && !c.newlyNamed().isEmpty()) {
			found.add(new Finding(IrregularityRule.ONE_TIME_NOTICE_BREACHED, actor,
					FactLine.NOTICE_ROUND.line(c.round(), String.join(", ", c.newlyNamed()))));
		}
		else if (event instanceof CaseEvent.Extended x
				&& (x.approvedBy() == null || x.number() > 1 || x.amount() > x.legalAmount())) {
			found.add(new Finding(IrregularityRule.EXTENSION_IRREGULAR, x.approvedBy(),
					(x.approvedBy() == null ? FactLine.EXTENSION_UNAPPROVED : FactLine.EXTENSION).line(x.number(),
							x.amount(), x.legalAmount())));
		}
		else if (event instanceof CaseEvent.Suspended s && !s.listed()) {
			found.add(new Finding(IrregularityRule.SUSPENSION_UNLISTED, actor,
					FactLine.SUSPENDED_UNLISTED.line(s.procedure(), s.from())));
		}
		else if (event instanceof CaseEvent.Resumed r
				&& ChronoUnit.DAYS.between(r.from(), r.to()) + 1 > maxSuspensionDays) {
			found.add(new Finding(IrregularityRule.SUSPENSION_TOO_LONG, actor,
					FactLine.SUSPENDED_LONG.line(r.procedure(), r.from(), r.to(), maxSuspensionDays)));
		}
		else if (event instanceof CaseEvent.Decided d) {
			if (d.reviewer() != null && d.reviewer().equals(d.decidedBy())) {
				found.add(new Finding(IrregularityRule.REVIEWER_APPROVED, d.decidedBy(),
						FactLine.REVIEWER_DECIDED.line(d.decidedBy())));
			}
			if (f.acceptedOn() == null && !d.onTheSpot()) {
				found.add(new Finding(IrregularityRule.DECISION_WITHOUT_ACCEPTANCE, d.decidedBy(),
						FactLine.NO_ACCEPTANCE.line(f.decidedOn())));
			}
			LocalDate due = statutoryDue(f);
			if (due != null && f.decidedOn() != null && f.decidedOn().isAfter(due)) {
				found.add(new Finding(IrregularityRule.DECISION_LATE, d.decidedBy(),
						FactLine.DECIDED_LATE.line(f.decidedOn(), due)));
			}
		}
		else if (event instanceof CaseEvent.Delivered d && d.late()) {
			found.add(new Finding(IrregularityRule.DELIVERY_LATE, actor,
					FactLine.DELIVERED_LATE.line(d.on(), f.deliveryDue())));
		}
		else if (event instanceof CaseEvent.FeeCharged c && !c.listed()) {
			found.add(new Finding(IrregularityRule.UNLISTED_FEE, actor,
					FactLine.UNLISTED_FEE.line(c.name(), c.amount().toPlainString(), c.receiptNo())));
		}
		else if (event instanceof CaseEvent.Refused) {
			LocalDate on = f.step() == null ? LocalDate.now(clock)
					: LocalDate.ofInstant(f.step().at(), clock.getZone());
			List<String> earlier = earlierRefusals(f, on.minusDays(30));
			if (!earlier.isEmpty()) {
				found.add(new Finding(IrregularityRule.REPEATED_REFUSAL, actor,
						FactLine.REFUSED_AGAIN.line(on, String.join(", ", earlier))));
			}
		}
		return found;
	}

	/**
	 * The statutory due date on record before the decision (the decided case's facts no
	 * longer carry it).
	 */
	private @Nullable LocalDate statutoryDue(CaseFacts f) {
		if (f.decisionDue() != null) {
			return f.decisionDue();
		}
		return jdbc.sql("SELECT statutory_due FROM supervision_case WHERE case_number = :n")
			.param("n", f.caseNumber())
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.optional()
			.orElse(null);
	}

	/**
	 * Other cases of the same applicant and item refused since the date (the applicant
	 * known only by pseudonym).
	 */
	private List<String> earlierRefusals(CaseFacts f, LocalDate since) {
		return jdbc.sql("""
				SELECT case_number FROM supervision_case
				WHERE applicant_ref = :ref AND item_code = :item AND state = 'REFUSED' AND case_number <> :n
				  AND closed_on >= :since ORDER BY case_number
				""")
			.param("ref", f.applicantRef())
			.param("item", f.itemCode())
			.param("n", f.caseNumber())
			.param("since", Date.valueOf(since), Types.DATE)
			.query(String.class)
			.list();
	}

	/**
	 * Records a finding once per case and rule; a new serious or critical one brings its
	 * card.
	 */
	void record(String caseNumber, String department, String region, Finding finding) {
		int inserted = jdbc.sql("""
				INSERT INTO supervision_irregularity (case_number, rule, severity, department_code, region_code, person,
				       detected_on, detail)
				VALUES (:n, :rule, :severity, :department, :region, :person, :on, :detail) ON CONFLICT DO NOTHING
				""")
			.param("n", caseNumber)
			.param("rule", finding.rule().name())
			.param("severity", finding.rule().severity().name())
			.param("department", department)
			.param("region", region)
			.param("person", finding.person(), Types.VARCHAR)
			.param("on", Date.valueOf(LocalDate.now(clock)), Types.DATE)
			.param("detail", truncate(finding.detail()))
			.update();
		if (inserted == 1 && finding.rule().severity() != Severity.MINOR) {
			cards.forIrregularity(caseNumber, finding.rule(), department, region, finding.person(), finding.detail());
		}
	}

	/**
	 * The daily rule: clocks stopped longer than the configured maximum, each found once.
	 */
	int checkLongSuspensions() {
		LocalDate limit = LocalDate.now(clock).minusDays(maxSuspensionDays);
		List<Object[]> rows = jdbc.sql("""
				SELECT c.case_number, c.department_code, c.region_code, c.responsible_person, c.suspended_since
				FROM supervision_case c
				WHERE c.closed_on IS NULL AND c.suspended = TRUE AND c.suspended_since < :limit
				  AND NOT EXISTS (SELECT 1 FROM supervision_irregularity i
				                  WHERE i.case_number = c.case_number AND i.rule = 'SUSPENSION_TOO_LONG')
				""")
			.param("limit", Date.valueOf(limit), Types.DATE)
			.query((rs,
					n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getObject(5, LocalDate.class) })
			.list();
		for (Object[] r : rows) {
			record((String) r[0], (String) r[1], (String) r[2], new Finding(IrregularityRule.SUSPENSION_TOO_LONG,
					(String) r[3], FactLine.STOPPED_SINCE.line(r[4], maxSuspensionDays)));
		}
		return rows.size();
	}

	private static String truncate(String s) {
		return s.length() <= 500 ? s : s.substring(0, 497) + "...";
	}

}
