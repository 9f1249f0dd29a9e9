package org.govhall.catalog;

import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A required material (申请材料, GB/T 39046 Table 4): how many originals and copies, on what
 * medium, whether it is mandatory or needed only under a condition, who issues it, and
 * its blank template (空表) and filled-in sample (样表). {@code obtainedBySharing}: the hall
 * obtains it itself from the e-certificate store or another shared register
 * (可通过电子证照库或信息共享获取，免于提交), so an application without it is still complete. GB/T 39046's
 * material fields 出具时间要求 ({@code issuedWithin}, e.g. 近三个月内出具), 材料办理地点
 * ({@code handlingPlace}: where the material itself is obtained) and 材料规格
 * ({@code specification}, e.g. A4 纸张, 彩色照片 35mm×45mm) complete it.
 */
public record Material(@NotBlank @Size(max = 200) String nameZh, @Nullable @Size(max = 300) String nameEn,
		@Min(0) @Max(99) int originals, @Min(0) @Max(99) int copies, @NotNull MaterialMedium medium,
		@NotNull MaterialRequirement requirement, @Nullable @Size(max = 500) String conditionText,
		@Nullable @Size(max = 200) String source, @Nullable @Size(max = 200) String templateName,
		@Nullable @Size(max = 200) String sampleName, @Nullable @Size(max = 1000) String note,
		@Nullable @Pattern(regexp = "[0-9a-f-]{36}") String templateFileId,
		@Nullable @Pattern(regexp = "[0-9a-f-]{36}") String sampleFileId, Boolean obtainedBySharing,
		@Nullable @Size(max = 200) String issuedWithin, @Nullable @Size(max = 300) String handlingPlace,
		@Nullable @Size(max = 200) String specification) {

	/**
	 * {@code obtainedBySharing} may be absent from older JSON (demo data, the API): then
	 * false.
	 */
	public Material {
		obtainedBySharing = Boolean.TRUE.equals(obtainedBySharing);
	}

	/** A material without GB/T 39046's issue time, handling place and specification. */
	public Material(String nameZh, @Nullable String nameEn, int originals, int copies, MaterialMedium medium,
			MaterialRequirement requirement, @Nullable String conditionText, @Nullable String source,
			@Nullable String templateName, @Nullable String sampleName, @Nullable String note,
			@Nullable String templateFileId, @Nullable String sampleFileId, @Nullable Boolean obtainedBySharing) {
		this(nameZh, nameEn, originals, copies, medium, requirement, conditionText, source, templateName, sampleName,
				note, templateFileId, sampleFileId, obtainedBySharing, null, null, null);
	}

	/** A material without attached template or sample files. */
	public Material(String nameZh, @Nullable String nameEn, int originals, int copies, MaterialMedium medium,
			MaterialRequirement requirement, @Nullable String conditionText, @Nullable String source,
			@Nullable String templateName, @Nullable String sampleName, @Nullable String note) {
		this(nameZh, nameEn, originals, copies, medium, requirement, conditionText, source, templateName, sampleName,
				note, null, null, false);
	}

	/**
	 * Whether an application must hand it in: mandatory, and not obtained by the hall
	 * through data sharing.
	 */
	public boolean mustBeHandedIn() {
		return requirement == MaterialRequirement.MANDATORY && !Boolean.TRUE.equals(obtainedBySharing);
	}

	/** The same material with a template or sample file attached. */
	Material withFile(boolean template, String fileId, String fileName) {
		return template
				? new Material(nameZh, nameEn, originals, copies, medium, requirement, conditionText, source, fileName,
						sampleName, note, fileId, sampleFileId, obtainedBySharing, issuedWithin, handlingPlace,
						specification)
				: new Material(nameZh, nameEn, originals, copies, medium, requirement, conditionText, source,
						templateName, fileName, note, templateFileId, fileId, obtainedBySharing, issuedWithin,
						handlingPlace, specification);
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}

}
