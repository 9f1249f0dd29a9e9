package org.govhall.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.govhall.directory.Directory;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.govhall.support.DependsOnToday;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The training clock exists in demo mode only, moves for system administrators, and every
 * page then says so.
 */
@DependsOnToday
@GovHallTest
class DemoClockTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Clock clock;

	@Autowired
	org.govhall.cases.CaseHandling handling;

	@Autowired
	org.govhall.cases.CaseIntake intake;

	@Autowired
	org.govhall.supervision.Supervision supervision;

	@AfterEach
	void backToTheRealDate() throws Exception {
		mvc.perform(post("/staff/demo-clock").param("action", "reset")
			.with(user(directory.principal("admin").orElseThrow()))
			.with(csrf()));
	}

	@Test
	void aSystemAdministratorMovesTodayAndEveryBeanSeesIt() throws Exception {
		assertThat(clock).isInstanceOf(DemoClock.class);
		// a week after the suite's "today", whatever day the run stands on
		LocalDate target = LocalDate.ofInstant(MovableClock.suiteToday(), MovableClock.ZONE).plusDays(7);
		mvc.perform(post("/staff/demo-clock").param("date", target.toString())
			.with(user(directory.principal("admin").orElseThrow()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(LocalDate.now(clock)).isEqualTo(target);
		assertThat(((DemoClock) clock).shifted()).isTrue();
		String page = mvc.perform(get("/?lang=zh-CN")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(target.toString());
	}

	@Test
	void othersCannotMoveIt() throws Exception {
		mvc.perform(post("/staff/demo-clock").param("date", "2026-09-30")
			.with(user(directory.principal("clerk").orElseThrow()))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(((DemoClock) clock).shifted()).isFalse();
		mvc.perform(post("/staff/demo-clock").param("date", "1999-01-01")
			.with(user(directory.principal("admin").orElseThrow()))
			.with(csrf())).andExpect(status().isBadRequest());
	}

	/**
	 * Tried as a new user would: a case applied for on 2026-09-30 and left alone; moving
	 * the demo clock to the last day of its acceptance window turns it yellow, one day
	 * further the hourly job deems it accepted (第三十二条) and the department of the item
	 * gets a yellow card for it, seen on the supervisor's workbench.
	 */
	@Test
	void movingTheClockPastADeadlineRunsTheJobsAndCardsTheDepartment() throws Exception {
		var admin = directory.principal("admin").orElseThrow();
		mvc.perform(post("/staff/demo-clock").param("date", "2026-09-30").with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		var applicant = directory.principal("applicant").orElseThrow();
		var file = intake.upload("申请书.pdf",
				"%PDF-1.4\n%demo\n1 0 obj\n<<>>\nendobj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
				applicant);
		String number = intake
			.submit(new org.govhall.cases.SubmitCase("660100-XK-02001", null, null, null, java.util.List.of(
					new org.govhall.cases.SubmitCase.MaterialFile("食品经营许可申请书", file.id()),
					new org.govhall.cases.SubmitCase.MaterialFile("与食品经营相适应的主要设备设施布局、操作流程等文件", file.id()),
					new org.govhall.cases.SubmitCase.MaterialFile("食品安全自查、从业人员健康管理、进货查验记录等保证食品安全的规章制度", file.id()))),
					null, applicant)
			.number();
		// the supervision read model learns of the case after the commit; the clock moves
		// once it has
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(supervision.workbench(directory.principal("supervisor").orElseThrow(),
					org.govhall.supervision.Supervision.Filter.ALL_OPEN))
				.anyMatch(c -> c.caseNumber().equals(number)));

		mvc.perform(post("/staff/demo-clock").param("date", "2026-10-12").with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(supervision.workbench(directory.principal("supervisor").orElseThrow(),
					org.govhall.supervision.Supervision.Filter.YELLOW))
				.anyMatch(c -> c.caseNumber().equals(number)));

		mvc.perform(post("/staff/demo-clock").param("date", "2026-10-14").with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		var supervisor = directory.principal("supervisor").orElseThrow();
		// the deemed acceptance is found as an irregularity of 第三十二条 ...
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(supervision.irregularities(supervisor))
				.anyMatch(i -> number.equals(i.caseNumber()) && i.rule().name().equals("DEEMED_ACCEPTANCE")));
		// ... and the missed acceptance deadline is one cause: one yellow card, whichever
		// of the nightly run's
		// overdue stage and the deemed acceptance came first
		assertThat(supervision.cards(supervisor, true)).filteredOn(c -> number.equals(c.caseNumber()))
			.singleElement()
			.satisfies(c -> {
				assertThat(c.cause()).isIn("CASE_OVERDUE", "DEEMED_ACCEPTANCE");
				assertThat(c.departmentCode()).isEqualTo("660100-SCJG");
			});
		String workbench = mvc
			.perform(get("/supervision/cards").with(user(directory.principal("deptadmin").orElseThrow())))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(workbench).contains(number).contains("黄牌");
	}

}
