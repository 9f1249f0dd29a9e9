package org.govhall.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loaded years' official schedules: the {@link WorkingCalendar} every deadline is
 * evaluated against, and the administration of a year by the province's system
 * administrators, recorded change by change. Each node keeps the calendar in memory and
 * rebuilds it when the stored revision changes, so an edit on one node reaches all.
 */
@Service
@Transactional(readOnly = true)
public class HolidaySchedules {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile Cached cached = new Cached(-1, new WorkingCalendar(List.of()), 0);

	/**
	 * How long a node trusts its calendar before it asks for the stored revision again,
	 * in the machine's own time: the business clock may be set back (a training hall, a
	 * rehearsal of a past day), and a cache timed by it would then never look again.
	 */
	private static final long TRUSTED_NANOS = 1_000_000_000L;

	private final Directory directory;

	HolidaySchedules(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, Directory directory) {
		this.directory = directory;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The calendar of all loaded years, current to within a second across nodes. */
	public WorkingCalendar calendar() {
		Cached c = cached;
		long now = System.nanoTime();
		if (now - c.checkedAt < TRUSTED_NANOS && c.revision >= 0) {
			return c.calendar;
		}
		long revision = revision();
		if (revision != c.revision) {
			c = new Cached(revision, new WorkingCalendar(load()), now);
		}
		else {
			c = new Cached(revision, c.calendar, now);
		}
		cached = c;
		return c.calendar;
	}

	/**
	 * Reads the stored schedules again at the next {@link #calendar()}, without waiting
	 * for the second a node trusts its copy: after a year was taken out of the database
	 * by hand (an operator's repair, a test cleaning up).
	 */
	public void reload() {
		cached = new Cached(-1, cached.calendar, 0);
	}

	public List<YearSummary> years() {
		return jdbc
			.sql("""
					SELECT y.year_no, y.notice, y.notice_date, y.updated_by, y.updated_at,
					       (SELECT COUNT(*) FROM calendar_day d WHERE d.year_no = y.year_no AND d.kind = 'OFF') AS off_days,
					       (SELECT COUNT(*) FROM calendar_day d WHERE d.year_no = y.year_no AND d.kind = 'WORK') AS work_days
					FROM calendar_year y ORDER BY y.year_no
					""")
			.query((rs, n) -> new YearSummary(rs.getInt("year_no"), rs.getString("notice"),
					rs.getObject("notice_date", LocalDate.class), rs.getInt("off_days"), rs.getInt("work_days"),
					rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	public YearSchedule year(int year) {
		return load().stream()
			.filter(y -> y.year() == year)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.calendar.yearNotFound", year));
	}

	public List<CalendarChange> changes(int year) {
		return jdbc.sql("""
				SELECT year_no, changed_by, changed_at, summary FROM calendar_change
				WHERE year_no = :year ORDER BY id DESC
				""")
			.param("year", year)
			.query((rs, n) -> new CalendarChange(rs.getInt("year_no"), rs.getString("changed_by"),
					rs.getTimestamp("changed_at").toInstant(), rs.getString("summary")))
			.list();
	}

	/**
	 * Loads or replaces a year's schedule (each November's notice), refusing dates
	 * outside the year, duplicates and make-up working days that are not weekend days.
	 * The change is recorded and announced.
	 */
	@Transactional
	public YearSchedule saveYear(YearSchedule schedule, GovHallUser actor) {
		requireProvincialAdmin(actor);
		List<FieldViolation> problems = check(schedule);
		if (!problems.isEmpty()) {
			throw new RuleViolationException("calendar-refused", "error.calendar.refused", problems, problems.size());
		}
		Optional<YearSchedule> before = load().stream().filter(y -> y.year() == schedule.year()).findFirst();
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				UPDATE calendar_year SET notice = :notice, notice_date = :date, updated_by = :by, updated_at = :at,
				       version = version + 1
				WHERE year_no = :year
				""")
			.param("notice", schedule.notice())
			.param("date", schedule.noticeDate())
			.param("by", actor.getUsername())
			.param("at", Timestamp.from(now))
			.param("year", schedule.year())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO calendar_year (year_no, notice, notice_date, updated_by, updated_at, version)
					VALUES (:year, :notice, :date, :by, :at, 0)
					""")
				.param("year", schedule.year())
				.param("notice", schedule.notice())
				.param("date", schedule.noticeDate())
				.param("by", actor.getUsername())
				.param("at", Timestamp.from(now))
				.update();
		}
		jdbc.sql("DELETE FROM calendar_day WHERE year_no = :year").param("year", schedule.year()).update();
		for (SpecialDay d : schedule.days()) {
			jdbc.sql("INSERT INTO calendar_day (on_date, year_no, kind, name) VALUES (:date, :year, :kind, :name)")
				.param("date", d.date())
				.param("year", schedule.year())
				.param("kind", d.kind().name())
				.param("name", d.name())
				.update();
		}
		jdbc.sql("""
				INSERT INTO calendar_change (year_no, changed_by, changed_at, summary)
				VALUES (:year, :by, :at, :summary)
				""")
			.param("year", schedule.year())
			.param("by", actor.getUsername())
			.param("at", Timestamp.from(now))
			.param("summary", summary(before.orElse(null), schedule))
			.update();
		events.publishEvent(new CalendarChanged(schedule.year(), actor.getUsername()));
		events.publishEvent(new AuditEvent(actor.getUsername(), AuditEvent.roles(actor.scope().roles()),
				"calendar.year-saved", String.valueOf(schedule.year()), summary(before.orElse(null), schedule), now));
		cached = new Cached(-1, cached.calendar, 0);
		return schedule;
	}

	static List<FieldViolation> check(YearSchedule schedule) {
		List<FieldViolation> problems = new ArrayList<>();
		if (schedule.year() < 2000 || schedule.year() > 2100) {
			problems.add(new FieldViolation("year", "error.calendar.yearRange", schedule.year()));
		}
		if (schedule.notice() == null || schedule.notice().isBlank()) {
			problems.add(new FieldViolation("notice", "error.calendar.noticeRequired"));
		}
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; i < schedule.days().size(); i++) {
			SpecialDay d = schedule.days().get(i);
			if (d.date().getYear() != schedule.year()) {
				problems.add(new FieldViolation("days[" + i + "].date", "error.calendar.otherYear", d.date(),
						schedule.year()));
			}
			if (!seen.add(d.date())) {
				problems.add(new FieldViolation("days[" + i + "].date", "error.calendar.duplicate", d.date()));
			}
			if (d.kind() == DayKind.WORK && !YearSchedule.isWeekend(d.date())) {
				problems.add(new FieldViolation("days[" + i + "].kind", "error.calendar.workOnWeekday", d.date()));
			}
		}
		return problems;
	}

	private static String summary(@Nullable YearSchedule before, YearSchedule after) {
		Set<String> old = new TreeSet<>();
		if (before != null) {
			before.days().forEach(d -> old.add(d.date() + " " + d.kind()));
		}
		Set<String> now = new TreeSet<>();
		after.days().forEach(d -> now.add(d.date() + " " + d.kind()));
		Set<String> added = new TreeSet<>(now);
		added.removeAll(old);
		Set<String> removed = new TreeSet<>(old);
		removed.removeAll(now);
		String text = (before == null ? "loaded" : "changed") + ": notice " + after.notice() + "; added " + added
				+ "; removed " + removed;
		return text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
	}

	private void requireProvincialAdmin(GovHallUser actor) {
		String region = actor.scope().regionCode();
		boolean provincial = region != null && directory.region(region).map(r -> r.parentCode() == null).orElse(false);
		if (!actor.scope().has(Role.SYSTEM_ADMIN) || !provincial) {
			throw new ForbiddenException("error.forbidden.scope");
		}
	}

	private long revision() {
		return jdbc.sql("SELECT COUNT(*) * 1000000 + COALESCE(SUM(version), 0) FROM calendar_year")
			.query(Long.class)
			.single();
	}

	private List<YearSchedule> load() {
		Map<Integer, List<SpecialDay>> days = new HashMap<>();
		jdbc.sql("SELECT on_date, year_no, kind, name FROM calendar_day ORDER BY on_date")
			.query((rs, n) -> days.computeIfAbsent(rs.getInt("year_no"), y -> new ArrayList<>())
				.add(new SpecialDay(rs.getObject("on_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
						rs.getString("name"))))
			.list();
		return jdbc.sql("SELECT year_no, notice, notice_date FROM calendar_year ORDER BY year_no")
			.query((rs, n) -> new YearSchedule(rs.getInt("year_no"), rs.getString("notice"),
					rs.getObject("notice_date", LocalDate.class), days.getOrDefault(rs.getInt("year_no"), List.of())))
			.list();
	}

	/**
	 * The calendar of a revision, and when (in {@link System#nanoTime()}) it was checked.
	 */
	private record Cached(long revision, WorkingCalendar calendar, long checkedAt) {
	}

}
