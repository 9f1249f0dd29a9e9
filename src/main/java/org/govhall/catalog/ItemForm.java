package org.govhall.catalog;

import org.govhall.calendar.LimitUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The staff page's form for an item draft: flat, mutable fields and repeating rows that
 * bind to HTML inputs. Blank rows are offered for adding entries and dropped when the
 * form is read; {@link #toDraft()} maps it once to the {@link ItemDraft} the catalog
 * validates.
 */
public class ItemForm {

	static final int BLANK_ROWS = 2;

	private @Nullable String code;

	private @Nullable String departmentCode;

	private @Nullable String nameZh;

	private @Nullable String nameEn;

	private @Nullable String aliases;

	private @Nullable String keywordsEn;

	private @Nullable ItemType itemType = ItemType.ADMINISTRATIVE_LICENSE;

	private @Nullable ServiceObject serviceObject = ServiceObject.BOTH;

	private Set<LifeEvent> lifeEvents = EnumSet.noneOf(LifeEvent.class);

	private Set<ExerciseLevel> exerciseLevels = EnumSet.noneOf(ExerciseLevel.class);

	private @Nullable ProcessingMode processingMode = ProcessingMode.PROMISED;

	private @Nullable Integer statutoryAmount;

	private LimitUnit statutoryUnit = LimitUnit.WORKING_DAY;

	private @Nullable String statutoryBasis;

	private @Nullable Integer promisedAmount;

	private LimitUnit promisedUnit = LimitUnit.WORKING_DAY;

	private @Nullable String promisedBasis;

	private int onSiteVisits = 1;

	private @Nullable OnlineAvailability onlineAvailability = OnlineAvailability.PARTLY_ONLINE;

	private @Nullable String conditionsZh;

	private @Nullable String conditionsEn;

	private @Nullable String resultNameZh;

	private @Nullable String resultNameEn;

	private boolean noFee = true;

	private @Nullable String consultPhone;

	private @Nullable String complaintPhone;

	private @Nullable String reconsiderationBody;

	private @Nullable String litigationCourt;

	private Set<String> coDepartmentCodes = new LinkedHashSet<>();

	private Set<SpecialProcedure> specialProcedures = EnumSet.noneOf(SpecialProcedure.class);

	private List<BasisRow> legalBases = new ArrayList<>();

	private List<MaterialRow> materials = new ArrayList<>();

	private List<FeeRow> fees = new ArrayList<>();

	private List<StepRow> steps = new ArrayList<>();

	private List<DelegationRow> delegations = new ArrayList<>();

	// GB/T 39046 实施清单 elements

	private @Nullable String basicCode;

	private @Nullable String itemSuffix;

	private BodyNature bodyNature = BodyNature.STATUTORY;

	/** Null: the item type's default (依职权 for enforcement, 依申请 otherwise). */
	private @Nullable Initiation initiation;

	private @Nullable HandlingScope handlingScope;

	private @Nullable String intermediaryServices;

	private @Nullable String quantityLimit;

	private @Nullable String resultSampleName;

	private @Nullable String resultSampleFileId;

	private List<BasisRow> implementingBases = new ArrayList<>();

	private List<Long> windowIds = new ArrayList<>();

	private @Nullable String placeNoteZh;

	private @Nullable String placeNoteEn;

	private @Nullable String timeNoteZh;

	private @Nullable String timeNoteEn;

	private @Nullable OnlineDepth onlineDepth;

	private @Nullable String onlineUrl;

	private List<FaqRow> faqs = new ArrayList<>();

	private @Nullable String changeSummary;

	private @Nullable LocalDate effectiveOn;

	private @Nullable LocalDate endsOn;

	static ItemForm of(ItemDraft d) {
		ItemForm f = new ItemForm();
		f.nameZh = d.nameZh();
		f.nameEn = d.nameEn();
		f.aliases = d.aliases();
		f.keywordsEn = d.keywordsEn();
		f.itemType = d.itemType();
		f.serviceObject = d.serviceObject();
		f.lifeEvents = d.lifeEvents().isEmpty() ? EnumSet.noneOf(LifeEvent.class) : EnumSet.copyOf(d.lifeEvents());
		f.exerciseLevels = d.exerciseLevels().isEmpty() ? EnumSet.noneOf(ExerciseLevel.class)
				: EnumSet.copyOf(d.exerciseLevels());
		f.processingMode = d.processingMode();
		if (d.statutoryLimit() != null) {
			f.statutoryAmount = d.statutoryLimit().amount();
			f.statutoryUnit = d.statutoryLimit().unit();
			f.statutoryBasis = d.statutoryLimit().legalBasis();
		}
		if (d.promisedLimit() != null) {
			f.promisedAmount = d.promisedLimit().amount();
			f.promisedUnit = d.promisedLimit().unit();
			f.promisedBasis = d.promisedLimit().legalBasis();
		}
		f.onSiteVisits = d.onSiteVisits();
		f.onlineAvailability = d.onlineAvailability();
		f.conditionsZh = d.conditionsZh();
		f.conditionsEn = d.conditionsEn();
		f.resultNameZh = d.resultNameZh();
		f.resultNameEn = d.resultNameEn();
		f.noFee = d.noFee();
		f.consultPhone = d.consultPhone();
		f.complaintPhone = d.complaintPhone();
		f.reconsiderationBody = d.reconsiderationBody();
		f.litigationCourt = d.litigationCourt();
		f.coDepartmentCodes = new LinkedHashSet<>(d.coDepartmentCodes());
		f.specialProcedures = d.specialProcedures().isEmpty() ? EnumSet.noneOf(SpecialProcedure.class)
				: EnumSet.copyOf(d.specialProcedures());
		d.legalBases().forEach(b -> f.legalBases.add(BasisRow.of(b)));
		d.materials().forEach(m -> f.materials.add(MaterialRow.of(m)));
		d.fees().forEach(x -> f.fees.add(FeeRow.of(x)));
		d.steps().forEach(s -> f.steps.add(StepRow.of(s)));
		d.delegations().forEach(x -> f.delegations.add(DelegationRow.of(x)));
		Implementation impl = d.implementation();
		f.basicCode = impl.basicCode();
		f.itemSuffix = impl.itemSuffix();
		f.bodyNature = impl.bodyNature() == null ? BodyNature.STATUTORY : impl.bodyNature();
		// the type's default shows as "by item type", so that changing the type changes
		// it too
		f.initiation = d.itemType() != null && d.initiation() == Initiation.defaultFor(d.itemType()) ? null
				: d.initiation();
		f.handlingScope = impl.handlingScope();
		f.intermediaryServices = impl.intermediaryServices();
		f.quantityLimit = impl.quantityLimit();
		f.resultSampleName = impl.resultSampleName();
		f.resultSampleFileId = impl.resultSampleFileId();
		impl.implementingBases().forEach(b -> f.implementingBases.add(BasisRow.of(b)));
		f.windowIds = new ArrayList<>(d.handling().windowIds());
		f.placeNoteZh = d.handling().placeNoteZh();
		f.placeNoteEn = d.handling().placeNoteEn();
		f.timeNoteZh = d.handling().timeNoteZh();
		f.timeNoteEn = d.handling().timeNoteEn();
		f.onlineDepth = d.online().depth();
		f.onlineUrl = d.online().url();
		d.faqs().forEach(q -> f.faqs.add(FaqRow.of(q)));
		f.changeSummary = d.revision().changeSummary();
		f.effectiveOn = d.revision().effectiveOn();
		f.endsOn = d.revision().endsOn();
		return f;
	}

	/**
	 * Appends blank rows to every list so the page can offer new entries without script.
	 */
	ItemForm withBlankRows() {
		for (int i = 0; i < BLANK_ROWS; i++) {
			legalBases.add(new BasisRow());
			materials.add(new MaterialRow());
			fees.add(new FeeRow());
			steps.add(new StepRow());
			delegations.add(new DelegationRow());
			implementingBases.add(new BasisRow());
			faqs.add(new FaqRow());
		}
		return this;
	}

	/**
	 * Drops the rows left blank. Indices of the remaining rows then match the draft's
	 * lists.
	 */
	ItemForm withoutBlankRows() {
		legalBases.removeIf(BasisRow::isBlank);
		materials.removeIf(MaterialRow::isBlank);
		fees.removeIf(FeeRow::isBlank);
		steps.removeIf(StepRow::isBlank);
		delegations.removeIf(DelegationRow::isBlank);
		implementingBases.removeIf(BasisRow::isBlank);
		faqs.removeIf(FaqRow::isBlank);
		return this;
	}

	ItemDraft toDraft() {
		return new ItemDraft(text(nameZh), blank(nameEn), blank(aliases), blank(keywordsEn), itemType, serviceObject,
				lifeEvents, exerciseLevels, processingMode,
				statutoryAmount == null ? null : new TimeLimit(statutoryAmount, statutoryUnit, blank(statutoryBasis)),
				promisedAmount == null ? null : new TimeLimit(promisedAmount, promisedUnit, blank(promisedBasis)),
				onSiteVisits, onlineAvailability, blank(conditionsZh), blank(conditionsEn), blank(resultNameZh),
				blank(resultNameEn), noFee, blank(consultPhone), blank(complaintPhone), blank(reconsiderationBody),
				blank(litigationCourt), legalBases.stream().map(BasisRow::toBasis).toList(),
				materials.stream().map(MaterialRow::toMaterial).toList(), fees.stream().map(FeeRow::toFee).toList(),
				steps.stream().map(StepRow::toStep).toList(),
				delegations.stream().map(DelegationRow::toDelegation).toList(), coDepartmentCodes, specialProcedures,
				new Implementation(blank(basicCode), blank(itemSuffix), bodyNature,
						initiation == null && itemType != null ? Initiation.defaultFor(itemType) : initiation,
						handlingScope, blank(intermediaryServices), blank(quantityLimit),
						implementingBases.stream().map(BasisRow::toBasis).toList(), blank(resultSampleName),
						blank(resultSampleFileId)),
				new Handling(windowIds, blank(placeNoteZh), blank(placeNoteEn), blank(timeNoteZh), blank(timeNoteEn)),
				new OnlineService(onlineDepth, blank(onlineUrl)), faqs.stream().map(FaqRow::toFaq).toList(),
				new Revision(blank(changeSummary), effectiveOn, endsOn));
	}

	static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static String text(@Nullable String s) {
		return s == null ? "" : s.strip();
	}

	static boolean allBlank(@Nullable Object... values) {
		for (Object v : values) {
			if (v instanceof String s ? !s.isBlank() : v != null) {
				return false;
			}
		}
		return true;
	}

	// ---- rows

	public static class BasisRow {

		private @Nullable String lawName;

		private @Nullable String article;

		private @Nullable String quote;

		static BasisRow of(LegalBasis b) {
			BasisRow r = new BasisRow();
			r.lawName = b.lawName();
			r.article = b.article();
			r.quote = b.quote();
			return r;
		}

		boolean isBlank() {
			return allBlank(lawName, article, quote);
		}

		LegalBasis toBasis() {
			return new LegalBasis(text(lawName), text(article), blank(quote));
		}

		public @Nullable String getLawName() {
			return lawName;
		}

		public void setLawName(@Nullable String v) {
			lawName = v;
		}

		public @Nullable String getArticle() {
			return article;
		}

		public void setArticle(@Nullable String v) {
			article = v;
		}

		public @Nullable String getQuote() {
			return quote;
		}

		public void setQuote(@Nullable String v) {
			quote = v;
		}

	}

	public static class MaterialRow {

		private @Nullable String nameZh;

		private @Nullable String nameEn;

		private int originals = 1;

		private int copies;

		private MaterialMedium medium = MaterialMedium.PAPER_OR_ELECTRONIC;

		private MaterialRequirement requirement = MaterialRequirement.MANDATORY;

		private @Nullable String conditionText;

		private @Nullable String source;

		private @Nullable String templateName;

		private @Nullable String sampleName;

		private @Nullable String note;

		private @Nullable String templateFileId;

		private @Nullable String sampleFileId;

		private boolean obtainedBySharing;

		private @Nullable String issuedWithin;

		private @Nullable String handlingPlace;

		private @Nullable String specification;

		static MaterialRow of(Material m) {
			MaterialRow r = new MaterialRow();
			r.nameZh = m.nameZh();
			r.nameEn = m.nameEn();
			r.originals = m.originals();
			r.copies = m.copies();
			r.medium = m.medium();
			r.requirement = m.requirement();
			r.conditionText = m.conditionText();
			r.source = m.source();
			r.templateName = m.templateName();
			r.sampleName = m.sampleName();
			r.note = m.note();
			r.templateFileId = m.templateFileId();
			r.sampleFileId = m.sampleFileId();
			r.obtainedBySharing = m.obtainedBySharing();
			r.issuedWithin = m.issuedWithin();
			r.handlingPlace = m.handlingPlace();
			r.specification = m.specification();
			return r;
		}

		boolean isBlank() {
			return allBlank(nameZh, nameEn, conditionText, source, templateName, sampleName, note, issuedWithin,
					handlingPlace, specification);
		}

		Material toMaterial() {
			return new Material(text(nameZh), blank(nameEn), originals, copies, medium, requirement,
					blank(conditionText), blank(source), blank(templateName), blank(sampleName), blank(note),
					blank(templateFileId), blank(sampleFileId), obtainedBySharing, blank(issuedWithin),
					blank(handlingPlace), blank(specification));
		}

		public @Nullable String getIssuedWithin() {
			return issuedWithin;
		}

		public void setIssuedWithin(@Nullable String v) {
			issuedWithin = v;
		}

		public @Nullable String getHandlingPlace() {
			return handlingPlace;
		}

		public void setHandlingPlace(@Nullable String v) {
			handlingPlace = v;
		}

		public @Nullable String getSpecification() {
			return specification;
		}

		public void setSpecification(@Nullable String v) {
			specification = v;
		}

		public boolean isObtainedBySharing() {
			return obtainedBySharing;
		}

		public void setObtainedBySharing(boolean v) {
			obtainedBySharing = v;
		}

		public @Nullable String getNameZh() {
			return nameZh;
		}

		public void setNameZh(@Nullable String v) {
			nameZh = v;
		}

		public @Nullable String getNameEn() {
			return nameEn;
		}

		public void setNameEn(@Nullable String v) {
			nameEn = v;
		}

		public int getOriginals() {
			return originals;
		}

		public void setOriginals(int v) {
			originals = v;
		}

		public int getCopies() {
			return copies;
		}

		public void setCopies(int v) {
			copies = v;
		}

		public MaterialMedium getMedium() {
			return medium;
		}

		public void setMedium(MaterialMedium v) {
			medium = v;
		}

		public MaterialRequirement getRequirement() {
			return requirement;
		}

		public void setRequirement(MaterialRequirement v) {
			requirement = v;
		}

		public @Nullable String getConditionText() {
			return conditionText;
		}

		public void setConditionText(@Nullable String v) {
			conditionText = v;
		}

		public @Nullable String getSource() {
			return source;
		}

		public void setSource(@Nullable String v) {
			source = v;
		}

		public @Nullable String getTemplateName() {
			return templateName;
		}

		public void setTemplateName(@Nullable String v) {
			templateName = v;
		}

		public @Nullable String getSampleName() {
			return sampleName;
		}

		public void setSampleName(@Nullable String v) {
			sampleName = v;
		}

		public @Nullable String getNote() {
			return note;
		}

		public void setNote(@Nullable String v) {
			note = v;
		}

		public @Nullable String getTemplateFileId() {
			return templateFileId;
		}

		public void setTemplateFileId(@Nullable String v) {
			templateFileId = v;
		}

		public @Nullable String getSampleFileId() {
			return sampleFileId;
		}

		public void setSampleFileId(@Nullable String v) {
			sampleFileId = v;
		}

	}

	public static class FeeRow {

		private @Nullable String nameZh;

		private @Nullable String nameEn;

		private @Nullable String standard;

		private @Nullable BigDecimal amount;

		private @Nullable String legalBasis;

		static FeeRow of(Fee f) {
			FeeRow r = new FeeRow();
			r.nameZh = f.nameZh();
			r.nameEn = f.nameEn();
			r.standard = f.standard();
			r.amount = f.amount();
			r.legalBasis = f.legalBasis();
			return r;
		}

		boolean isBlank() {
			return allBlank(nameZh, nameEn, standard, amount, legalBasis);
		}

		Fee toFee() {
			return new Fee(text(nameZh), blank(nameEn), text(standard), amount, blank(legalBasis));
		}

		public @Nullable String getNameZh() {
			return nameZh;
		}

		public void setNameZh(@Nullable String v) {
			nameZh = v;
		}

		public @Nullable String getNameEn() {
			return nameEn;
		}

		public void setNameEn(@Nullable String v) {
			nameEn = v;
		}

		public @Nullable String getStandard() {
			return standard;
		}

		public void setStandard(@Nullable String v) {
			standard = v;
		}

		public @Nullable BigDecimal getAmount() {
			return amount;
		}

		public void setAmount(@Nullable BigDecimal v) {
			amount = v;
		}

		public @Nullable String getLegalBasis() {
			return legalBasis;
		}

		public void setLegalBasis(@Nullable String v) {
			legalBasis = v;
		}

	}

	public static class StepRow {

		private @Nullable String nameZh;

		private @Nullable String nameEn;

		private @Nullable String actor;

		private @Nullable String description;

		private @Nullable Integer limitAmount;

		private @Nullable LimitUnit limitUnit;

		private boolean jointReview;

		static StepRow of(ProcedureStep s) {
			StepRow r = new StepRow();
			r.nameZh = s.nameZh();
			r.nameEn = s.nameEn();
			r.actor = s.actor();
			r.description = s.description();
			r.limitAmount = s.limitAmount();
			r.limitUnit = s.limitUnit();
			r.jointReview = s.isJointReview();
			return r;
		}

		boolean isBlank() {
			return allBlank(nameZh, nameEn, actor, description, limitAmount);
		}

		ProcedureStep toStep() {
			return new ProcedureStep(text(nameZh), blank(nameEn), text(actor), blank(description), limitAmount,
					limitAmount == null ? null : limitUnit == null ? LimitUnit.WORKING_DAY : limitUnit, jointReview);
		}

		public @Nullable String getNameZh() {
			return nameZh;
		}

		public void setNameZh(@Nullable String v) {
			nameZh = v;
		}

		public @Nullable String getNameEn() {
			return nameEn;
		}

		public void setNameEn(@Nullable String v) {
			nameEn = v;
		}

		public @Nullable String getActor() {
			return actor;
		}

		public void setActor(@Nullable String v) {
			actor = v;
		}

		public @Nullable String getDescription() {
			return description;
		}

		public void setDescription(@Nullable String v) {
			description = v;
		}

		public @Nullable Integer getLimitAmount() {
			return limitAmount;
		}

		public void setLimitAmount(@Nullable Integer v) {
			limitAmount = v;
		}

		public @Nullable LimitUnit getLimitUnit() {
			return limitUnit;
		}

		public void setLimitUnit(@Nullable LimitUnit v) {
			limitUnit = v;
		}

		public boolean isJointReview() {
			return jointReview;
		}

		public void setJointReview(boolean v) {
			jointReview = v;
		}

	}

	public static class DelegationRow {

		private @Nullable String countyCode;

		private DelegationMode mode = DelegationMode.DIRECT;

		private @Nullable LocalDate effectiveOn;

		private @Nullable String documentNo;

		private @Nullable String note;

		private @Nullable String counterpartItemCode;

		static DelegationRow of(Delegation d) {
			DelegationRow r = new DelegationRow();
			r.countyCode = d.countyCode();
			r.mode = d.mode();
			r.effectiveOn = d.effectiveOn();
			r.documentNo = d.documentNo();
			r.note = d.note();
			r.counterpartItemCode = d.counterpartItemCode();
			return r;
		}

		boolean isBlank() {
			return allBlank(countyCode, effectiveOn, documentNo, note, counterpartItemCode);
		}

		Delegation toDelegation() {
			return new Delegation(text(countyCode), mode, effectiveOn, text(documentNo), blank(note),
					blank(counterpartItemCode));
		}

		public @Nullable String getCountyCode() {
			return countyCode;
		}

		public void setCountyCode(@Nullable String v) {
			countyCode = v;
		}

		public DelegationMode getMode() {
			return mode;
		}

		public void setMode(DelegationMode v) {
			mode = v;
		}

		public @Nullable LocalDate getEffectiveOn() {
			return effectiveOn;
		}

		public void setEffectiveOn(@Nullable LocalDate v) {
			effectiveOn = v;
		}

		public @Nullable String getDocumentNo() {
			return documentNo;
		}

		public void setDocumentNo(@Nullable String v) {
			documentNo = v;
		}

		public @Nullable String getNote() {
			return note;
		}

		public void setNote(@Nullable String v) {
			note = v;
		}

		public @Nullable String getCounterpartItemCode() {
			return counterpartItemCode;
		}

		public void setCounterpartItemCode(@Nullable String v) {
			counterpartItemCode = v;
		}

	}

	/** A frequently asked question and its answer. */
	public static class FaqRow {

		private @Nullable String questionZh;

		private @Nullable String answerZh;

		private @Nullable String questionEn;

		private @Nullable String answerEn;

		static FaqRow of(Faq q) {
			FaqRow r = new FaqRow();
			r.questionZh = q.questionZh();
			r.answerZh = q.answerZh();
			r.questionEn = q.questionEn();
			r.answerEn = q.answerEn();
			return r;
		}

		boolean isBlank() {
			return allBlank(questionZh, answerZh, questionEn, answerEn);
		}

		Faq toFaq() {
			return new Faq(text(questionZh), text(answerZh), blank(questionEn), blank(answerEn));
		}

		public @Nullable String getQuestionZh() {
			return questionZh;
		}

		public void setQuestionZh(@Nullable String v) {
			questionZh = v;
		}

		public @Nullable String getAnswerZh() {
			return answerZh;
		}

		public void setAnswerZh(@Nullable String v) {
			answerZh = v;
		}

		public @Nullable String getQuestionEn() {
			return questionEn;
		}

		public void setQuestionEn(@Nullable String v) {
			questionEn = v;
		}

		public @Nullable String getAnswerEn() {
			return answerEn;
		}

		public void setAnswerEn(@Nullable String v) {
			answerEn = v;
		}

	}

	// ---- accessors for binding

	public @Nullable String getBasicCode() {
		return basicCode;
	}

	public void setBasicCode(@Nullable String v) {
		basicCode = v;
	}

	public @Nullable String getItemSuffix() {
		return itemSuffix;
	}

	public void setItemSuffix(@Nullable String v) {
		itemSuffix = v;
	}

	public BodyNature getBodyNature() {
		return bodyNature;
	}

	public void setBodyNature(@Nullable BodyNature v) {
		bodyNature = v == null ? BodyNature.STATUTORY : v;
	}

	public @Nullable Initiation getInitiation() {
		return initiation;
	}

	public void setInitiation(@Nullable Initiation v) {
		initiation = v;
	}

	public @Nullable HandlingScope getHandlingScope() {
		return handlingScope;
	}

	public void setHandlingScope(@Nullable HandlingScope v) {
		handlingScope = v;
	}

	public @Nullable String getIntermediaryServices() {
		return intermediaryServices;
	}

	public void setIntermediaryServices(@Nullable String v) {
		intermediaryServices = v;
	}

	public @Nullable String getQuantityLimit() {
		return quantityLimit;
	}

	public void setQuantityLimit(@Nullable String v) {
		quantityLimit = v;
	}

	public @Nullable String getResultSampleName() {
		return resultSampleName;
	}

	public void setResultSampleName(@Nullable String v) {
		resultSampleName = v;
	}

	public @Nullable String getResultSampleFileId() {
		return resultSampleFileId;
	}

	public void setResultSampleFileId(@Nullable String v) {
		resultSampleFileId = v;
	}

	public List<BasisRow> getImplementingBases() {
		return implementingBases;
	}

	public void setImplementingBases(List<BasisRow> v) {
		implementingBases = v;
	}

	public List<Long> getWindowIds() {
		return windowIds;
	}

	public void setWindowIds(@Nullable List<Long> v) {
		windowIds = v == null ? new ArrayList<>() : v;
	}

	public @Nullable String getPlaceNoteZh() {
		return placeNoteZh;
	}

	public void setPlaceNoteZh(@Nullable String v) {
		placeNoteZh = v;
	}

	public @Nullable String getPlaceNoteEn() {
		return placeNoteEn;
	}

	public void setPlaceNoteEn(@Nullable String v) {
		placeNoteEn = v;
	}

	public @Nullable String getTimeNoteZh() {
		return timeNoteZh;
	}

	public void setTimeNoteZh(@Nullable String v) {
		timeNoteZh = v;
	}

	public @Nullable String getTimeNoteEn() {
		return timeNoteEn;
	}

	public void setTimeNoteEn(@Nullable String v) {
		timeNoteEn = v;
	}

	public @Nullable OnlineDepth getOnlineDepth() {
		return onlineDepth;
	}

	public void setOnlineDepth(@Nullable OnlineDepth v) {
		onlineDepth = v;
	}

	public @Nullable String getOnlineUrl() {
		return onlineUrl;
	}

	public void setOnlineUrl(@Nullable String v) {
		onlineUrl = v;
	}

	public List<FaqRow> getFaqs() {
		return faqs;
	}

	public void setFaqs(List<FaqRow> v) {
		faqs = v;
	}

	public @Nullable String getChangeSummary() {
		return changeSummary;
	}

	public void setChangeSummary(@Nullable String v) {
		changeSummary = v;
	}

	public @Nullable LocalDate getEffectiveOn() {
		return effectiveOn;
	}

	public void setEffectiveOn(@Nullable LocalDate v) {
		effectiveOn = v;
	}

	public @Nullable LocalDate getEndsOn() {
		return endsOn;
	}

	public void setEndsOn(@Nullable LocalDate v) {
		endsOn = v;
	}

	public @Nullable String getCode() {
		return code;
	}

	public void setCode(@Nullable String v) {
		code = v;
	}

	public @Nullable String getDepartmentCode() {
		return departmentCode;
	}

	public void setDepartmentCode(@Nullable String v) {
		departmentCode = v;
	}

	public @Nullable String getNameZh() {
		return nameZh;
	}

	public void setNameZh(@Nullable String v) {
		nameZh = v;
	}

	public @Nullable String getNameEn() {
		return nameEn;
	}

	public void setNameEn(@Nullable String v) {
		nameEn = v;
	}

	public @Nullable String getAliases() {
		return aliases;
	}

	public void setAliases(@Nullable String v) {
		aliases = v;
	}

	public @Nullable String getKeywordsEn() {
		return keywordsEn;
	}

	public void setKeywordsEn(@Nullable String v) {
		keywordsEn = v;
	}

	public @Nullable ItemType getItemType() {
		return itemType;
	}

	public void setItemType(@Nullable ItemType v) {
		itemType = v;
	}

	public @Nullable ServiceObject getServiceObject() {
		return serviceObject;
	}

	public void setServiceObject(@Nullable ServiceObject v) {
		serviceObject = v;
	}

	public Set<LifeEvent> getLifeEvents() {
		return lifeEvents;
	}

	public void setLifeEvents(@Nullable Set<LifeEvent> v) {
		lifeEvents = v == null ? EnumSet.noneOf(LifeEvent.class) : v;
	}

	public Set<ExerciseLevel> getExerciseLevels() {
		return exerciseLevels;
	}

	public void setExerciseLevels(@Nullable Set<ExerciseLevel> v) {
		exerciseLevels = v == null ? EnumSet.noneOf(ExerciseLevel.class) : v;
	}

	public @Nullable ProcessingMode getProcessingMode() {
		return processingMode;
	}

	public void setProcessingMode(@Nullable ProcessingMode v) {
		processingMode = v;
	}

	public @Nullable Integer getStatutoryAmount() {
		return statutoryAmount;
	}

	public void setStatutoryAmount(@Nullable Integer v) {
		statutoryAmount = v;
	}

	public LimitUnit getStatutoryUnit() {
		return statutoryUnit;
	}

	public void setStatutoryUnit(LimitUnit v) {
		statutoryUnit = v;
	}

	public @Nullable String getStatutoryBasis() {
		return statutoryBasis;
	}

	public void setStatutoryBasis(@Nullable String v) {
		statutoryBasis = v;
	}

	public @Nullable Integer getPromisedAmount() {
		return promisedAmount;
	}

	public void setPromisedAmount(@Nullable Integer v) {
		promisedAmount = v;
	}

	public LimitUnit getPromisedUnit() {
		return promisedUnit;
	}

	public void setPromisedUnit(LimitUnit v) {
		promisedUnit = v;
	}

	public @Nullable String getPromisedBasis() {
		return promisedBasis;
	}

	public void setPromisedBasis(@Nullable String v) {
		promisedBasis = v;
	}

	public int getOnSiteVisits() {
		return onSiteVisits;
	}

	public void setOnSiteVisits(int v) {
		onSiteVisits = v;
	}

	public @Nullable OnlineAvailability getOnlineAvailability() {
		return onlineAvailability;
	}

	public void setOnlineAvailability(@Nullable OnlineAvailability v) {
		onlineAvailability = v;
	}

	public @Nullable String getConditionsZh() {
		return conditionsZh;
	}

	public void setConditionsZh(@Nullable String v) {
		conditionsZh = v;
	}

	public @Nullable String getConditionsEn() {
		return conditionsEn;
	}

	public void setConditionsEn(@Nullable String v) {
		conditionsEn = v;
	}

	public @Nullable String getResultNameZh() {
		return resultNameZh;
	}

	public void setResultNameZh(@Nullable String v) {
		resultNameZh = v;
	}

	public @Nullable String getResultNameEn() {
		return resultNameEn;
	}

	public void setResultNameEn(@Nullable String v) {
		resultNameEn = v;
	}

	public boolean isNoFee() {
		return noFee;
	}

	public void setNoFee(boolean v) {
		noFee = v;
	}

	public @Nullable String getConsultPhone() {
		return consultPhone;
	}

	public void setConsultPhone(@Nullable String v) {
		consultPhone = v;
	}

	public @Nullable String getComplaintPhone() {
		return complaintPhone;
	}

	public void setComplaintPhone(@Nullable String v) {
		complaintPhone = v;
	}

	public @Nullable String getReconsiderationBody() {
		return reconsiderationBody;
	}

	public void setReconsiderationBody(@Nullable String v) {
		reconsiderationBody = v;
	}

	public @Nullable String getLitigationCourt() {
		return litigationCourt;
	}

	public void setLitigationCourt(@Nullable String v) {
		litigationCourt = v;
	}

	public Set<String> getCoDepartmentCodes() {
		return coDepartmentCodes;
	}

	public void setCoDepartmentCodes(@Nullable Set<String> v) {
		coDepartmentCodes = v == null ? new LinkedHashSet<>() : v;
	}

	public Set<SpecialProcedure> getSpecialProcedures() {
		return specialProcedures;
	}

	public void setSpecialProcedures(@Nullable Set<SpecialProcedure> v) {
		specialProcedures = v == null ? EnumSet.noneOf(SpecialProcedure.class) : v;
	}

	public List<BasisRow> getLegalBases() {
		return legalBases;
	}

	public void setLegalBases(List<BasisRow> v) {
		legalBases = v;
	}

	public List<MaterialRow> getMaterials() {
		return materials;
	}

	public void setMaterials(List<MaterialRow> v) {
		materials = v;
	}

	public List<FeeRow> getFees() {
		return fees;
	}

	public void setFees(List<FeeRow> v) {
		fees = v;
	}

	public List<StepRow> getSteps() {
		return steps;
	}

	public void setSteps(List<StepRow> v) {
		steps = v;
	}

	public List<DelegationRow> getDelegations() {
		return delegations;
	}

	public void setDelegations(List<DelegationRow> v) {
		delegations = v;
	}

}
