package org.govhall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.awaitility.Awaitility;
import org.govhall.cases.CaseHandling;
import org.govhall.cases.CaseIntake;
import org.govhall.cases.CaseView;
import org.govhall.cases.SubmitCase;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.support.DependsOnToday;
import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An applicant reads what happened to a case in the inbox, and marks it read; others
 * never see it.
 */
@DependsOnToday
@GovHallTest
class MessagePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	CaseHandling handling;

	@Autowired
	CaseIntake intake;

	@Autowired
	Notifications notifications;

	static final byte[] PDF = "%PDF-1.4\n%message test\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	@Test
	void theApplicantReadsTheInboxAndMarksAMessageRead() throws Exception {
		GovHallUser applicant = directory.principal("applicant").orElseThrow();
		String idCard = intake.upload("身份证.pdf", PDF, applicant).id();
		CaseView c = intake.submit(new SubmitCase("660100-GG-04004", null, null, null,
				List.of(new SubmitCase.MaterialFile("申请人居民身份证", idCard))), null, applicant);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> notifications.inbox(applicant, Locale.SIMPLIFIED_CHINESE)
				.stream()
				.anyMatch(m -> m.caseNumber().equals(c.number())));
		long unread = notifications.unread(applicant);
		String page = mvc.perform(get("/messages?lang=zh-CN").with(user(applicant)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("办件 " + c.number() + " 已收件").contains("未读");
		long id = notifications.inbox(applicant, Locale.SIMPLIFIED_CHINESE).get(0).id();
		mvc.perform(post("/messages/" + id + "/read").with(user(applicant)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(notifications.unread(applicant)).isEqualTo(unread - 1);
		mvc.perform(post("/messages/" + id + "/read").with(user(directory.principal("enterprise").orElseThrow()))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/messages").with(user(directory.principal("enterprise").orElseThrow())))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(c.number());
	}

	@Test
	void theInboxNeedsALogin() throws Exception {
		mvc.perform(get("/messages")).andExpect(status().is3xxRedirection());
	}

}
