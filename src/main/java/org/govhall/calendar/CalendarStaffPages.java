package org.govhall.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page for each year's schedule: one line per special day, as the
 * notice lists them, so that November's notice can be typed in and checked without a
 * release.
 */
@PageController
class CalendarStaffPages {

	private final HolidaySchedules schedules;

	private final MessageSource messages;

	CalendarStaffPages(HolidaySchedules schedules, MessageSource messages) {
		this.schedules = schedules;
		this.messages = messages;
	}

	@GetMapping("/staff/calendar")
	String page(@RequestParam(required = false) @Nullable Integer year, @AuthenticationPrincipal GovHallUser user,
			Model model) {
		if (!user.scope().has(Role.SYSTEM_ADMIN)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		model.addAttribute("years", schedules.years());
		if (year != null && !model.containsAttribute("lines")) {
			YearSchedule schedule = schedules.year(year);
			model.addAttribute("year", year);
			model.addAttribute("notice", schedule.notice());
			model.addAttribute("noticeDate", schedule.noticeDate());
			model.addAttribute("lines", lines(schedule.days()));
		}
		if (year != null) {
			model.addAttribute("changes", schedules.changes(year));
		}
		return "staff/calendar";
	}

	@PostMapping("/staff/calendar")
	String save(@RequestParam int year, @RequestParam(defaultValue = "") String notice,
			@RequestParam(required = false) @Nullable LocalDate noticeDate,
			@RequestParam(defaultValue = "") String lines, @AuthenticationPrincipal GovHallUser user, Locale locale,
			Model model, RedirectAttributes redirect) {
		List<String> problems = new ArrayList<>();
		List<SpecialDay> days = parse(lines, problems, locale);
		if (problems.isEmpty()) {
			try {
				schedules.saveYear(new YearSchedule(year, notice.strip(), noticeDate, days), user);
				redirect.addFlashAttribute("done",
						messages.getMessage("calendar.saved", new Object[] { year }, locale));
				return "redirect:/staff/calendar?year=" + year;
			}
			catch (GovHallException ex) {
				if (ex.status() == 403) {
					throw ex;
				}
				problems.add(messages.getMessage(ex.messageKey(), ex.arguments(), locale));
				ex.violations().forEach(v -> problems.add(messages.getMessage(v.messageKey(), v.arguments(), locale)));
			}
		}
		model.addAttribute("problems", problems);
		model.addAttribute("year", year);
		model.addAttribute("notice", notice);
		model.addAttribute("noticeDate", noticeDate);
		model.addAttribute("lines", lines);
		model.addAttribute("years", schedules.years());
		return "staff/calendar";
	}

	static String lines(List<SpecialDay> days) {
		return days.stream()
			.map(d -> d.date() + " " + d.kind() + (d.name() == null ? "" : " " + d.name()))
			.collect(Collectors.joining("\n"));
	}

	private List<SpecialDay> parse(String text, List<String> problems, Locale locale) {
		List<SpecialDay> days = new ArrayList<>();
		String[] rows = text.split("\\R");
		for (int i = 0; i < rows.length && i < 400; i++) {
			String row = rows[i].strip();
			if (row.isEmpty()) {
				continue;
			}
			String[] parts = row.split("\\s+", 3);
			try {
				if (parts.length < 2) {
					throw new IllegalArgumentException();
				}
				String name = parts.length == 3 ? parts[2] : null;
				if (name != null && name.length() > 50) {
					throw new IllegalArgumentException();
				}
				days.add(new SpecialDay(LocalDate.parse(parts[0]), DayKind.valueOf(parts[1].toUpperCase(Locale.ROOT)),
						name));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				problems.add(messages.getMessage("error.calendar.line", new Object[] { i + 1 }, locale));
			}
		}
		return days;
	}

}
