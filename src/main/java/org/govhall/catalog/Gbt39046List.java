package org.govhall.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.govhall.calendar.LimitUnit;
import org.govhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * An implementation list (实施清单) as JSON with the field names of GB/T 39046-2020 Table 4
 * (事项名称, 基本编码, 实施编码, 事项类型代码, 设定依据, 实施依据, 行使层级代码, 实施主体代码, 实施主体性质代码, 法定办结时限, 承诺办结时限, 受理条件,
 * 中介服务, 数量限制, 结果名称, 结果样本, 是否收费, 通办范围, 办件类型代码, 网办地址, 办理地点, 办理时间, 咨询电话, 监督电话, 常见问题, and per
 * material 材料名称, 出具机构, 出具时间要求, 材料办理说明, 材料办理地点, 材料规格, 原件份数, 复印件份数, 是否必备材料). Codes follow
 * the standard's Annex A where it has one (事项类型 A.1, 行使层级 A.2, 实施主体性质 A.3, 办件类型 A.6);
 * GovHall's own elements that the standard does not name (English texts, 到现场次数, 办理流程,
 * 下放情况 …) keep Chinese names too, and the procedure steps and delegations their GovHall
 * form. Export and import are inverse: an export imported into an empty catalog exports
 * the same JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Gbt39046List(@JsonProperty("标准") @Nullable String standard,
		@JsonProperty("事项") @NotNull @Size(max = 2000) List<@NotNull @Valid Entry> items) {

	static final String STANDARD = "GB/T 39046-2020";

	/**
	 * One item of the list: its code, the implementing department, and its guide in
	 * force.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(@JsonProperty("事项编码") @NotBlank @Size(max = 36) String code,
			@JsonProperty("事项名称") @NotBlank @Size(max = 200) String name,
			@JsonProperty("事项英文名称") @Nullable String nameEn, @JsonProperty("别名") @Nullable String aliases,
			@JsonProperty("英文关键词") @Nullable String keywordsEn, @JsonProperty("基本编码") @Nullable String basicCode,
			@JsonProperty("实施编码") @Nullable String implementationCode,
			@JsonProperty("业务办理项序号") @Nullable String itemSuffix,
			@JsonProperty("业务办理项编码") @Nullable String businessItemCode,
			@JsonProperty("事项类型代码") @NotBlank String typeCode, @JsonProperty("事项办理方式") @Nullable Initiation initiation,
			@JsonProperty("设定依据") @Nullable List<@NotNull @Valid Basis> establishingBases,
			@JsonProperty("实施依据") @Nullable List<@NotNull @Valid Basis> implementingBases,
			@JsonProperty("行使层级代码") @Nullable List<String> levelCodes, @JsonProperty("实施主体") @Nullable String bodyName,
			@JsonProperty("实施主体编码") @NotBlank @Size(max = 32) String departmentCode,
			@JsonProperty("实施主体代码") @Nullable String bodyCreditCode,
			@JsonProperty("实施主体性质代码") @Nullable String bodyNatureCode,
			@JsonProperty("共同实施部门") @Nullable List<String> coDepartments,
			@JsonProperty("服务对象") @NotNull ServiceObject serviceObject,
			@JsonProperty("服务主题") @Nullable List<LifeEvent> lifeEvents,
			@JsonProperty("办件类型代码") @NotBlank String processingCode,
			@JsonProperty("法定办结时限") @Nullable @Valid Limit statutoryLimit,
			@JsonProperty("承诺办结时限") @Nullable @Valid Limit promisedLimit,
			@JsonProperty("到现场次数") @Nullable Integer onSiteVisits,
			@JsonProperty("网上办理方式") @NotNull OnlineAvailability onlineAvailability,
			@JsonProperty("网办深度") @Nullable OnlineDepth onlineDepth, @JsonProperty("网办地址") @Nullable String onlineUrl,
			@JsonProperty("通办范围") @Nullable HandlingScope handlingScope,
			@JsonProperty("受理条件") @Nullable String conditions, @JsonProperty("受理条件英文") @Nullable String conditionsEn,
			@JsonProperty("中介服务") @Nullable String intermediaryServices,
			@JsonProperty("数量限制") @Nullable String quantityLimit,
			@JsonProperty("特别程序") @Nullable List<SpecialProcedure> specialProcedures,
			@JsonProperty("结果名称") @Nullable String resultName, @JsonProperty("结果英文名称") @Nullable String resultNameEn,
			@JsonProperty("结果样本") @Nullable @Valid FileRef resultSample,
			@JsonProperty("是否收费") @Nullable Integer charged,
			@JsonProperty("收费项目") @Nullable List<@NotNull @Valid Charge> fees,
			@JsonProperty("办理地点") @Nullable @Valid Place place, @JsonProperty("办理时间") @Nullable @Valid Note time,
			@JsonProperty("咨询电话") @Nullable String consultPhone, @JsonProperty("监督电话") @Nullable String complaintPhone,
			@JsonProperty("行政复议机关") @Nullable String reconsiderationBody,
			@JsonProperty("行政诉讼法院") @Nullable String litigationCourt,
			@JsonProperty("常见问题") @Nullable List<@NotNull @Valid Question> faqs,
			@JsonProperty("申请材料") @Nullable List<@NotNull @Valid Paper> materials,
			@JsonProperty("办理流程") @Nullable List<@NotNull @Valid ProcedureStep> steps,
			@JsonProperty("下放情况") @Nullable List<@NotNull @Valid Delegation> delegations,
			@JsonProperty("版本说明") @Nullable @Valid Version version) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Basis(@JsonProperty("法律法规名称") @NotBlank String lawName, @JsonProperty("条款") @NotBlank String article,
			@JsonProperty("条文内容") @Nullable String quote) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Limit(@JsonProperty("时限") @NotNull Integer amount, @JsonProperty("单位") @NotNull LimitUnit unit,
			@JsonProperty("说明") @Nullable String basis) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FileRef(@JsonProperty("文件编号") @Nullable String fileId, @JsonProperty("文件名称") @Nullable String name) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Charge(@JsonProperty("收费项目名称") @NotBlank String name, @JsonProperty("英文名称") @Nullable String nameEn,
			@JsonProperty("收费标准") @NotBlank String standard, @JsonProperty("收费金额") @Nullable BigDecimal amount,
			@JsonProperty("收费依据") @Nullable String basis) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Place(@JsonProperty("受理窗口") @Nullable List<Long> windowIds, @JsonProperty("说明") @Nullable String note,
			@JsonProperty("英文说明") @Nullable String noteEn) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Note(@JsonProperty("说明") @Nullable String note, @JsonProperty("英文说明") @Nullable String noteEn) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Question(@JsonProperty("问题") @NotBlank String question, @JsonProperty("解答") @NotBlank String answer,
			@JsonProperty("英文问题") @Nullable String questionEn, @JsonProperty("英文解答") @Nullable String answerEn) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Paper(@JsonProperty("材料名称") @NotBlank String name, @JsonProperty("材料英文名称") @Nullable String nameEn,
			@JsonProperty("出具机构") @Nullable String source, @JsonProperty("出具时间要求") @Nullable String issuedWithin,
			@JsonProperty("材料办理说明") @Nullable String note, @JsonProperty("材料办理地点") @Nullable String handlingPlace,
			@JsonProperty("材料规格") @Nullable String specification, @JsonProperty("原件份数") @NotNull Integer originals,
			@JsonProperty("复印件份数") @NotNull Integer copies, @JsonProperty("是否必备材料") @NotNull Integer mandatory,
			@JsonProperty("需提交情形") @Nullable String condition, @JsonProperty("材料形式") @NotNull MaterialMedium medium,
			@JsonProperty("空表") @Nullable @Valid FileRef template, @JsonProperty("样表") @Nullable @Valid FileRef sample,
			@JsonProperty("免于提交") @Nullable Boolean obtainedBySharing) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Version(@JsonProperty("变更说明") @Nullable String changeSummary,
			@JsonProperty("施行日期") @Nullable LocalDate effectiveOn, @JsonProperty("停止执行日期") @Nullable LocalDate endsOn) {
	}

	// ---- codes of GB/T 39046 Annex A

	static String levelCode(ExerciseLevel level) {
		return switch (level) {
			case PROVINCE -> "2";
			case CITY -> "3";
			case COUNTY -> "4";
		};
	}

	static String processingCode(ProcessingMode mode) {
		return mode == ProcessingMode.INSTANT ? "1" : "2";
	}

	/** The enum constant whose code is {@code code}, or a 400 naming the field. */
	private static <E extends Enum<E>> E byCode(E[] values, Function<E, String> codeOf, @Nullable String code,
			String field) {
		return Arrays.stream(values)
			.filter(v -> codeOf.apply(v).equals(code))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("invalid-code", "error.import.code", field, code, field));
	}

	// ---- export

	static Entry entry(ItemGuide g) {
		ItemDraft d = g.content();
		Implementation impl = d.implementation();
		return new Entry(g.code(), d.nameZh(), d.nameEn(), d.aliases(), d.keywordsEn(), impl.basicCode(),
				g.implementationCode(), impl.itemSuffix(), g.businessItemCode(), d.itemType().code(), d.initiation(),
				d.legalBases().stream().map(Gbt39046List::basis).toList(),
				impl.implementingBases().stream().map(Gbt39046List::basis).toList(),
				d.exerciseLevels().stream().sorted().map(Gbt39046List::levelCode).toList(), g.department().nameZh(),
				g.department().code(), g.department().creditCode(),
				impl.bodyNature() == null ? null : impl.bodyNature().code(),
				List.copyOf(new TreeSet<>(d.coDepartmentCodes())), d.serviceObject(),
				d.lifeEvents().stream().sorted().toList(), processingCode(d.processingMode()),
				limit(d.statutoryLimit()), limit(d.promisedLimit()), d.onSiteVisits(), d.onlineAvailability(),
				d.online().depth(), d.online().url(), impl.handlingScope(), d.conditionsZh(), d.conditionsEn(),
				impl.intermediaryServices(), impl.quantityLimit(), d.specialProcedures().stream().sorted().toList(),
				d.resultNameZh(), d.resultNameEn(), file(impl.resultSampleFileId(), impl.resultSampleName()),
				d.noFee() ? 0 : 1,
				d.fees()
					.stream()
					.map(f -> new Charge(f.nameZh(), f.nameEn(), f.standard(), f.amount(), f.legalBasis()))
					.toList(),
				new Place(d.handling().windowIds(), d.handling().placeNoteZh(), d.handling().placeNoteEn()),
				new Note(d.handling().timeNoteZh(), d.handling().timeNoteEn()), d.consultPhone(), d.complaintPhone(),
				d.reconsiderationBody(), d.litigationCourt(),
				d.faqs()
					.stream()
					.map(q -> new Question(q.questionZh(), q.answerZh(), q.questionEn(), q.answerEn()))
					.toList(),
				d.materials().stream().map(Gbt39046List::paper).toList(), d.steps(), d.delegations(),
				new Version(d.revision().changeSummary(), d.revision().effectiveOn(), d.revision().endsOn()));
	}

	private static Basis basis(LegalBasis b) {
		return new Basis(b.lawName(), b.article(), b.quote());
	}

	private static @Nullable Limit limit(@Nullable TimeLimit t) {
		return t == null ? null : new Limit(t.amount(), t.unit(), t.legalBasis());
	}

	private static @Nullable FileRef file(@Nullable String id, @Nullable String name) {
		return id == null && name == null ? null : new FileRef(id, name);
	}

	private static Paper paper(Material m) {
		return new Paper(m.nameZh(), m.nameEn(), m.source(), m.issuedWithin(), m.note(), m.handlingPlace(),
				m.specification(), m.originals(), m.copies(), m.requirement() == MaterialRequirement.MANDATORY ? 1 : 0,
				m.conditionText(), m.medium(), file(m.templateFileId(), m.templateName()),
				file(m.sampleFileId(), m.sampleName()), m.obtainedBySharing());
	}

	// ---- import

	/**
	 * The draft an entry describes; a code outside GB/T 39046's code sets is refused
	 * (400) naming the field.
	 */
	static ItemDraft draft(Entry e, String path) {
		ItemType type = byCode(ItemType.values(), ItemType::code, e.typeCode(), path + "事项类型代码");
		Set<ExerciseLevel> levels = new TreeSet<>();
		for (String c : e.levelCodes() == null ? List.<String>of() : e.levelCodes()) {
			levels.add(byCode(ExerciseLevel.values(), Gbt39046List::levelCode, c, path + "行使层级代码"));
		}
		BodyNature nature = e.bodyNatureCode() == null ? null
				: byCode(BodyNature.values(), BodyNature::code, e.bodyNatureCode(), path + "实施主体性质代码");
		ProcessingMode mode = byCode(ProcessingMode.values(), Gbt39046List::processingCode, e.processingCode(),
				path + "办件类型代码");
		Place place = e.place() == null ? new Place(null, null, null) : e.place();
		Note time = e.time() == null ? new Note(null, null) : e.time();
		Version version = e.version() == null ? new Version(null, null, null) : e.version();
		FileRef sample = e.resultSample() == null ? new FileRef(null, null) : e.resultSample();
		return new ItemDraft(e.name(), e.nameEn(), e.aliases(), e.keywordsEn(), type, e.serviceObject(),
				e.lifeEvents() == null ? null : Set.copyOf(e.lifeEvents()), levels, mode, limit(e.statutoryLimit()),
				limit(e.promisedLimit()), e.onSiteVisits() == null ? 0 : e.onSiteVisits(), e.onlineAvailability(),
				e.conditions(), e.conditionsEn(), e.resultName(), e.resultNameEn(),
				e.charged() == null || e.charged() == 0, e.consultPhone(), e.complaintPhone(), e.reconsiderationBody(),
				e.litigationCourt(), bases(e.establishingBases()),
				e.materials() == null ? null : e.materials().stream().map(Gbt39046List::material).toList(),
				e.fees() == null ? null
						: e.fees()
							.stream()
							.map(c -> new Fee(c.name(), c.nameEn(), c.standard(), c.amount(), c.basis()))
							.toList(),
				e.steps(), e.delegations(), e.coDepartments() == null ? null : Set.copyOf(e.coDepartments()),
				e.specialProcedures() == null ? null : Set.copyOf(e.specialProcedures()),
				new Implementation(e.basicCode(), e.itemSuffix(), nature, e.initiation(), e.handlingScope(),
						e.intermediaryServices(), e.quantityLimit(), bases(e.implementingBases()), sample.name(),
						sample.fileId()),
				new Handling(place.windowIds(), place.note(), place.noteEn(), time.note(), time.noteEn()),
				new OnlineService(e.onlineDepth(), e.onlineUrl()),
				e.faqs() == null ? null
						: e.faqs()
							.stream()
							.map(q -> new Faq(q.question(), q.answer(), q.questionEn(), q.answerEn()))
							.toList(),
				new Revision(version.changeSummary(), version.effectiveOn(), version.endsOn()));
	}

	private static @Nullable List<LegalBasis> bases(@Nullable List<Basis> list) {
		return list == null ? null
				: list.stream().map(b -> new LegalBasis(b.lawName(), b.article(), b.quote())).toList();
	}

	private static @Nullable TimeLimit limit(@Nullable Limit l) {
		return l == null ? null : new TimeLimit(l.amount(), l.unit(), l.basis());
	}

	private static Material material(Paper p) {
		FileRef template = p.template() == null ? new FileRef(null, null) : p.template();
		FileRef sample = p.sample() == null ? new FileRef(null, null) : p.sample();
		return new Material(p.name(), p.nameEn(), p.originals(), p.copies(), p.medium(),
				p.mandatory() == 1 ? MaterialRequirement.MANDATORY : MaterialRequirement.CONDITIONAL, p.condition(),
				p.source(), template.name(), sample.name(), p.note(), template.fileId(), sample.fileId(),
				p.obtainedBySharing(), p.issuedWithin(), p.handlingPlace(), p.specification());
	}

}
