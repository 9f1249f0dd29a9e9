package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RefusalShownOn;
import org.govhall.shared.RefusalShownOn.Style;
import org.govhall.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one way a page shows a refusal (ADR 0028): where it goes back to, what it flashes,
 * what it leaves alone.
 */
class PageRefusalsTests {

	enum Colour {

		RED

	}

	/** Handler methods as page controllers mark them. */
	static class Pages {

		@RefusalShownOn("/staff/items/{code}")
		String item() {
			return "";
		}

		@RefusalShownOn(value = "/staff/routing?department={department}", style = Style.PROBLEMS)
		String routing() {
			return "";
		}

		@RefusalShownOn(value = "/staff/directory#h-accounts", except = {}, exceptKeys = { "error.forbidden.scope" },
				style = Style.PROBLEMS)
		String account() {
			return "";
		}

		String unmarked() {
			return "";
		}

	}

	final StaticMessageSource messages = new StaticMessageSource();

	final PageRefusals refusals = new PageRefusals(messages);

	PageRefusalsTests() {
		messages.addMessage("error.state", Locale.SIMPLIFIED_CHINESE, "状态为{0}，不能{1}。");
		messages.addMessage("error.state", Locale.ENGLISH, "It is {0}; {1} is not possible.");
		messages.addMessage("PageRefusalsTests.Colour.RED", Locale.SIMPLIFIED_CHINESE, "红色");
		messages.addMessage("PageRefusalsTests.Colour.RED", Locale.ENGLISH, "red");
		messages.addMessage("error.code", Locale.ENGLISH, "The code {0} is wrong.");
		messages.addMessage("error.field", Locale.ENGLISH, "Too long: at most {0}.");
	}

	static HandlerMethod handler(String name) throws NoSuchMethodException {
		return new HandlerMethod(new Pages(), Pages.class.getDeclaredMethod(name));
	}

	static MockHttpServletRequest request(Map<String, String> pathVariables) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/somewhere");
		request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, new FlashMap());
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, pathVariables);
		return request;
	}

	/** What the page is handed. */
	static Map<String, Object> flash(MockHttpServletRequest request) {
		return (FlashMap) request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE);
	}

	@Test
	void aRefusalGoesBackToItsPageWithTheKeyAndLabelledArguments() throws Exception {
		MockHttpServletRequest request = request(Map.of("code", "XK-01"));
		GovHallException ex = new RuleViolationException("state", "error.state",
				List.of(new FieldViolation("note", "error.field", 200)), Colour.RED, "approve", null, 1000);

		ModelAndView back = refusals.backToPage(ex, handler("item"), request, Locale.ENGLISH);

		assertThat(back).isNotNull();
		// the view expands the path variable (RedirectView) and keeps the flash for the
		// page
		assertThat(back.getViewName()).isEqualTo("redirect:/staff/items/{code}");
		assertThat(flash(request)).containsEntry("refusal", "error.state");
		assertThat((Object[]) flash(request).get("refusalArgs")).containsExactly("red", "approve", "", 1000);
		assertThat(flash(request).get("refusalReasons")).asInstanceOf(list(FieldViolation.class))
			.singleElement()
			.satisfies(v -> {
				assertThat(v.field()).isEqualTo("note");
				assertThat(v.arguments()).containsExactly(200);
			});
	}

	@Test
	void enumArgumentsAreNamedInTheRequestersLanguage() throws Exception {
		MockHttpServletRequest request = request(Map.of("code", "XK-01"));
		refusals.backToPage(new RuleViolationException("state", "error.state", Colour.RED, "批准"), handler("item"),
				request, Locale.SIMPLIFIED_CHINESE);
		assertThat((Object[]) flash(request).get("refusalArgs")).containsExactly("红色", "批准");
	}

	@Test
	void aLoneReasonThatRepeatsTheRefusalIsNotShownTwice() throws Exception {
		MockHttpServletRequest request = request(Map.of("code", "XK-01"));
		refusals.backToPage(new InvalidInputException("code", "error.code", "code", "X"), handler("item"), request,
				Locale.ENGLISH);
		assertThat(flash(request).get("refusalReasons")).asInstanceOf(list(FieldViolation.class)).isEmpty();
	}

	@Test
	void theProblemsStyleListsTheMessagesInWordsAndTakesAParameterForTheAddress() throws Exception {
		MockHttpServletRequest request = request(Map.of());
		request.setParameter("department", "660100-SCJG 局");
		GovHallException ex = new InvalidInputException("code", "error.code",
				List.of(new FieldViolation("code", "error.field", 18)), "X1");

		ModelAndView back = refusals.backToPage(ex, handler("routing"), request, Locale.ENGLISH);

		assertThat(back).isNotNull();
		assertThat(back.getViewName()).isEqualTo("redirect:/staff/routing?department=660100-SCJG%20%E5%B1%80");
		assertThat(flash(request).get("problems")).asInstanceOf(list(String.class))
			.containsExactly("The code X1 is wrong.", "code: Too long: at most 18.");
		assertThat(flash(request)).doesNotContainKey("refusal");
	}

	@Test
	void forbiddenAndNotFoundGoToTheErrorPageUnlessThePageShowsThem() throws Exception {
		assertThat(refusals.backToPage(new ForbiddenException("error.forbidden.role"), handler("item"),
				request(Map.of("code", "X")), Locale.ENGLISH))
			.isNull();
		assertThat(refusals.backToPage(new NotFoundException("error.notFound"), handler("item"),
				request(Map.of("code", "X")), Locale.ENGLISH))
			.isNull();

		// the accounts page shows 403 and 404 on their merits, but not the generic
		// refusal of scope
		assertThat(refusals.backToPage(new ForbiddenException("error.forbidden.scope"), handler("account"),
				request(Map.of()), Locale.ENGLISH))
			.isNull();
		MockHttpServletRequest request = request(Map.of());
		ModelAndView back = refusals.backToPage(new ForbiddenException("error.state", "x", "y"), handler("account"),
				request, Locale.ENGLISH);
		assertThat(back).isNotNull();
		assertThat(back.getViewName()).isEqualTo("redirect:/staff/directory#h-accounts");
		assertThat(flash(request).get("problems")).asInstanceOf(list(String.class))
			.containsExactly("It is x; y is not possible.");
	}

	@Test
	void anUnmarkedHandlerOrNoHandlerIsLeftToTheErrorHandling() throws Exception {
		GovHallException ex = new RuleViolationException("state", "error.state", "a", "b");
		assertThat(refusals.backToPage(ex, handler("unmarked"), request(Map.of()), Locale.ENGLISH)).isNull();
		assertThat(refusals.backToPage(ex, null, request(Map.of()), Locale.ENGLISH)).isNull();
	}

}
