package org.govhall.calendar;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.govhall.directory.GovHallUser;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working-day arithmetic for everyone, and the yearly schedules for the province's system
 * administrators.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "Working days (工作日) by the State Council's holiday notices")
class CalendarApi {

	private final HolidaySchedules schedules;

	CalendarApi(HolidaySchedules schedules) {
		this.schedules = schedules;
	}

	@GetMapping("/working-days/add")
	@Operation(summary = "The N-th working day after a date (the start day is not counted)")
	Added add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @Min(0) @Max(3650) int days) {
		return new Added(from, days, schedules.calendar().addWorkingDays(from, days));
	}

	@GetMapping("/working-days/count")
	@Operation(summary = "Working days after 'from' up to and including 'to'")
	Counted count(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return new Counted(from, to, schedules.calendar().countWorkingDays(from, to));
	}

	@GetMapping("/years")
	@Operation(summary = "The loaded years and their notices")
	List<YearSummary> years() {
		return schedules.years();
	}

	@GetMapping("/years/{year}")
	@Operation(summary = "A year's days off and make-up working days")
	YearSchedule year(@PathVariable int year) {
		return schedules.year(year);
	}

	@GetMapping("/years/{year}/changes")
	@Operation(summary = "Who changed a year's schedule, when, and what changed")
	List<CalendarChange> changes(@PathVariable int year) {
		return schedules.changes(year);
	}

	@PutMapping("/years/{year}")
	@Operation(summary = "Load or replace a year's schedule (provincial system administrator)")
	YearSchedule save(@PathVariable int year, @Valid @RequestBody YearBody body,
			@AuthenticationPrincipal GovHallUser user) {
		return schedules.saveYear(new YearSchedule(year, body.notice(), body.noticeDate(), body.days()), user);
	}

	record Added(LocalDate from, int days, LocalDate due) {
	}

	record Counted(LocalDate from, LocalDate to, int workingDays) {
	}

	/** A year's notice and its special days. */
	record YearBody(@NotBlank @Size(max = 300) String notice, @Nullable LocalDate noticeDate,
			@NotNull @Size(max = 366) List<@NotNull @Valid SpecialDay> days) {
	}

}
