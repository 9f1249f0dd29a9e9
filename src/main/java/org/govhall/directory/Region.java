package org.govhall.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Persistable;

/** A region of the administrative division tree, keyed by its six-digit code. */
class Region implements Persistable<String> {

	@Id
	private final String code;

	private String nameZh;

	private String nameEn;

	private final RegionLevel level;

	private final @Nullable String parentCode;

	@Version
	private @Nullable Integer version;

	Region(String code, String nameZh, String nameEn, RegionLevel level, @Nullable String parentCode,
			@Nullable Integer version) {
		this.code = code;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.level = level;
		this.parentCode = parentCode;
		this.version = version;
	}

	static Region create(String code, String nameZh, String nameEn, RegionLevel level, @Nullable String parentCode) {
		return new Region(code, nameZh, nameEn, level, parentCode, null);
	}

	@Override
	public String getId() {
		return code;
	}

	@Override
	public boolean isNew() {
		return version == null;
	}

	String code() {
		return code;
	}

	String nameZh() {
		return nameZh;
	}

	String nameEn() {
		return nameEn;
	}

	RegionLevel level() {
		return level;
	}

	@Nullable String parentCode() {
		return parentCode;
	}

	RegionView view() {
		return new RegionView(code, nameZh, nameEn, level, parentCode);
	}

}
