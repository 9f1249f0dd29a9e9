package org.govhall.catalog;

import org.govhall.calendar.LimitUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Item drafts that speak the catalog's language, valid unless a test says otherwise.
 * Public so that the portal's tests can publish the same items.
 */
public final class CatalogFixtures {

	/** The department of the demo data whose items these are: 示范市市场监督管理局 (660100). */
	public static final String CITY_MARKET_REGULATION = "660100-SCJG";

	/** A county below 660100 (示范市): 东湖县. */
	public static final String DONGHU_COUNTY = "660121";

	private CatalogFixtures() {
	}

	/**
	 * 食品经营许可: a licence with a statutory limit of 20 working days, promised in 10, fully
	 * online, no fee.
	 */
	public static ItemDraft licensingItemWith20WorkingDayLimit() {
		return licensingItem().build();
	}

	/**
	 * The same licence, delegated directly to 东湖县 and exercised at city and county level.
	 */
	public static ItemDraft licensingItemDelegatedToDonghu() {
		return licensingItem().delegatedTo(DONGHU_COUNTY).build();
	}

	/**
	 * A public service handled on the spot (即办件), with no statutory limit, one visit and
	 * paper materials.
	 */
	public static ItemDraft instantPublicService() {
		return licensingItem().nameZh("公共服务事项（即办）")
			.nameEn("On-the-spot public service")
			.itemType(ItemType.PUBLIC_SERVICE)
			.statutoryLimit(null)
			.instant()
			.online(OnlineAvailability.OFFLINE, 1)
			.build();
	}

	public static Draft licensingItem() {
		return new Draft();
	}

	public static Draft editing(ItemDraft draft) {
		return new Draft(draft);
	}

	public static LegalBasis foodSafetyLaw() {
		return new LegalBasis("《中华人民共和国食品安全法》", "第三十五条", "国家对食品生产经营实行许可制度。从事食品销售和餐饮服务，应当依法取得许可。");
	}

	public static Material applicationForm() {
		return new Material("食品经营许可申请书", "Application form", 1, 0, MaterialMedium.PAPER_OR_ELECTRONIC,
				MaterialRequirement.MANDATORY, null, "申请人自备", "申请书空表", "申请书样表", null);
	}

	public static Material paperMaterial(String nameZh, int originals, int copies) {
		return new Material(nameZh, null, originals, copies, MaterialMedium.PAPER, MaterialRequirement.MANDATORY, null,
				"申请人自备", null, null, null);
	}

	public static Material conditionalMaterial(String nameZh, @Nullable String condition) {
		return new Material(nameZh, null, 0, 1, MaterialMedium.PAPER, MaterialRequirement.CONDITIONAL, condition,
				"申请人自备", null, null, null);
	}

	public static Fee fee(@Nullable String legalBasis) {
		return new Fee("证书工本费", "Certificate fee", "每证 10 元", new java.math.BigDecimal("10.00"), legalBasis);
	}

	public static Delegation delegation(String countyCode) {
		return new Delegation(countyCode, DelegationMode.DIRECT, LocalDate.of(2026, 1, 1), "示政发〔2025〕12号", null);
	}

	public static TimeLimit workingDays(int amount) {
		return new TimeLimit(amount, LimitUnit.WORKING_DAY, "《中华人民共和国行政许可法》第四十二条");
	}

	public static TimeLimit calendarDays(int amount) {
		return new TimeLimit(amount, LimitUnit.CALENDAR_DAY, null);
	}

	/** A draft being put together; every method changes one element of the guide. */
	public static final class Draft {

		private String nameZh = "食品经营许可";

		private @Nullable String nameEn = "Food business licence";

		private @Nullable String aliases = "餐饮许可证、食品经营许可证";

		private @Nullable String keywordsEn = "restaurant, catering, food shop";

		private ItemType itemType = ItemType.ADMINISTRATIVE_LICENSE;

		private ServiceObject serviceObject = ServiceObject.LEGAL_PERSON;

		private Set<LifeEvent> lifeEvents = EnumSet.of(LifeEvent.BUSINESS_START, LifeEvent.FOOD_AND_DRUGS);

		private Set<ExerciseLevel> levels = EnumSet.of(ExerciseLevel.CITY);

		private ProcessingMode mode = ProcessingMode.PROMISED;

		private @Nullable TimeLimit statutory = workingDays(20);

		private @Nullable TimeLimit promised = workingDays(10);

		private int visits = 0;

		private OnlineAvailability online = OnlineAvailability.FULLY_ONLINE;

		private boolean noFee = true;

		private List<LegalBasis> legalBases = new ArrayList<>(List.of(foodSafetyLaw()));

		private List<Material> materials = new ArrayList<>(
				List.of(applicationForm(), conditionalMaterial("委托书", "委托他人办理的")));

		private List<Fee> fees = new ArrayList<>();

		private List<ProcedureStep> steps = new ArrayList<>(
				List.of(new ProcedureStep("受理", "Acceptance", "窗口受理人员", "审查材料是否齐全", 1, LimitUnit.WORKING_DAY),
						new ProcedureStep("审查与决定", "Review and decision", "审批人员", null, 9, LimitUnit.WORKING_DAY)));

		private List<Delegation> delegations = new ArrayList<>();

		private Set<String> coDepartments = new LinkedHashSet<>();

		private Set<SpecialProcedure> special = EnumSet.noneOf(SpecialProcedure.class);

		private @Nullable Implementation implementation;

		private @Nullable Handling handling;

		private @Nullable OnlineService onlineService;

		private List<Faq> faqs = new ArrayList<>();

		private @Nullable Revision revision;

		Draft() {
		}

		Draft(ItemDraft d) {
			nameZh = d.nameZh();
			nameEn = d.nameEn();
			aliases = d.aliases();
			keywordsEn = d.keywordsEn();
			itemType = d.itemType();
			serviceObject = d.serviceObject();
			lifeEvents = d.lifeEvents().isEmpty() ? EnumSet.noneOf(LifeEvent.class) : EnumSet.copyOf(d.lifeEvents());
			levels = d.exerciseLevels().isEmpty() ? EnumSet.noneOf(ExerciseLevel.class)
					: EnumSet.copyOf(d.exerciseLevels());
			mode = d.processingMode();
			statutory = d.statutoryLimit();
			promised = d.promisedLimit();
			visits = d.onSiteVisits();
			online = d.onlineAvailability();
			noFee = d.noFee();
			legalBases = new ArrayList<>(d.legalBases());
			materials = new ArrayList<>(d.materials());
			fees = new ArrayList<>(d.fees());
			steps = new ArrayList<>(d.steps());
			delegations = new ArrayList<>(d.delegations());
			coDepartments = new LinkedHashSet<>(d.coDepartmentCodes());
			special = d.specialProcedures().isEmpty() ? EnumSet.noneOf(SpecialProcedure.class)
					: EnumSet.copyOf(d.specialProcedures());
			implementation = d.implementation();
			handling = d.handling();
			onlineService = d.online();
			faqs = new ArrayList<>(d.faqs());
			revision = d.revision();
		}

		/**
		 * GB/T 39046's implementation elements (codes, body nature, initiation, scope,
		 * bases, result sample).
		 */
		public Draft implementation(@Nullable Implementation implementation) {
			this.implementation = implementation;
			return this;
		}

		/** 依申请 or 依职权, keeping the other implementation elements. */
		public Draft initiation(Initiation initiation) {
			Implementation i = implementation == null
					? new Implementation(null, null, null, null, null, null, null, null, null, null) : implementation;
			this.implementation = new Implementation(i.basicCode(), i.itemSuffix(), i.bodyNature(), initiation,
					i.handlingScope(), i.intermediaryServices(), i.quantityLimit(), i.implementingBases(),
					i.resultSampleName(), i.resultSampleFileId());
			return this;
		}

		public Draft handling(@Nullable Handling handling) {
			this.handling = handling;
			return this;
		}

		public Draft onlineService(@Nullable OnlineService online) {
			this.onlineService = online;
			return this;
		}

		public Draft faqs(Faq... faqs) {
			this.faqs = new ArrayList<>(List.of(faqs));
			return this;
		}

		public Draft revision(@Nullable Revision revision) {
			this.revision = revision;
			return this;
		}

		public Draft nameZh(String name) {
			this.nameZh = name;
			return this;
		}

		public Draft nameEn(@Nullable String name) {
			this.nameEn = name;
			return this;
		}

		public Draft aliases(@Nullable String aliases) {
			this.aliases = aliases;
			return this;
		}

		public Draft keywordsEn(@Nullable String keywords) {
			this.keywordsEn = keywords;
			return this;
		}

		public Draft itemType(ItemType type) {
			this.itemType = type;
			return this;
		}

		public Draft lifeEvents(LifeEvent... events) {
			this.lifeEvents = events.length == 0 ? EnumSet.noneOf(LifeEvent.class) : EnumSet.copyOf(List.of(events));
			return this;
		}

		public Draft levels(ExerciseLevel... levels) {
			this.levels = levels.length == 0 ? EnumSet.noneOf(ExerciseLevel.class) : EnumSet.copyOf(List.of(levels));
			return this;
		}

		public Draft statutoryLimit(@Nullable TimeLimit limit) {
			this.statutory = limit;
			return this;
		}

		public Draft promised(@Nullable TimeLimit limit) {
			this.mode = ProcessingMode.PROMISED;
			this.promised = limit;
			return this;
		}

		/** 即办件: decided on the spot, with a promised limit of zero. */
		public Draft instant() {
			return instant(calendarDays(0));
		}

		public Draft instant(@Nullable TimeLimit promised) {
			this.mode = ProcessingMode.INSTANT;
			this.promised = promised;
			return this;
		}

		public Draft online(OnlineAvailability availability, int visits) {
			this.online = availability;
			this.visits = visits;
			return this;
		}

		public Draft noFee(boolean noFee) {
			this.noFee = noFee;
			return this;
		}

		public Draft fees(Fee... fees) {
			this.fees = new ArrayList<>(List.of(fees));
			return this;
		}

		public Draft legalBases(LegalBasis... bases) {
			this.legalBases = new ArrayList<>(List.of(bases));
			return this;
		}

		public Draft materials(Material... materials) {
			this.materials = new ArrayList<>(List.of(materials));
			return this;
		}

		/**
		 * Delegates the item to the counties and adds the county level, as GB/T 39046
		 * 行使层级 requires.
		 */
		public Draft delegatedTo(String... counties) {
			for (String county : counties) {
				delegations.add(delegation(county));
			}
			levels.add(ExerciseLevel.COUNTY);
			return this;
		}

		public Draft delegations(Delegation... delegations) {
			this.delegations = new ArrayList<>(List.of(delegations));
			return this;
		}

		public Draft steps(ProcedureStep... newSteps) {
			steps = new ArrayList<>(List.of(newSteps));
			return this;
		}

		public Draft coDepartments(String... codes) {
			this.coDepartments = new LinkedHashSet<>(List.of(codes));
			return this;
		}

		public Draft specialProcedures(SpecialProcedure... procedures) {
			this.special = procedures.length == 0 ? EnumSet.noneOf(SpecialProcedure.class)
					: EnumSet.copyOf(List.of(procedures));
			return this;
		}

		public ItemDraft build() {
			return new ItemDraft(nameZh, nameEn, aliases, keywordsEn, itemType, serviceObject, lifeEvents, levels, mode,
					statutory, promised, visits, online, "依法取得营业执照，有与经营项目相适应的经营场所。",
					"Holds a business licence and suitable premises.", "食品经营许可证", "Food business licence", noFee,
					"0660-12345", "0660-12315", "示范市人民政府", "示范市城关区人民法院", legalBases, materials, fees, steps,
					delegations, coDepartments, special, implementation, handling, onlineService, faqs, revision);
		}

	}

}
