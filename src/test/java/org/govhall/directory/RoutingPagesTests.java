package org.govhall.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.govhall.support.GovHallTest;
import org.govhall.support.HtmlForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The department admin's first-handler page (首办分派, issue 11 item 3): the rule and the
 * clerks with their staff numbers, set through its forms as the rendered page sends them
 * ({@link HtmlForm}); other staff are refused.
 */
@GovHallTest
class RoutingPagesTests {

	static final String SCJG = "660100-SCJG";

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	CaseRouting routing;

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	@AfterEach
	void restore() {
		routing.setDuty(SCJG, "clerk", new DutyDraft(true, "NS0101"), as("deptadmin"));
		routing.setRule(SCJG, new RoutingDraft(RoutingMode.ROUND_ROBIN, null), as("deptadmin"));
	}

	@Test
	void theDepartmentAdminNamesADutyClerkAndMarksAClerkOffDutyOnThePage() throws Exception {
		String page = page(get("/staff/routing").with(user(as("deptadmin"))));
		assertThat(page).contains("首办分派", "示范市市场监督管理局", "王窗口（工号 NS0101）", "在岗窗口人员轮流分派");

		HtmlForm rule = HtmlForm.read(page, "/staff/routing/" + SCJG)
			.set("mode", "DUTY_CLERK")
			.set("dutyClerk", "clerk");
		MockHttpServletResponse saved = perform(rule.post().with(user(as("deptadmin"))).with(csrf()));
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(routing.rule(SCJG, as("deptadmin")).mode()).isEqualTo(RoutingMode.DUTY_CLERK);
		page = page(get("/staff/routing").with(user(as("deptadmin"))));
		assertThat(page).contains("孙管理 于 ");

		// a staff number in the wrong form is refused on the page, and nothing changes
		HtmlForm clerk = HtmlForm.read(page, "/staff/routing/" + SCJG + "/clerks/clerk").set("staffNumber", "NS 01");
		perform(clerk.post().with(user(as("deptadmin"))).with(csrf()));
		assertThat(directory.staffNumber("clerk")).contains("NS0101");

		// off duty: the clerk's box unticked
		clerk = HtmlForm.read(page, "/staff/routing/" + SCJG + "/clerks/clerk").set("onDuty");
		assertThat(perform(clerk.post().with(user(as("deptadmin"))).with(csrf())).getStatus()).isEqualTo(302);
		assertThat(routing.isActiveClerk(SCJG, "clerk")).isFalse();
		assertThat(page(get("/staff/routing").with(user(as("deptadmin"))))).contains("不在岗（休假、离岗）");
	}

	/**
	 * The window of the rule and of a clerk are chosen on the page among the windows that
	 * serve the department.
	 */
	@Test
	void theDepartmentAdminSeatsAClerkAtAWindowAndGivesTheCasesOutThere() throws Exception {
		String page = page(get("/staff/routing").with(user(as("deptadmin"))));
		assertThat(page).contains("轮流分派到窗口", "（本部门全部在岗人员）", "示范市政务服务中心 B01 企业开办综合窗口", "所在窗口").doesNotContain("B05");
		long b01 = routing.windows(SCJG).get(0).id();

		HtmlForm clerk = HtmlForm.read(page, "/staff/routing/" + SCJG + "/clerks/clerk")
			.set("windowId", String.valueOf(b01));
		assertThat(perform(clerk.post().with(user(as("deptadmin"))).with(csrf())).getStatus()).isEqualTo(302);
		HtmlForm rule = HtmlForm.read(page, "/staff/routing/" + SCJG).set("windowId", String.valueOf(b01));
		assertThat(perform(rule.post().with(user(as("deptadmin"))).with(csrf())).getStatus()).isEqualTo(302);
		RoutingRule saved = routing.rule(SCJG, as("deptadmin"));
		assertThat(saved.windowId()).isEqualTo(b01);
		assertThat(saved.clerks()).filteredOn(k -> k.username().equals("clerk"))
			.singleElement()
			.satisfies(k -> assertThat(k.windowId()).isEqualTo(b01));
		page = page(get("/staff/routing").with(user(as("deptadmin"))));
		assertThat(page).containsPattern("<option value=\"" + b01 + "\" selected=\"selected\">示范市政务服务中心 B01");

		// a window of another department, sent by hand, is refused on the page and
		// changes nothing
		long b05 = directory.hallsOf("660100")
			.stream()
			.flatMap(h -> h.windows().stream())
			.filter(w -> w.number().equals("B05"))
			.findFirst()
			.orElseThrow()
			.id();
		MockHttpServletResponse refused = perform(HtmlForm.read(page, "/staff/routing/" + SCJG)
			.set("windowId", String.valueOf(b05))
			.post()
			.with(user(as("deptadmin")))
			.with(csrf()));
		assertThat(refused.getStatus()).isEqualTo(302);
		assertThat(routing.rule(SCJG, as("deptadmin")).windowId()).isEqualTo(b01);
	}

	@Test
	void otherStaffAndOtherDepartmentsAdminsAreRefused() throws Exception {
		assertThat(perform(get("/staff/routing").with(user(as("reviewer")))).getStatus()).isEqualTo(403);
		assertThat(perform(get("/staff/routing").param("department", SCJG).with(user(as("deptadmin-qc")))).getStatus())
			.isEqualTo(403);
		String page = page(get("/staff/routing").with(user(as("deptadmin"))));
		HtmlForm rule = HtmlForm.read(page, "/staff/routing/" + SCJG)
			.set("mode", "DUTY_CLERK")
			.set("dutyClerk", "clerk");
		assertThat(perform(rule.post().with(user(as("deptadmin-qc"))).with(csrf())).getStatus()).isEqualTo(403);
		assertThat(routing.rule(SCJG, as("deptadmin")).mode()).isEqualTo(RoutingMode.ROUND_ROBIN);
	}

	private String page(RequestBuilder request) throws Exception {
		MockHttpServletResponse response = perform(request);
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

}
