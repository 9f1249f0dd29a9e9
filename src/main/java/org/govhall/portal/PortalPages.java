package org.govhall.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.catalog.Catalog;
import org.govhall.catalog.DelegationTakeUp;
import org.govhall.catalog.ItemGuide;
import org.govhall.catalog.ItemQuery;
import org.govhall.catalog.ItemType;
import org.govhall.catalog.LifeEvent;
import org.govhall.catalog.ProcessingMode;
import org.govhall.catalog.ServiceObject;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.HallView;
import org.govhall.directory.RegionView;
import org.govhall.directory.WindowView;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages: home, search, guides, history, departments and halls. */
@PageController
class PortalPages {

	private final Catalog catalog;

	private final Directory directory;

	private final DelegationTakeUp takeUp;

	PortalPages(Catalog catalog, Directory directory, DelegationTakeUp takeUp) {
		this.catalog = catalog;
		this.directory = directory;
		this.takeUp = takeUp;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("typeCounts", catalog.countsByType());
		model.addAttribute("eventCounts", catalog.countsByLifeEvent());
		model.addAttribute("itemTypes", ItemType.values());
		model.addAttribute("personEvents", events(ServiceObject.NATURAL_PERSON));
		model.addAttribute("businessEvents", events(ServiceObject.LEGAL_PERSON));
		model.addAttribute("regions", directory.regions());
		return "index";
	}

	@GetMapping("/items")
	String items(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable ItemType type,
			@RequestParam(required = false) @Nullable LifeEvent lifeEvent,
			@RequestParam(required = false) @Nullable ServiceObject audience,
			@RequestParam(required = false) @Nullable ProcessingMode mode, @RequestParam(defaultValue = "0") int page,
			HttpServletRequest request, Model model) {
		String text = q == null ? null : q.length() > 100 ? q.substring(0, 100) : q;
		ItemQuery query = new ItemQuery(text, department, region, type, lifeEvent, audience, mode, page, 20);
		model.addAttribute("query", query);
		model.addAttribute("result", catalog.search(query));
		model.addAttribute("itemTypes", ItemType.values());
		model.addAttribute("lifeEvents", LifeEvent.values());
		model.addAttribute("audiences", ServiceObject.values());
		model.addAttribute("modes", ProcessingMode.values());
		model.addAttribute("regions", directory.regions());
		model.addAttribute("departments", directory.departments());
		model.addAttribute("departmentNames", departmentNames());
		if (request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null) {
			return "items :: results";
		}
		return "items";
	}

	/**
	 * The guide. For an item delegated to counties, the applicant's county (asked on the
	 * page, or else the region of the signed-in applicant's identity) selects the
	 * delegation that reaches it, so the page can say which office handles the
	 * application there.
	 */
	@GetMapping("/items/{code}")
	String guide(@PathVariable String code, @RequestParam(required = false) @Nullable String county,
			@AuthenticationPrincipal @Nullable GovHallUser user, Model model) {
		ItemGuide guide = catalog.guide(code);
		String region = county != null && !county.isBlank() ? county
				: user != null && user.identity() != null ? user.identity().regionCode() : null;
		model.addAttribute("yourCounty", takeUp.forApplicantIn(guide, region).orElse(null));
		model.addAttribute("askedCounty", county == null ? "" : county);
		model.addAttribute("carried", takeUp.carriedBy(code).orElse(null));
		return guidePage(guide, model);
	}

	@GetMapping("/items/{code}/versions/{versionNo}")
	String version(@PathVariable String code, @PathVariable int versionNo, Model model) {
		return guidePage(catalog.publicVersion(code, versionNo), model);
	}

	@GetMapping("/items/{code}/versions")
	String history(@PathVariable String code, Model model) {
		model.addAttribute("guide", catalog.guide(code));
		model.addAttribute("versions", catalog.history(code));
		return "history";
	}

	/** A hall and the windows in it that take the item's applications. */
	record HallPlace(HallView hall, List<WindowView> windows) {
	}

	/**
	 * The halls and windows to go to: those the guide links (办理地点), else the halls of the
	 * department's region with the windows that receive its items.
	 */
	private List<HallPlace> whereToGo(ItemGuide guide) {
		if (!guide.places().isEmpty()) {
			return guide.places().stream().map(p -> new HallPlace(p.hall(), p.windows())).toList();
		}
		String department = guide.department().code();
		return directory.hallsOf(guide.department().regionCode())
			.stream()
			.map(h -> new HallPlace(h,
					h.windows().stream().filter(w -> w.departmentCodes().contains(department)).toList()))
			.filter(p -> !p.windows().isEmpty())
			.toList();
	}

	private String guidePage(ItemGuide guide, Model model) {
		model.addAttribute("guide", guide);
		model.addAttribute("whereToGo", whereToGo(guide));
		model.addAttribute("d", guide.content());
		model.addAttribute("fileBase", "/items");
		model.addAttribute("uploads", false);
		model.addAttribute("departmentNames", departmentNames());
		return "item";
	}

	@GetMapping("/departments")
	String departments(Model model) {
		List<RegionView> regions = directory.regions();
		Map<String, List<DepartmentView>> byRegion = directory.departments()
			.stream()
			.collect(Collectors.groupingBy(DepartmentView::regionCode));
		model.addAttribute("regions", regions);
		model.addAttribute("byRegion", byRegion);
		model.addAttribute("itemCounts", catalog.countsByDepartment());
		return "departments";
	}

	@GetMapping("/halls")
	String halls(Model model) {
		model.addAttribute("halls", directory.halls());
		model.addAttribute("regionsByCode",
				directory.regions().stream().collect(Collectors.toMap(RegionView::code, Function.identity())));
		model.addAttribute("departmentNames", departmentNames());
		return "halls";
	}

	/**
	 * The login page; {@code wait} is the seconds the throttle asked for (ADR 0019),
	 * shown only as a number.
	 */
	@GetMapping("/login")
	String login(@RequestParam(name = "wait", required = false) @Nullable String wait, Model model) {
		if (wait != null && wait.matches("[0-9]{1,5}")) {
			model.addAttribute("waitSeconds", Integer.parseInt(wait));
		}
		return "login";
	}

	private Map<String, DepartmentView> departmentNames() {
		return directory.departments().stream().collect(Collectors.toMap(DepartmentView::code, Function.identity()));
	}

	private static List<LifeEvent> events(ServiceObject audience) {
		return Arrays.stream(LifeEvent.values()).filter(e -> e.audience() == audience).toList();
	}

}
