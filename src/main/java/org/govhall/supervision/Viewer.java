package org.govhall.supervision;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Whose supervision data a user sees: a supervisor or system administrator the region and
 * below (only their department when their scope names one); a department head (department
 * administrator) the cases, sub-deadlines and cards of their department; any other
 * official the cases they are responsible for or first handled.
 */
record Viewer(Set<String> regions, @Nullable String department, @Nullable String handler) {

	boolean supervises() {
		return !regions.isEmpty();
	}

	/**
	 * The SQL condition over a table with {@code region_code}, {@code department_code}
	 * and (for cases) {@code responsible_person}/{@code first_handler} columns.
	 * @param table "" for {@code supervision_case}, else a table without handler columns
	 */
	String condition(String table) {
		if (supervises()) {
			return department == null ? "region_code IN (:regions)"
					: "(region_code IN (:regions) AND department_code = :department)";
		}
		if (department != null) {
			return table.isEmpty() ? """
					(department_code = :department OR case_number IN (SELECT case_number FROM supervision_subclock
					 WHERE department_code = :department))""" : "department_code = :department";
		}
		return table.isEmpty() ? "(responsible_person = :handler OR first_handler = :handler)"
				: "case_number IN (SELECT case_number FROM supervision_case WHERE responsible_person = :handler"
						+ " OR first_handler = :handler)";
	}

	Map<String, Object> params() {
		Map<String, Object> p = new HashMap<>();
		p.put("regions", regions.isEmpty() ? Set.of("-") : regions);
		p.put("department", department == null ? "-" : department);
		p.put("handler", handler == null ? "-" : handler);
		return p;
	}

}
