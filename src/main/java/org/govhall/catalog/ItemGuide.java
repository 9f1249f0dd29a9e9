package org.govhall.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.HallView;
import org.govhall.directory.RegionView;
import org.govhall.directory.WindowView;
import org.jspecify.annotations.Nullable;

/**
 * A service guide (办事指南): one version of an item with every element, the implementing
 * department and region, the co-reviewing departments and the counties the item is
 * delegated to.
 */
public record ItemGuide(String code, ItemStatus status, @Nullable LocalDate endedOn, @Nullable String endDocument,
		@Nullable String endReason, int versionNo, VersionState state, @Nullable Instant publishedAt,
		@Nullable Integer publishedVersion, DepartmentView department, RegionView region, ItemDraft content,
		List<DelegatedCounty> delegatedCounties, List<DepartmentView> coDepartments, @Nullable String reviewNote,
		@Nullable String submittedBy, @Nullable Upcoming upcoming, List<HandlingPlace> places) {

	public String name(Locale locale) {
		String en = content.nameEn();
		return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : content.nameZh();
	}

	/**
	 * The publication date in the halls' zone (the pages' {@code zone}), or null for an
	 * unpublished version.
	 */
	public @Nullable LocalDate publishedDate(ZoneId zone) {
		return publishedAt == null ? null : LocalDate.ofInstant(publishedAt, zone);
	}

	/**
	 * The guide as the public sees it: without who submitted it or what the reviewer
	 * wrote.
	 */
	ItemGuide forPublic() {
		return new ItemGuide(code, status, endedOn, endDocument, endReason, versionNo, state, publishedAt,
				publishedVersion, department, region, content, delegatedCounties, coDepartments, null, null, upcoming,
				places);
	}

	/** 依申请 or 依职权. */
	public Initiation initiation() {
		return content.initiation();
	}

	/**
	 * Whether people apply for the item (依申请). An ex-officio item (依职权: penalties,
	 * coercion, inspections, and what the drafter marks so) is never filed by an
	 * applicant, online or through an agent.
	 */
	@JsonProperty
	public boolean onApplication() {
		return content.onApplication();
	}

	/**
	 * Whether this version applies on that day: it has taken effect and has not ended.
	 */
	public boolean appliesOn(LocalDate day) {
		return content.revision().appliesOn(day);
	}

	/**
	 * 实施编码 in the national format (see {@link Implementation}), or null without basic
	 * code or credit code.
	 */
	@JsonProperty
	public @Nullable String implementationCode() {
		return Implementation.implementationCode(department.creditCode(), region.level(),
				content.implementation().basicCode());
	}

	/**
	 * 业务办理项编码: the implementation code and the business-item suffix ({@code 000} when
	 * none is set).
	 */
	@JsonProperty
	public @Nullable String businessItemCode() {
		String code = implementationCode();
		String suffix = content.implementation().itemSuffix();
		return code == null ? null : code + (suffix == null ? "000" : suffix);
	}

	public boolean isCurrent() {
		return publishedVersion != null && publishedVersion == versionNo && state == VersionState.PUBLISHED;
	}

	/**
	 * A later version already approved, with the day it takes effect and what it changes.
	 */
	public record Upcoming(int versionNo, LocalDate effectiveOn, @Nullable String changeSummary) {
	}

	/** A hall and those of its windows that receive the item (办理地点). */
	public record HandlingPlace(HallView hall, List<WindowView> windows) {
	}

	/**
	 * A delegation with the county it reaches, the county's counterpart item (when the
	 * delegation names one that is published and active) and the county's record that it
	 * has not yet taken the power on (尚未承接), if any.
	 */
	public record DelegatedCounty(Delegation delegation, RegionView county, @Nullable Counterpart counterpart,
			@Nullable NotTakenOn notTakenOn) {

		public DelegatedCounty(Delegation delegation, RegionView county) {
			this(delegation, county, null, null);
		}

		/**
		 * Whether the county has taken the power on: it has a counterpart item and has
		 * not marked it pending.
		 */
		public boolean takenOn() {
			return counterpart != null && notTakenOn == null;
		}

	}

	/**
	 * The county's own published item that carries a delegated power, and the department
	 * that handles it.
	 */
	public record Counterpart(String code, String nameZh, @Nullable String nameEn, DepartmentView department) {

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
		}

	}

}
