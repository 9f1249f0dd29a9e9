package org.govhall.supervision;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.directory.Users;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.NotFoundException;
import org.govhall.system.WebEdge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The supervision API alone (web slice), supervision behind it mocked: the warning filter
 * it passes on, every bad input a 400 that never reaches supervision, and supervision's
 * refusals (403 out of scope, 404, 409 for a card in the wrong state, its state named by
 * its label) as problems in the requester's language.
 */
@WebMvcTest(controllers = SupervisionApi.class)
@Import(WebEdge.class)
@MockitoBean(types = { Directory.class, UserDetailsService.class })
class SupervisionApiWebTests {

	static final GovHallUser SUPERVISOR = Users.staff(41, "supervisor", "660000", null, Role.SUPERVISOR);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Supervision supervision;

	@Test
	void theWorkbenchNeedsASignInAndPassesTheWarningFilterOn() throws Exception {
		mvc.perform(get("/api/v1/supervision/cases")).andExpect(status().isUnauthorized());
		given(supervision.workbench(any(), any())).willReturn(List.of());
		mvc.perform(get("/api/v1/supervision/cases").with(user(SUPERVISOR))).andExpect(status().isOk());
		verify(supervision).workbench(SUPERVISOR, Supervision.Filter.ALL_OPEN);
		mvc.perform(get("/api/v1/supervision/cases").param("warning", "RED").with(user(SUPERVISOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		verify(supervision).workbench(SUPERVISOR, Supervision.Filter.RED);
		mvc.perform(get("/api/v1/supervision/cases").param("warning", "PURPLE").with(user(SUPERVISOR)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("参数“warning”的格式不正确。"));
	}

	@Test
	void aNoticeNeedsADemandAndOneToThirtyWorkingDays() throws Exception {
		for (String body : List.of("{\"demand\":\"请说明超期原因\",\"responseDays\":0}",
				"{\"demand\":\"请说明超期原因\",\"responseDays\":31}", "{\"demand\":\"请说明超期原因\"}")) {
			mvc.perform(post("/api/v1/supervision/cases/660100-2026-0000001/notices").with(user(SUPERVISOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors", hasSize(1)))
				.andExpect(jsonPath("$.errors[0].field").value("responseDays"));
		}
		mvc.perform(post("/api/v1/supervision/cases/660100-2026-0000001/notices").with(user(SUPERVISOR))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"demand\":\" \",\"responseDays\":5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Bad request"))
			.andExpect(jsonPath("$.errors[0].field").value("demand"));
		verifyNoInteractions(supervision);
	}

	@Test
	void accountabilityAndReviewsRefuseIncompleteOrUnknownValues() throws Exception {
		mvc.perform(post("/api/v1/supervision/cards/YP-1/accountability").with(user(SUPERVISOR))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"person\":\"clerk\",\"measure\":\"FIRE\",\"basis\":\"第四十二条\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:malformed-body"));
		mvc.perform(post("/api/v1/supervision/cases/660100-2026-0000001/accountability").with(user(SUPERVISOR))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"person\":\"\",\"basis\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(3)));
		mvc.perform(post("/api/v1/supervision/cards/YP-1/review").with(user(SUPERVISOR))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"comment\":\"ok\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accept"));
		mvc.perform(post("/api/v1/supervision/cards/YP-1/answer").with(user(SUPERVISOR))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"explanation\":\"" + "说".repeat(4001) + "\",\"rectification\":\"整改\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("explanation"));
		verifyNoInteractions(supervision);
	}

	@Test
	void aCardInTheWrongStateIs409NamingItsStateByItsLabel() throws Exception {
		given(supervision.reviewCard(anyString(), anyBoolean(), anyString(), any()))
			.willThrow(new ConflictException("card-state", "error.card.state", "YP-1", Card.Status.ACCEPTED));
		mvc.perform(post("/api/v1/supervision/cards/YP-1/review").with(user(SUPERVISOR))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accept\":true}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:card-state"))
			.andExpect(jsonPath("$.detail").value("监察牌 YP-1 当前状态为“已办结”，不能进行此操作。"));
		verify(supervision).reviewCard("YP-1", true, "", SUPERVISOR);
		mvc.perform(post("/api/v1/supervision/cards/YP-1/review").with(user(SUPERVISOR))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accept\":false,\"comment\":\"补充整改材料\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Card YP-1 is Closed; this action is not possible now."));
	}

	@Test
	void aCardOutOfScopeIs403AndAnUnknownOne404InEitherLanguage() throws Exception {
		GovHallUser county = Users.staff(42, "supervisor-qc", "660121", null, Role.SUPERVISOR);
		given(supervision.card("YP-2", county)).willThrow(new ForbiddenException("error.forbidden.scope"));
		given(supervision.card("YP-9", county)).willThrow(new NotFoundException("error.card.notFound", "YP-9"));
		mvc.perform(get("/api/v1/supervision/cards/YP-2").with(user(county)).header("Accept-Language", "en"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("This action is outside your scope (region or department)."));
		mvc.perform(get("/api/v1/supervision/cards/YP-2").with(user(county)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("无权操作"));
		mvc.perform(get("/api/v1/supervision/cards/YP-9").with(user(county)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("没有找到监察牌 YP-9。"));
		mvc.perform(get("/api/v1/supervision/cards/YP-9").with(user(county)).header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No card YP-9."));
	}

}
