package org.govhall.cases;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the staff workbench how many documents the cases of the departments its user
 * covers owe and have not issued (文书未出具, ADR 0021), so that it shows them with a link to
 * the list; none for everyone else. Only the workbench (and the case list) asks, so the
 * count is read only there.
 */
@ControllerAdvice(annotations = PageController.class)
class DocumentsOwedLinks {

	private final ObjectProvider<DocumentsOwed> owed;

	private final ObjectProvider<Directory> directory;

	DocumentsOwedLinks(ObjectProvider<DocumentsOwed> owed, ObjectProvider<Directory> directory) {
		this.owed = owed;
		this.directory = directory;
	}

	@ModelAttribute("documentsOwed")
	@Nullable Integer documentsOwed(@AuthenticationPrincipal Object principal, HttpServletRequest request) {
		DocumentsOwed o = owed.getIfAvailable();
		Directory d = directory.getIfAvailable();
		if (!(principal instanceof GovHallUser user) || !user.scope().handlesCases() || o == null || d == null
				|| !"/staff".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			return null;
		}
		List<String> departments = d.departments()
			.stream()
			.filter(dep -> d.covers(user.scope(), dep.regionCode(), dep.id()))
			.map(DepartmentView::code)
			.toList();
		return o.countForDepartments(departments);
	}

}
