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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The training clock exists in demo mode only, moves for system administrators, and every page then says so. */
@SpringBootTest(properties = { "govhall.demo.enabled=true", "govhall.storage.dir=target/test-files/demo-clock" })
@AutoConfigureMockMvc
@ActiveProfiles("h2")
class DemoClockTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Clock clock;

	@AfterEach
	void backToTheRealDate() throws Exception {
		mvc.perform(post("/staff/demo-clock").param("action", "reset")
			.with(user(directory.principal("admin").orElseThrow()))
			.with(csrf()));
	}

	@Test
	void aSystemAdministratorMovesTodayAndEveryBeanSeesIt() throws Exception {
		assertThat(clock).isInstanceOf(DemoClock.class);
		mvc.perform(post("/staff/demo-clock").param("date", "2026-09-30")
			.with(user(directory.principal("admin").orElseThrow()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.parse("2026-09-30"));
		String page = mvc.perform(get("/?lang=zh-CN")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("2026-09-30");
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

}
