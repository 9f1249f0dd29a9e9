package org.govhall.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A department of a region's government, or a public utility, with the approval division
 * that holds its powers.
 */
class Department {

	@Id
	private @Nullable Long id;

	private final String code;

	private String nameZh;

	private String nameEn;

	private final String regionCode;

	private DepartmentKind kind;

	private @Nullable String creditCode;

	private @Nullable String approvalDivisionZh;

	private @Nullable String approvalDivisionEn;

	private @Nullable String phone;

	@Version
	private @Nullable Integer version;

	Department(@Nullable Long id, String code, String nameZh, String nameEn, String regionCode, DepartmentKind kind,
			@Nullable String creditCode, @Nullable String approvalDivisionZh, @Nullable String approvalDivisionEn,
			@Nullable String phone, @Nullable Integer version) {
		this.id = id;
		this.code = code;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.regionCode = regionCode;
		this.kind = kind;
		this.creditCode = creditCode;
		this.approvalDivisionZh = approvalDivisionZh;
		this.approvalDivisionEn = approvalDivisionEn;
		this.phone = phone;
		this.version = version;
	}

	void update(DepartmentDraft draft) {
		this.nameZh = draft.nameZh();
		this.nameEn = draft.nameEn();
		this.kind = draft.kind();
		this.creditCode = draft.creditCode();
		this.approvalDivisionZh = draft.approvalDivisionZh();
		this.approvalDivisionEn = draft.approvalDivisionEn();
		this.phone = draft.phone();
	}

	@Nullable Long id() {
		return id;
	}

	String code() {
		return code;
	}

	String regionCode() {
		return regionCode;
	}

	DepartmentView view() {
		return new DepartmentView(id == null ? 0 : id, code, nameZh, nameEn, regionCode, kind, creditCode,
				approvalDivisionZh, approvalDivisionEn, phone);
	}

}
