package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.govhall.calendar.LimitUnit;
import org.govhall.catalog.ProcessingMode;
import org.govhall.cases.CaseRecords.CaseApplicant;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.directory.ApplicantIdentity;
import org.govhall.directory.IdentityKind;
import org.govhall.directory.Role;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * 首办负责制 in the case itself, without Spring: a routed first handler from receipt, and the
 * handover rules.
 */
class CaseHandoverTests {

	static final Actor CLERK_B = new Actor(5, "clerk-b", "乙", Role.WINDOW_CLERK);

	static final Actor ADMIN = new Actor(6, "deptadmin", "管理", Role.DEPARTMENT_ADMIN);

	static Case routedTo(String handler) {
		return Case.receive("660100-2026-0000009", "ABCDEFGH", Channel.ONLINE,
				CaseTests.terms(ProcessingMode.PROMISED, 20, LimitUnit.WORKING_DAY, List.of()),
				new CaseApplicant(new ApplicantIdentity(IdentityKind.RESIDENT_ID, "张三", "11010519491231002X"), null,
						1L),
				null, List.of(new SubmittedMaterial("申请书", "f", "a.pdf", "x", "applicant", Instant.EPOCH, 0)),
				CaseTests.APPLICANT, handler, CaseTests.on("2026-06-05"), CaseTests.PLAIN);
	}

	@Test
	void anOnlineCaseIsHeldFromReceiptAndKeepsItsHolderWhenAnotherClerkAccepts() {
		Case c = routedTo("clerk-a");
		assertThat(c.firstHandler()).isEqualTo("clerk-a");
		assertThat(c.facts().firstHandler()).isEqualTo("clerk-a");
		c.accept(CaseTests.CLERK, CaseTests.on("2026-06-08"), CaseTests.PLAIN);
		assertThat(c.firstHandler()).isEqualTo("clerk-a");
	}

	@Test
	void aCaseLeftAloneIsDeemedAcceptedWithItsFirstHandler() {
		Case c = routedTo("clerk-a");
		assertThat(c.deemAcceptedIfOverdue(Actor.system(), CaseTests.on("2026-06-15"), CaseTests.PLAIN)).isTrue();
		assertThat(c.firstHandler()).isEqualTo("clerk-a");
		Case unheld = routedTo(null);
		unheld.routeIfUnheld("clerk-b");
		unheld.routeIfUnheld("clerk-c");
		assertThat(unheld.firstHandler()).as("only a case without one is routed").isEqualTo("clerk-b");
	}

	@Test
	void theHolderOrTheDepartmentAdminHandsOverWithAReasonAndEveryHolderIsKept() {
		Case c = routedTo("clerk");
		c.drainEvents();
		assertThatThrownBy(() -> c.handOver("clerk-b", "我来", CLERK_B, CaseTests.on("2026-06-05")))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> c.handOver("clerk-b", " ", CaseTests.CLERK, CaseTests.on("2026-06-05")))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> c.handOver("clerk", "原样", CaseTests.CLERK, CaseTests.on("2026-06-05")))
			.isInstanceOf(InvalidInputException.class);

		c.handOver("clerk-b", " 休假 ", CaseTests.CLERK, CaseTests.on("2026-06-05"));
		assertThat(c.firstHandler()).isEqualTo("clerk-b");
		assertThat(c.drainEvents()).singleElement().isInstanceOfSatisfying(CaseEvent.HandedOver.class, e -> {
			assertThat(e.from()).isEqualTo("clerk");
			assertThat(e.to()).isEqualTo("clerk-b");
			assertThat(e.reason()).isEqualTo("休假");
			assertThat(e.facts().firstHandler()).isEqualTo("clerk-b");
			assertThat(e.facts().step().action()).isEqualTo(CaseAction.HANDED_OVER);
		});
		c.handOver("clerk-c", "调岗", ADMIN, CaseTests.on("2026-06-08"));
		assertThat(c.handovers())
			.extracting(CaseRecords.Handover::from, CaseRecords.Handover::to, CaseRecords.Handover::by)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("clerk", "clerk-b", "clerk"),
					org.assertj.core.groups.Tuple.tuple("clerk-b", "clerk-c", "deptadmin"));
		assertThat(c.document().handovers()).hasSize(2);
		assertThat(c.drainHistory()).extracting(CaseRecords.HistoryEntry::detail)
			.contains("clerk -> clerk-b: 休假", "clerk-b -> clerk-c: 调岗");
	}

	@Test
	void aClosedCaseIsNotHandedOver() {
		Case c = routedTo("clerk");
		c.withdraw(CaseTests.APPLICANT, CaseTests.on("2026-06-05"), CaseTests.PLAIN);
		assertThatThrownBy(() -> c.handOver("clerk-b", "休假", CaseTests.CLERK, CaseTests.on("2026-06-05")))
			.isInstanceOf(ConflictException.class);
	}

}
