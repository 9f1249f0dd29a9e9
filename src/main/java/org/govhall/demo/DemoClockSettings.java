package org.govhall.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.govhall.cases.CaseHandling;
import org.govhall.catalog.Catalog;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.PageController;
import org.govhall.supervision.Supervision;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * In demo mode only: the training clock, the page to move it, and the banner that says it
 * is moved.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "govhall.demo.enabled", havingValue = "true")
@ConditionalOnBooleanProperty(name = "govhall.demo.training-clock", matchIfMissing = true)
class DemoClockSettings {

	@Bean
	@Primary
	DemoClock demoClock(@Qualifier("clock") Clock system, DemoSettings settings) {
		DemoClock clock = new DemoClock(system);
		LocalDate today = settings.demo().today();
		if (today != null) {
			// a training class (or a test node) that starts on a chosen day
			clock.moveTo(today);
		}
		return clock;
	}

	/** Moves the demo clock; system administrators only. */
	@PageController
	@ConditionalOnProperty(name = "govhall.demo.enabled", havingValue = "true")
	@ConditionalOnBooleanProperty(name = "govhall.demo.training-clock", matchIfMissing = true)
	static class DemoClockPage {

		private final DemoClock clock;

		private final MessageSource messages;

		private final CaseHandling handling;

		private final Supervision supervision;

		private final Catalog catalog;

		DemoClockPage(DemoClock clock, MessageSource messages, CaseHandling handling, Supervision supervision,
				Catalog catalog) {
			this.catalog = catalog;
			this.clock = clock;
			this.messages = messages;
			this.handling = handling;
			this.supervision = supervision;
		}

		@GetMapping("/staff/demo-clock")
		String page(@AuthenticationPrincipal GovHallUser user, Model model) {
			requireAdmin(user);
			model.addAttribute("today", clock.today());
			return "staff/demo-clock";
		}

		@PostMapping("/staff/demo-clock")
		String move(@RequestParam(required = false) @Nullable LocalDate date,
				@RequestParam(defaultValue = "move") String action, @AuthenticationPrincipal GovHallUser user,
				Locale locale, RedirectAttributes redirect) {
			requireAdmin(user);
			if ("reset".equals(action)) {
				clock.reset();
			}
			else {
				if (date == null || date.getYear() < 2025 || date.getYear() > 2100) {
					throw new InvalidInputException("invalid-date", "error.demoClock.date", "date");
				}
				clock.moveTo(date);
			}
			// what the hourly and nightly jobs would have done by the new date: deemed
			// acceptance, warnings, cards
			int deemed = handling.deemOverdueAcceptances();
			catalog.takeEffect();
			Supervision.DailyRun run = supervision.daily();
			redirect.addFlashAttribute("done",
					messages.getMessage("demo.clock.moved", new Object[] { clock.today().toString(), deemed,
							run.casesEvaluated(), run.cardsIssued(), run.cardsEscalated() }, locale));
			return "redirect:/staff/demo-clock";
		}

		private static void requireAdmin(GovHallUser user) {
			if (!user.scope().has(Role.SYSTEM_ADMIN)) {
				throw new ForbiddenException("error.forbidden.role");
			}
		}

	}

	/** Every page of a demo with a moved clock says so, with the demo's date. */
	@ControllerAdvice(annotations = PageController.class)
	@ConditionalOnProperty(name = "govhall.demo.enabled", havingValue = "true")
	@ConditionalOnBooleanProperty(name = "govhall.demo.training-clock", matchIfMissing = true)
	static class DemoClockBanner {

		private final DemoClock clock;

		DemoClockBanner(DemoClock clock) {
			this.clock = clock;
		}

		@ModelAttribute("demoToday")
		@Nullable LocalDate demoToday() {
			return clock.shifted() ? clock.today() : null;
		}

		@ModelAttribute("demoClock")
		boolean demoClock() {
			return true;
		}

	}

}
