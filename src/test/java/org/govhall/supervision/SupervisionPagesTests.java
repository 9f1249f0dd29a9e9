package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The supervision pages in Chinese and English: the workbench tabs, the case timeline,
 * the card and notice pages with their forms (each shown only to whom may use it), form
 * posts with CSRF that come back with a flash message, a refused form that comes back
 * with the refusal and changes nothing, and 404 outside the user's scope.
 */
class SupervisionPagesTests extends SupervisionScenario {

	@Autowired
	Cards cards;

	// ---- helpers

	Card cardOf(String caseNumber, String cause) {
		List<Card> cards = supervision.cards(as("supervisor"), true)
			.stream()
			.filter(c -> caseNumber.equals(c.caseNumber()) && c.cause().equals(cause))
			.toList();
		assertThat(cards).as("%s cards of %s", cause, caseNumber).hasSize(1);
		return cards.get(0);
	}

	Card card(String number) {
		return supervision.card(number, as("supervisor"));
	}

	/**
	 * The page as the user sees it in the language; it must render (200) with every
	 * message found.
	 */
	String page(String path, String username, String lang) throws Exception {
		var r = mvc.perform(get(path).param("lang", lang).with(user(as(username)))).andReturn().getResponse();
		String body = r.getContentAsString(StandardCharsets.UTF_8);
		assertThat(r.getStatus()).as(path + " as " + username + " in " + lang + ": " + body).isEqualTo(200);
		assertThat(body).as("no missing message on " + path).doesNotContain("??");
		return body;
	}

	/**
	 * The table row that carries the attribute, e.g. {@code data-number="…"}, up to its
	 * end.
	 */
	static String row(String html, String attribute, String value) {
		int at = html.indexOf(attribute + "=\"" + value + "\"");
		assertThat(at).as("row with %s=%s", attribute, value).isNotNegative();
		int start = html.lastIndexOf("<tr", at);
		return html.substring(start, html.indexOf("</tr>", at));
	}

	int status(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.accept(MediaType.TEXT_HTML).with(user(as(username))))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	/**
	 * Posts a form as the user, with the CSRF token, and expects the redirect back to the
	 * page.
	 */
	MvcResult form(String path, String username, String back, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post(path).with(csrf()).with(user(as(username)));
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		MvcResult r = mvc.perform(request).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302);
		assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(back);
		return r;
	}

	/** The page the redirect leads to, with the flash attributes of the form's answer. */
	String followed(MvcResult r, String username) throws Exception {
		return mvc.perform(get(r.getResponse().getRedirectedUrl()).flashAttrs(r.getFlashMap()).with(user(as(username))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	// ---- the workbench tabs

	@Test
	void theWorkbenchTabsListWarningsIrregularitiesCardsAndNoticesInChineseAndEnglish() throws Exception {
		String red = submitFoodLicence();
		String fee = submitFoodLicence();
		awaitRow(red, r -> r.stage() == Stage.ACCEPTANCE);
		awaitRow(fee, r -> r.stage() == Stage.ACCEPTANCE);
		assertThat(api.post("/api/v1/cases/" + fee + "/acceptance", "clerk", null).status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/cases/" + fee + "/fees", "clerk",
					Map.of("name", "加急服务费", "amount", new BigDecimal("50.00"), "receiptNo", "R-" + fee))
			.status()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> supervision.cards(as("supervisor"), true)
				.stream()
				.anyMatch(c -> fee.equals(c.caseNumber()) && c.cause().equals("UNLISTED_FEE")));
		clock.set("2026-10-14T09:00:00");
		supervision.daily();
		Card yellow = cardOf(red, "CASE_OVERDUE");
		Card redCard = cardOf(fee, "UNLISTED_FEE");
		Notice notice = supervision.issueNotice(red, "请说明未受理原因。", 3, as("supervisor"));

		String zh = page("/supervision", "supervisor", "zh-CN");
		assertThat(zh).contains("电子监察");
		// due 10-13, one working day overdue on 10-14, and carded
		assertThat(row(zh, "data-number", red)).contains("data-warning=\"RED\"")
			.contains("红色超期")
			.contains("超期 1 个工作日")
			.contains("已发牌")
			.contains("2026-10-13")
			.contains("示范市市场监督管理局");
		String en = page("/supervision", "supervisor", "en");
		assertThat(en).contains("Electronic supervision");
		assertThat(row(en, "data-number", red)).contains("Red: overdue")
			.contains("Overdue by 1 working day")
			.contains("Carded")
			.contains("Demo City Administration for Market Regulation");
		assertThat(page("/supervision", "deptadmin", "zh-CN")).contains(red);

		zh = page("/supervision/irregularities", "supervisor", "zh-CN");
		assertThat(row(zh, "data-number", fee)).contains("data-rule=\"UNLISTED_FEE\"")
			.contains("收取目录外费用或超标准收费（乱收费）")
			.contains("《行政许可法》第五十八条、第五十九条")
			.contains("特别严重")
			.contains("加急服务费");
		en = page("/supervision/irregularities", "supervisor", "en");
		assertThat(row(en, "data-number", fee)).contains("Fee not in the catalog or above its standard")
			.contains("Administrative Licensing Law, Arts. 58 and 59")
			.contains("Critical");

		zh = page("/supervision/cards", "supervisor", "zh-CN");
		assertThat(row(zh, "data-card", yellow.number())).contains("黄牌")
			.contains("办件超期")
			.contains(red)
			.contains("待答复")
			.contains("2026-10-14")
			.contains("2026-10-21")
			.doesNotContain("逾期未答复");
		assertThat(row(zh, "data-card", redCard.number())).contains("红牌").contains("收取目录外费用或超标准收费（乱收费）").contains(fee);
		en = page("/supervision/cards", "supervisor", "en");
		assertThat(row(en, "data-card", yellow.number())).contains("Yellow card")
			.contains("Case overdue")
			.contains("Awaiting answer");
		assertThat(row(en, "data-card", redCard.number())).contains("Red card")
			.contains("Fee not in the catalog or above its standard");
		assertThat(page("/supervision/cards", "deptadmin", "zh-CN")).contains(yellow.number());
		assertThat(page("/supervision/cards", "deptadmin-qc", "zh-CN")).doesNotContain(yellow.number());

		zh = page("/supervision/notices", "supervisor", "zh-CN");
		assertThat(zh).contains("督办单");
		// issued 10-14 with 3 working days: 15, 16, 19
		assertThat(row(zh, "data-notice", notice.number())).contains("待答复").contains(red).contains("2026-10-19");
		en = page("/supervision/notices", "deptadmin", "en");
		assertThat(en).contains("Supervision notice");
		assertThat(row(en, "data-notice", notice.number())).contains("Awaiting response");

		assertThat(status(get("/supervision/cards"), "applicant")).isEqualTo(403);
	}

	// ---- the case page

	@Test
	void theCasePageShowsTheStepsAndCardsAndOffersTheNoticeFormToSupervisorsOnly() throws Exception {
		String number = redFoodCase();
		Card yellow = cardOf(number, "CASE_OVERDUE");

		String zh = page("/supervision/cases/" + number, "supervisor", "zh-CN");
		assertThat(zh).contains("办件监察 " + number)
			.contains("办理过程")
			.contains("收件")
			.contains("申请人")
			.contains("红色超期")
			.contains(yellow.number())
			.contains("黄牌")
			.contains("id=\"notice-form\"")
			.contains("id=\"case-accountability-form\"")
			.contains("至今，仍在此环节");
		String en = page("/supervision/cases/" + number, "supervisor", "en");
		assertThat(en).contains("Supervision of case " + number)
			.contains("Red: overdue")
			.contains("Yellow card")
			.contains("until now, still here");
		String head = page("/supervision/cases/" + number, "deptadmin", "zh-CN");
		assertThat(head).contains(yellow.number())
			.doesNotContain("id=\"notice-form\"")
			.doesNotContain("id=\"case-accountability-form\"");

		// the notice form posts and comes back with a flash message
		MvcResult r = form("/supervision/cases/" + number + "/notices", "supervisor", "/supervision/cases/" + number,
				"demand", "请3日内说明原因。", "responseDays", "3");
		assertThat(r.getFlashMap().get("done")).isEqualTo("督办单已发出。");
		assertThat(followed(r, "supervisor")).contains("督办单已发出。");
		List<Notice> notices = supervision.timeline(number, as("supervisor")).notices();
		assertThat(notices).hasSize(1);
		// 3 working days after Wed 10-14: 15, 16, 19
		assertThat(notices.get(0).responseDue()).isEqualTo(LocalDate.of(2026, 10, 19));

		// a refused notice (0 days) comes back with the reason and issues nothing
		r = form("/supervision/cases/" + number + "/notices", "supervisor", "/supervision/cases/" + number, "demand",
				"请说明。", "responseDays", "0");
		assertThat(r.getFlashMap().get("refusal")).isEqualTo("error.notice.days");
		assertThat(r.getFlashMap().get("done")).isNull();
		assertThat(followed(r, "supervisor")).contains("id=\"refusal\"").contains("答复期限须为 1 至 30 个工作日。");
		assertThat(supervision.timeline(number, as("supervisor")).notices()).hasSize(1);

		// a department head may not use the supervisor's form
		assertThat(mvc
			.perform(post("/supervision/cases/" + number + "/notices").param("demand", "x")
				.param("responseDays", "3")
				.with(csrf())
				.with(user(as("deptadmin"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(supervision.timeline(number, as("supervisor")).notices()).hasSize(1);
	}

	// ---- the card page and its forms

	@Test
	void theAnswerFormIsForTheDepartmentHeadAndTheReviewFormForTheSupervisorOnceAnswered() throws Exception {
		String number = redFoodCase();
		String card = cardOf(number, "CASE_OVERDUE").number();
		String path = "/supervision/cards/" + card;

		String zh = page(path, "deptadmin", "zh-CN");
		assertThat(zh).contains(card)
			.contains("黄牌")
			.contains("办件超期")
			.contains("待答复")
			.contains("2026-10-21")
			.contains("id=\"answer-form\"")
			.doesNotContain("id=\"review-form\"")
			.doesNotContain("id=\"accountability-form\"");
		// the card's facts in the reader's language, not in the form they are stored in
		assertThat(zh).containsPattern("<dd>受理期限 2026-\\d{2}-\\d{2} 已过</dd>");
		String en = page(path, "deptadmin", "en");
		assertThat(en).contains("Yellow card")
			.contains("Case overdue")
			.contains("Awaiting answer")
			.contains("Written answer")
			.containsPattern("Acceptance was due by 2026-\\d{2}-\\d{2}");
		String sup = page(path, "supervisor", "zh-CN");
		assertThat(sup).doesNotContain("id=\"answer-form\"")
			.doesNotContain("id=\"review-form\"")
			.contains("id=\"accountability-form\"");

		MvcResult r = form(path + "/answer", "deptadmin", path, "explanation", "假期后人手不足。", "rectification", "专人清理积压件。");
		assertThat(r.getFlashMap().get("done")).isEqualTo("答复已提交，等待监察机关审核。");
		assertThat(followed(r, "deptadmin")).contains("答复已提交，等待监察机关审核。").contains("假期后人手不足。");
		assertThat(card(card).status()).isEqualTo(Card.Status.ANSWERED);

		assertThat(page(path, "supervisor", "zh-CN")).contains("id=\"review-form\"")
			.contains("待审核")
			.doesNotContain("id=\"answer-form\"");
		assertThat(page(path, "supervisor", "en")).contains("Review the answer").contains("Awaiting review");
		assertThat(page(path, "deptadmin", "zh-CN")).doesNotContain("id=\"review-form\"")
			.doesNotContain("id=\"answer-form\"");

		clock.set("2026-10-15T10:00:00");
		r = form(path + "/review", "supervisor", path, "accept", "false", "comment", "请写明责任人。");
		assertThat(r.getFlashMap().get("done")).isEqualTo("答复已退回，并重新起算答复期限。");
		assertThat(card(card).status()).isEqualTo(Card.Status.RETURNED);
		// 5 working days after Thu 10-15: 16, 19, 20, 21, 22
		assertThat(card(card).answerDue()).isEqualTo(LocalDate.of(2026, 10, 22));
		assertThat(page(path, "deptadmin", "zh-CN")).contains("id=\"answer-form\"")
			.contains("已退回，待重新答复")
			.contains("请写明责任人。");

		form(path + "/answer", "deptadmin", path, "explanation", "责任人：孙管理。", "rectification", "10月底前清理完毕。");
		r = form(path + "/review", "supervisor", path, "accept", "true", "comment", "同意");
		assertThat(r.getFlashMap().get("done")).isEqualTo("答复已通过，监察牌已办结。");
		String closed = page(path, "supervisor", "zh-CN");
		assertThat(closed).contains("已办结").doesNotContain("id=\"review-form\"");
		assertThat(closed).contains("data-action=\"ISSUED\"")
			.contains("data-action=\"RETURNED\"")
			.contains("data-action=\"ACCEPTED\"");
		assertThat(supervision.history(card).stream().map(SupervisionHistory.Entry::action)).containsExactly("ISSUED",
				"ANSWERED", "RETURNED", "ANSWERED", "ACCEPTED");
	}

	@Test
	void aRefusedAnswerComesBackWithTheRefusalAndChangesNothing() throws Exception {
		String number = redFoodCase();
		String card = cardOf(number, "CASE_OVERDUE").number();
		String path = "/supervision/cards/" + card;

		MvcResult r = form(path + "/answer", "deptadmin", path, "explanation", "", "rectification", "整改措施");
		assertThat(r.getFlashMap().get("refusal")).isEqualTo("error.case.textRequired");
		assertThat(r.getFlashMap().get("done")).isNull();
		String back = followed(r, "deptadmin");
		assertThat(back).contains("id=\"refusal\"").contains("请填写理由或意见。").contains("id=\"answer-form\"");

		Card unchanged = card(card);
		assertThat(unchanged.status()).isEqualTo(Card.Status.ISSUED);
		assertThat(unchanged.explanation()).isNull();
		assertThat(unchanged.rectification()).isNull();
		assertThat(unchanged.version()).isZero();
		assertThat(supervision.history(card).stream().map(SupervisionHistory.Entry::action)).containsExactly("ISSUED");

		// reviewing a card not yet answered is refused the same way, the state named by
		// its label
		r = form(path + "/review", "supervisor", path, "accept", "true");
		assertThat(r.getFlashMap().get("refusal")).isEqualTo("error.card.state");
		assertThat(followed(r, "supervisor")).contains("id=\"refusal\"")
			.contains("监察牌 " + card + " 当前状态为“待答复”，不能进行此操作。");
		assertThat(card(card).status()).isEqualTo(Card.Status.ISSUED);
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() throws Exception {
		String number = redFoodCase();
		String card = cardOf(number, "CASE_OVERDUE").number();
		int status = mvc
			.perform(post("/supervision/cards/" + card + "/answer").param("explanation", "说明")
				.param("rectification", "整改")
				.with(user(as("deptadmin"))))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(403);
		assertThat(card(card).status()).isEqualTo(Card.Status.ISSUED);
		assertThat(supervision.history(card)).hasSize(1);
	}

	@Test
	void aCardForAnIrregularityNamesTheRuleAndItsLegalBasisAndTakesAccountability() throws Exception {
		String number = submitFoodLicence();
		awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		assertThat(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null).status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/cases/" + number + "/fees", "clerk",
					Map.of("name", "资料费", "amount", new BigDecimal("20.00"), "receiptNo", "R-" + number))
			.status()).isEqualTo(200);
		Card red = Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> supervision.cards(as("supervisor"), true)
				.stream()
				.filter(c -> number.equals(c.caseNumber()) && c.cause().equals("UNLISTED_FEE"))
				.findFirst()
				.orElse(null), c -> c != null);
		String path = "/supervision/cards/" + red.number();

		String zh = page(path, "supervisor", "zh-CN");
		assertThat(zh).contains("红牌").contains("收取目录外费用或超标准收费（乱收费）").contains("《行政许可法》第五十八条、第五十九条").contains("clerk");
		String en = page(path, "supervisor", "en");
		assertThat(en).contains("Red card")
			.contains("Fee not in the catalog or above its standard")
			.contains("Administrative Licensing Law, Arts. 58 and 59");

		MvcResult r = form(path + "/accountability", "supervisor", path, "person", "王窗口", "measure",
				"WRITTEN_SELF_CRITICISM", "basis", "收取目录外费用20元。");
		assertThat(r.getFlashMap().get("done")).isEqualTo("问责已记录。");
		assertThat(page(path, "supervisor", "zh-CN")).contains("责令作出书面检查").contains("王窗口 · 收取目录外费用20元。");
		assertThat(page(path, "supervisor", "en")).contains("Written self-criticism ordered");
		assertThat(supervision.accountabilities(red.number(), as("supervisor"))).hasSize(1);

		// a refused accountability (no person) records nothing
		r = form(path + "/accountability", "supervisor", path, "person", " ", "measure", "CRITICISM", "basis", "x");
		assertThat(r.getFlashMap().get("refusal")).isEqualTo("error.case.textRequired");
		assertThat(supervision.accountabilities(red.number(), as("supervisor"))).hasSize(1);
	}

	// ---- the notice page

	@Test
	void theNoticePageLetsTheHeadRespondAndTheSupervisorClose() throws Exception {
		String number = submitFoodLicence();
		awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		Notice notice = supervision.issueNotice(number, "请说明受理进度。", 3, as("supervisor"));
		String path = "/supervision/notices/" + notice.number();

		String zh = page(path, "deptadmin", "zh-CN");
		assertThat(zh).contains("督办单")
			.contains(notice.number())
			.contains("请说明受理进度。")
			.contains("待答复")
			.contains("2026-10-10")
			.contains("id=\"response-form\"")
			.doesNotContain("id=\"close-form\"");
		String en = page(path, "deptadmin", "en");
		assertThat(en).contains("Supervision notice").contains("Awaiting response").contains("Respond");
		assertThat(page(path, "supervisor", "zh-CN")).doesNotContain("id=\"response-form\"")
			.doesNotContain("id=\"close-form\"");

		MvcResult r = form(path + "/response", "deptadmin", path, "response", "已安排受理。");
		assertThat(r.getFlashMap().get("done")).isEqualTo("督办答复已提交。");
		assertThat(supervision.notice(notice.number(), as("supervisor")).status()).isEqualTo(Notice.Status.RESPONDED);

		String responded = page(path, "supervisor", "zh-CN");
		assertThat(responded).contains("已安排受理。").contains("已答复").contains("id=\"close-form\"");
		assertThat(page(path, "deptadmin", "zh-CN")).doesNotContain("id=\"response-form\"")
			.doesNotContain("id=\"close-form\"");

		r = form(path + "/close", "supervisor", path, "comment", "办结。");
		assertThat(r.getFlashMap().get("done")).isEqualTo("督办单已办结。");
		assertThat(page(path, "supervisor", "en")).contains("Closed").doesNotContain("id=\"close-form\"");
		assertThat(supervision.notice(notice.number(), as("supervisor")).status()).isEqualTo(Notice.Status.CLOSED);
	}

	// ---- scope

	@Test
	void aCardOnACasePageOpensForEveryoneWhoMaySeeThatPage() throws Exception {
		// the clerk who accepted the case (its first handler) sees its timeline, with a
		// card of the lead department
		String number = submitOnline("660100-XK-05001", "建设工程规划许可申请表");
		ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		awaitRow(number, r -> r.stage() == Stage.DECISION);
		String card = cards
			.issue(Card.Colour.YELLOW, "660100-ZRGH", "660100", null, number, "DECISION_LATE",
					"decided 2026-11-20, due 2026-11-18", "supervisor")
			.orElseThrow();
		String timeline = page("/supervision/cases/" + number, "clerk", "zh-CN");
		assertThat(timeline).contains("/supervision/cards/" + card);
		assertThat(status(get("/supervision/cards/" + card), "clerk")).isEqualTo(200);
		// the clerk may read it, not answer it: that stays the lead department's head's
		assertThat(status(post("/supervision/cards/" + card + "/answer").param("explanation", "x")
			.param("rectification", "y")
			.with(csrf()), "clerk")).isIn(403, 302);
		assertThat(card(card).status()).isEqualTo(Card.Status.ISSUED);
		// someone who sees neither the case nor the card still gets 404
		assertThat(status(get("/supervision/cards/" + card), "deptadmin-qc")).isEqualTo(404);
	}

	@Test
	void pagesOutsideTheUsersScopeAreNotFound() throws Exception {
		String number = redFoodCase();
		String card = cardOf(number, "CASE_OVERDUE").number();
		Notice notice = supervision.issueNotice(number, "请说明。", 3, as("supervisor"));

		assertThat(status(get("/supervision/cards/" + card), "deptadmin-qc")).isEqualTo(404);
		assertThat(status(get("/supervision/cases/" + number), "deptadmin-qc")).isEqualTo(404);
		assertThat(status(get("/supervision/notices/" + notice.number()), "deptadmin-qc")).isEqualTo(404);
		assertThat(status(get("/supervision/cards/" + card), "supervisor-bs")).isEqualTo(404);
		assertThat(status(get("/supervision/cards/YC-2026-999999"), "supervisor")).isEqualTo(404);
		// a form for a card outside the scope is not found either, and changes nothing
		assertThat(status(post("/supervision/cards/" + card + "/answer").param("explanation", "x")
			.param("rectification", "y")
			.with(csrf()), "deptadmin-qc")).isEqualTo(404);
		assertThat(card(card).status()).isEqualTo(Card.Status.ISSUED);
		// in scope, the same pages render
		assertThat(status(get("/supervision/cards/" + card), "deptadmin")).isEqualTo(200);
		assertThat(status(get("/supervision/notices/" + notice.number()), "deptadmin")).isEqualTo(200);
	}

}
