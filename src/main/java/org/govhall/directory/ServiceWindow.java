package org.govhall.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A window (窗口) of a hall and the departments whose items it receives. */
class ServiceWindow {

	@Id
	private @Nullable Long id;

	private final Long hallId;

	private final String number;

	private String nameZh;

	private String nameEn;

	private WindowKind kind;

	private Set<WindowDepartment> departments;

	@Version
	private @Nullable Integer version;

	ServiceWindow(@Nullable Long id, Long hallId, String number, String nameZh, String nameEn, WindowKind kind,
			Set<WindowDepartment> departments, @Nullable Integer version) {
		this.id = id;
		this.hallId = hallId;
		this.number = number;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.kind = kind;
		this.departments = new HashSet<>(departments);
		this.version = version;
	}

	static ServiceWindow open(Long hallId, String number, String nameZh, String nameEn, WindowKind kind,
			Set<Long> departmentIds) {
		Set<WindowDepartment> deps = new HashSet<>();
		departmentIds.forEach(d -> deps.add(new WindowDepartment(d)));
		return new ServiceWindow(null, hallId, number, nameZh, nameEn, kind, deps, null);
	}

	Long hallId() {
		return hallId;
	}

	Set<Long> departmentIds() {
		Set<Long> ids = new HashSet<>();
		departments.forEach(d -> ids.add(d.departmentId()));
		return ids;
	}

	WindowView view(List<String> departmentCodes) {
		return new WindowView(id == null ? 0 : id, number, nameZh, nameEn, kind, departmentCodes);
	}

	/** A department served at a window. */
	record WindowDepartment(Long departmentId) {
	}

}
