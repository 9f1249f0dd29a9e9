package org.govhall.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govhall.agency.Authorisations;
import org.govhall.catalog.Catalog;
import org.govhall.catalog.DelegationTakeUp;
import org.govhall.catalog.ItemDraft;
import org.govhall.catalog.ItemDraft;
import org.govhall.catalog.Material;
import org.govhall.directory.AccountDraft;
import org.govhall.directory.ApplicantRegistration;
import org.govhall.directory.DepartmentDraft;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.HallDraft;
import org.govhall.directory.HallView;
import org.govhall.directory.RegionDraft;
import org.govhall.directory.Role;
import org.govhall.directory.Verification;
import org.govhall.directory.WindowDraft;
import org.govhall.directory.WindowView;
import org.govhall.documents.Documents;
import org.govhall.shared.GovHallException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Seeds the demo province from {@code demo/directory.json} and {@code demo/items.json}.
 * Each part is skipped when it is already there, so restarting never duplicates anything.
 * Items go through the same draft, review and publish steps as real ones, so the demo can
 * only show what the publishing rules accept.
 */
@Component
@ConditionalOnProperty(name = "govhall.demo.enabled", havingValue = "true")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String PROVINCE = "660000";

	private final Directory directory;

	private final Catalog catalog;

	private final ObjectMapper json;

	private final DemoForms forms;

	private final DelegationTakeUp takeUp;

	private final Authorisations authorisations;

	private final Clock clock;

	DemoData(Directory directory, Catalog catalog, ObjectMapper json, Documents documents, DelegationTakeUp takeUp,
			Authorisations authorisations, Clock clock) {
		this.authorisations = authorisations;
		this.clock = clock;
		this.directory = directory;
		this.catalog = catalog;
		this.takeUp = takeUp;
		this.json = json;
		this.forms = new DemoForms(documents);
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() throws IOException {
		DirectoryData dir = read("demo/directory.json", DirectoryData.class);
		if (directory.region(PROVINCE).isEmpty()) {
			loadDirectory(dir);
		}
		ItemData[] items = read("demo/items.json", ItemData[].class);
		// a delegation names its county counterpart by code, which must be published
		// first
		Arrays.sort(items, Comparator.comparing(ItemData::namesCounterpart));
		Map<String, DemoForms.Form> formsByMaterial = new HashMap<>();
		for (DemoForms.Form form : read("demo/forms.json", DemoForms.Form[].class)) {
			formsByMaterial.put(form.material(), form);
		}
		Map<String, DemoImplementation.Extra> extras = readExtras();
		GovHallUser admin = directory.principal("admin").orElseThrow();
		GovHallUser legal = directory.principal("legal").orElseThrow();
		int published = 0;
		int failed = 0;
		for (ItemData item : items) {
			if (catalog.findGuide(item.code()).isPresent()) {
				continue;
			}
			try {
				ItemDraft content = DemoImplementation.enrich(item.code(), item.content(),
						windowsOf(item.departmentCode()), extras.get(item.code()));
				catalog.createItem(item.code(), item.departmentCode(), content, admin);
				attachForms(item, formsByMaterial, admin);
				attachResultSample(item, admin);
				if (item.publish()) {
					catalog.submit(item.code(), admin);
					catalog.approve(item.code(), legal);
					published++;
				}
			}
			catch (GovHallException ex) {
				failed++;
				log.error("demo item {} refused: {} {}", item.code(), ex.messageKey(), ex.violations());
			}
		}
		markNotTakenOn(items);
		authoriseAgent();
		log.info("demo data ready: {} items published now, {} refused", published, failed);
	}

	/**
	 * The items the demo agent (李四) may file for the demo applicant (张三): a planning
	 * permit and a food licence.
	 */
	static final List<String> AGENT_ITEMS = List.of("660100-XK-05001", "660100-XK-02001");

	/**
	 * The demo agent acts for the demo applicant under an authorisation the applicant
	 * confirmed (ADR 0025), for the demo year, so that filing through an agent can be
	 * shown without typing a power of attorney.
	 */
	private void authoriseAgent() {
		Optional<GovHallUser> agent = directory.principal("agent");
		Optional<GovHallUser> principal = directory.principal("applicant");
		if (agent.isEmpty() || principal.isEmpty()) {
			return;
		}
		try {
			authorisations.seedConfirmed(agent.get(), principal.get(), AGENT_ITEMS, LocalDate.now(clock));
		}
		catch (GovHallException ex) {
			log.error("demo authorisation of the agent refused: {} {}", ex.messageKey(), ex.violations());
		}
	}

	/**
	 * Records the powers the demo's counties have not yet taken on (尚未承接), unless already
	 * recorded.
	 */
	private void markNotTakenOn(ItemData[] items) {
		GovHallUser admin = directory.principal("admin").orElseThrow();
		for (ItemData item : items) {
			for (NotTakenOnData m : item.notTakenOn() == null ? List.<NotTakenOnData>of() : item.notTakenOn()) {
				if (takeUp.notTakenOn(item.code()).stream().anyMatch(n -> n.countyCode().equals(m.countyCode()))) {
					continue;
				}
				try {
					takeUp.markNotTakenOn(item.code(), m.countyCode(), m.reason(), m.targetOn(), admin);
				}
				catch (GovHallException ex) {
					log.error("demo mark 尚未承接 of {} in {} refused: {}", item.code(), m.countyCode(), ex.messageKey());
				}
			}
		}
	}

	/**
	 * Attaches the blank form and the filled-in sample of each material that
	 * {@code demo/forms.json} has.
	 */
	private void attachForms(ItemData item, Map<String, DemoForms.Form> formsByMaterial, GovHallUser admin) {
		List<Material> materials = item.content().materials();
		String department = directory.department(item.departmentCode()).map(DepartmentView::nameZh).orElse("");
		for (int i = 0; i < materials.size(); i++) {
			DemoForms.Form form = formsByMaterial.get(materials.get(i).nameZh());
			if (form == null) {
				if (materials.get(i).templateName() != null) {
					String name = materials.get(i).nameZh();
					catalog.attachMaterialFile(item.code(), i, true, name + "（空白表格）.pdf", forms.genericBlankPdf(name),
							admin);
				}
				continue;
			}
			for (boolean sample : new boolean[] { false, true }) {
				catalog.attachMaterialFile(item.code(), i, !sample, DemoForms.fileName(form, sample),
						forms.pdf(form, item.content().nameZh(), department, sample), admin);
			}
		}
	}

	/**
	 * The windows of the halls in the department's region that receive its items (办理地点).
	 */
	private List<Long> windowsOf(String departmentCode) {
		String region = directory.department(departmentCode).map(DepartmentView::regionCode).orElse("");
		return directory.hallsOf(region)
			.stream()
			.flatMap(h -> h.windows().stream())
			.filter(w -> w.departmentCodes().contains(departmentCode))
			.map(WindowView::id)
			.toList();
	}

	/** A licence's specimen (结果样本), typeset as a PDF like the forms. */
	private void attachResultSample(ItemData item, GovHallUser admin) {
		ItemDraft d = item.content();
		if (!DemoImplementation.hasResultSample(d) || d.resultNameZh() == null) {
			return;
		}
		String department = directory.department(item.departmentCode()).map(DepartmentView::nameZh).orElse("");
		catalog.attachResultSample(item.code(), DemoForms.resultSampleFileName(d.resultNameZh()),
				forms.resultSamplePdf(d.nameZh(), d.resultNameZh(), department), admin);
	}

	/**
	 * The GB/T 39046 details of a few items ({@code demo/items-gbt39046.json}), by item
	 * code.
	 */
	private Map<String, DemoImplementation.Extra> readExtras() throws IOException {
		try (InputStream in = new ClassPathResource("demo/items-gbt39046.json").getInputStream()) {
			return json.readValue(in, new TypeReference<Map<String, DemoImplementation.Extra>>() {
			});
		}
	}

	private void loadDirectory(DirectoryData dir) {
		GovHallUser bootstrap = bootstrapAdmin(dir);
		for (RegionDraft r : dir.regions()) {
			if (directory.region(r.code()).isEmpty()) {
				directory.addRegion(r, bootstrap);
			}
		}
		for (DepartmentDraft d : dir.departments()) {
			directory.addDepartment(d, bootstrap);
		}
		for (HallData h : dir.halls()) {
			HallView hall = directory.addHall(h.hall(), bootstrap);
			for (WindowDraft w : h.windows()) {
				directory.addWindow(hall.id(), w, bootstrap);
			}
		}
		for (AccountDraft a : dir.accounts()) {
			if (!directory.accountExists(a.username())) {
				directory.openAccount(a);
			}
		}
		for (ApplicantRegistration a : dir.applicants()) {
			if (!directory.accountExists(a.username())) {
				directory.registerApplicant(a);
				// the demo residents and enterprises are the identity platform's too:
				// their identities count as seen
				directory.verifyApplicant(a.username(), Verification.Via.DEMO, "demo-seed");
			}
		}
	}

	/**
	 * The province must exist before any account can be scoped to it; the first region is
	 * added by the seed.
	 */
	private GovHallUser bootstrapAdmin(DirectoryData dir) {
		RegionDraft province = dir.regions().get(0);
		directory.seedRootRegion(province);
		AccountDraft admin = dir.accounts()
			.stream()
			.filter(a -> a.roles().contains(Role.SYSTEM_ADMIN) && PROVINCE.equals(a.regionCode()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo data needs a provincial system administrator"));
		if (!directory.accountExists(admin.username())) {
			directory.openAccount(admin);
		}
		return directory.principal(admin.username()).orElseThrow();
	}

	private <T> T read(String path, Class<T> type) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return json.readValue(in, type);
		}
	}

	record DirectoryData(List<RegionDraft> regions, List<DepartmentDraft> departments, List<HallData> halls,
			List<AccountDraft> accounts, List<ApplicantRegistration> applicants) {
	}

	record HallData(HallDraft hall, List<WindowDraft> windows) {
	}

	record ItemData(String code, String departmentCode, boolean publish, ItemDraft content,
			@Nullable List<NotTakenOnData> notTakenOn) {

		boolean namesCounterpart() {
			return content.delegations().stream().anyMatch(d -> d.counterpartItemCode() != null);
		}

	}

	/** A county's record that it has not yet taken the item's delegated power on. */
	record NotTakenOnData(String countyCode, String reason, LocalDate targetOn) {
	}

}
