package org.govhall.supervision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.govhall.cases.CaseAction;
import org.govhall.cases.CaseFacts;
import org.govhall.cases.CaseState;
import org.govhall.cases.Channel;
import org.govhall.cases.DeliveryMethod;
import org.govhall.cases.Outcome;
import org.govhall.catalog.ProcessingMode;
import org.govhall.directory.Role;
import org.jspecify.annotations.Nullable;

/**
 * Case facts for feeding supervision synthetic events: a case of 食品经营许可 (660100-XK-02001,
 * 示范市市场监督管理局, 20 working days, 10 promised) received on 2026-09-30 whose fields the test
 * changes one at a time. Other modules' tests that listen to case events build their
 * facts here too.
 */
public final class Facts {

	String number;

	String item = "660100-XK-02001";

	String department = "660100-SCJG";

	String region = "660100";

	CaseState state = CaseState.RECEIVED;

	Channel channel = Channel.ONLINE;

	String applicantRegion = "660102";

	@Nullable String firstHandler = "clerk";

	LocalDate receivedOn = LocalDate.of(2026, 9, 30);

	@Nullable LocalDate acceptedOn;

	boolean deemed;

	@Nullable LocalDate acceptanceDue = LocalDate.of(2026, 10, 13);

	@Nullable LocalDate decisionDue;

	@Nullable LocalDate promisedDue;

	@Nullable LocalDate deliveryDue;

	boolean suspended;

	ProcessingMode mode = ProcessingMode.PROMISED;

	boolean joint;

	boolean onTheSpot;

	String applicantRef = "ref-applicant-1";

	List<CaseFacts.SubClock> opinions = new ArrayList<>();

	int extensions;

	@Nullable String reviewer;

	@Nullable LocalDate decidedOn;

	@Nullable Outcome outcome;

	@Nullable LocalDate deliveredOn;

	@Nullable DeliveryMethod deliveryMethod;

	CaseAction action = CaseAction.RECEIVED;

	String actor = "clerk";

	Role role = Role.WINDOW_CLERK;

	LocalDate actedOn = LocalDate.of(2026, 9, 30);

	public Facts(String number) {
		this.number = number;
	}

	public Facts accepted(String on, String decisionDue) {
		state = CaseState.ACCEPTED;
		acceptedOn = LocalDate.parse(on);
		this.decisionDue = LocalDate.parse(decisionDue);
		acceptanceDue = null;
		return this;
	}

	/** Decided and handed over on the spot (当场办结). */
	Facts onTheSpot() {
		this.onTheSpot = true;
		return this;
	}

	public Facts step(CaseAction action, String actor, Role role, String on) {
		this.action = action;
		this.actor = actor;
		this.role = role;
		this.actedOn = LocalDate.parse(on);
		return this;
	}

	public CaseFacts build() {
		return new CaseFacts(number, item, department, region, state, channel, applicantRegion, 1L, null, firstHandler,
				receivedOn, acceptedOn, deemed, acceptanceDue, decisionDue, promisedDue, deliveryDue, suspended, mode,
				joint, applicantRef, 20, 10, opinions, extensions, reviewer, decidedOn, outcome, deliveredOn,
				deliveryMethod, new CaseFacts.Step(actedOn.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
						action, actor, role),
				onTheSpot, false, null);
	}

}
