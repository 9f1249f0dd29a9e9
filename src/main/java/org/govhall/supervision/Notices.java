package org.govhall.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.govhall.calendar.HolidaySchedules;
import org.govhall.calendar.YearNotLoadedException;
import org.govhall.shared.ConflictException;
import org.govhall.shared.PlainText;
import org.govhall.supervision.SupervisionHistory.Actor;
import org.govhall.supervision.SupervisionHistory.Subject;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Supervision notices (督办) and accountability records (问责), with their history. */
@Component
class Notices {

	private final JdbcClient jdbc;

	private final SupervisionHistory history;

	private final HolidaySchedules schedules;

	private final Clock clock;

	Notices(JdbcClient jdbc, SupervisionHistory history, HolidaySchedules schedules, Clock clock) {
		this.jdbc = jdbc;
		this.history = history;
		this.schedules = schedules;
		this.clock = clock;
	}

	Notice issue(String caseNumber, String departmentCode, String regionCode, String demand, int responseDays,
			Actor by) {
		LocalDate today = LocalDate.now(clock);
		LocalDate due;
		try {
			due = schedules.calendar().addWorkingDays(today, responseDays);
		}
		catch (YearNotLoadedException ex) {
			// weekdays while the year's schedule is missing: never later than the
			// working-day count would give
			due = schedules.calendar().provisional().addWorkingDays(today, responseDays);
		}
		String number = "DB-" + today.getYear() + "-" + String.format("%06d",
				jdbc.sql("SELECT nextval('supervision_number_seq')").query(Long.class).single());
		jdbc.sql("""
				INSERT INTO supervision_notice (notice_number, case_number, department_code, region_code, demand,
				       issued_by, issued_on, response_due, status, version)
				VALUES (:number, :caseNumber, :department, :region, :demand, :by, :today, :due, 'OPEN', 0)
				""")
			.param("number", number)
			.param("caseNumber", caseNumber)
			.param("department", departmentCode)
			.param("region", regionCode)
			.param("demand", demand.strip())
			.param("by", by.name())
			.param("today", Date.valueOf(today), Types.DATE)
			.param("due", Date.valueOf(due), Types.DATE)
			.update();
		history.append(Subject.NOTICE, number, by, "ISSUED", demand.strip());
		return find(number).orElseThrow();
	}

	Notice respond(Notice notice, String response, Actor by) {
		if (notice.status() != Notice.Status.OPEN) {
			throw new ConflictException("notice-state", "error.notice.state", notice.number(), notice.status());
		}
		int n = jdbc.sql("""
				UPDATE supervision_notice SET status = 'RESPONDED', response = :response, responded_by = :by,
				       responded_on = :today, version = version + 1
				WHERE notice_number = :n AND version = :version
				""")
			.param("response", response.strip())
			.param("by", by.name())
			.param("today", Date.valueOf(LocalDate.now(clock)), Types.DATE)
			.param("n", notice.number())
			.param("version", notice.version())
			.update();
		if (n != 1) {
			throw new ConflictException("notice-changed", "error.card.changed", notice.number());
		}
		history.append(Subject.NOTICE, notice.number(), by, "RESPONDED", response.strip());
		return find(notice.number()).orElseThrow();
	}

	Notice close(Notice notice, String comment, Actor by) {
		if (notice.status() != Notice.Status.RESPONDED) {
			throw new ConflictException("notice-state", "error.notice.state", notice.number(), notice.status());
		}
		int n = jdbc.sql("""
				UPDATE supervision_notice SET status = 'CLOSED', version = version + 1
				WHERE notice_number = :n AND version = :version
				""").param("n", notice.number()).param("version", notice.version()).update();
		if (n != 1) {
			throw new ConflictException("notice-changed", "error.card.changed", notice.number());
		}
		history.append(Subject.NOTICE, notice.number(), by, "CLOSED", comment.strip());
		return find(notice.number()).orElseThrow();
	}

	Optional<Notice> find(String number) {
		return jdbc.sql("SELECT * FROM supervision_notice WHERE notice_number = :n")
			.param("n", number)
			.query(Notices::notice)
			.optional();
	}

	List<Notice> ofCase(String caseNumber) {
		return jdbc.sql("SELECT * FROM supervision_notice WHERE case_number = :n ORDER BY issued_on, notice_number")
			.param("n", caseNumber)
			.query(Notices::notice)
			.list();
	}

	List<Notice> list(Collection<String> regions, @Nullable String departmentCode, int limit) {
		String scope = regions.isEmpty() ? "department_code = :department" : departmentCode == null
				? "region_code IN (:regions)" : "(region_code IN (:regions) AND department_code = :department)";
		return jdbc.sql("""
				SELECT * FROM supervision_notice WHERE %s
				ORDER BY CASE status WHEN 'OPEN' THEN 0 WHEN 'RESPONDED' THEN 1 ELSE 2 END, response_due,
				         notice_number
				FETCH FIRST %d ROWS ONLY
				""".formatted(scope, limit))
			.param("regions", regions.isEmpty() ? List.of("-") : regions)
			.param("department", departmentCode == null ? "-" : departmentCode)
			.query(Notices::notice)
			.list();
	}

	Accountability hold(@Nullable String cardNumber, @Nullable String caseNumber, String departmentCode,
			String regionCode, String person, Accountability.Measure measure, String basis, Actor by) {
		PlainText.require(person, "person");
		LocalDate today = LocalDate.now(clock);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO supervision_accountability (card_number, case_number, department_code, region_code, person,
				       measure, basis, decided_by, decided_on)
				VALUES (:card, :caseNumber, :department, :region, :person, :measure, :basis, :by, :today)
				""")
			.param("card", cardNumber, Types.VARCHAR)
			.param("caseNumber", caseNumber, Types.VARCHAR)
			.param("department", departmentCode)
			.param("region", regionCode)
			.param("person", person.strip())
			.param("measure", measure.name())
			.param("basis", basis.strip())
			.param("by", by.name())
			.param("today", Date.valueOf(today), Types.DATE)
			.update(keys, "id");
		long id = Objects.requireNonNull(keys.getKey()).longValue();
		String subject = cardNumber != null ? cardNumber : caseNumber == null ? departmentCode : caseNumber;
		history.append(Subject.ACCOUNTABILITY, subject, by, "ACCOUNTABILITY",
				FactLine.ACCOUNTABILITY.line(measure, person.strip(), basis.strip()));
		return jdbc.sql("SELECT * FROM supervision_accountability WHERE id = :id")
			.param("id", id)
			.query(Notices::accountability)
			.single();
	}

	List<Accountability> accountabilities(@Nullable String cardNumber, @Nullable String caseNumber) {
		return jdbc.sql("""
				SELECT * FROM supervision_accountability WHERE card_number = :card OR case_number = :caseNumber
				ORDER BY id
				""")
			.param("card", cardNumber == null ? "-" : cardNumber)
			.param("caseNumber", caseNumber == null ? "-" : caseNumber)
			.query(Notices::accountability)
			.list();
	}

	static Notice notice(ResultSet rs, int n) throws SQLException {
		return new Notice(rs.getString("notice_number"), rs.getString("case_number"), rs.getString("department_code"),
				rs.getString("region_code"), rs.getString("demand"), rs.getString("issued_by"),
				rs.getObject("issued_on", LocalDate.class), rs.getObject("response_due", LocalDate.class),
				rs.getString("response"), rs.getString("responded_by"), rs.getObject("responded_on", LocalDate.class),
				Notice.Status.valueOf(rs.getString("status")), rs.getInt("version"));
	}

	static Accountability accountability(ResultSet rs, int n) throws SQLException {
		return new Accountability(rs.getLong("id"), rs.getString("card_number"), rs.getString("case_number"),
				rs.getString("department_code"), rs.getString("region_code"), rs.getString("person"),
				Accountability.Measure.valueOf(rs.getString("measure")), rs.getString("basis"),
				rs.getString("decided_by"), rs.getObject("decided_on", LocalDate.class));
	}

}
