package org.govhall.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A government service hall (政务大厅) of a region. */
class Hall {

	@Id
	private @Nullable Long id;

	private final String regionCode;

	private String nameZh;

	private String nameEn;

	private @Nullable String addressZh;

	private @Nullable String addressEn;

	private @Nullable String openingHoursZh;

	private @Nullable String openingHoursEn;

	private @Nullable String phone;

	@Version
	private @Nullable Integer version;

	Hall(@Nullable Long id, String regionCode, String nameZh, String nameEn, @Nullable String addressZh,
			@Nullable String addressEn, @Nullable String openingHoursZh, @Nullable String openingHoursEn,
			@Nullable String phone, @Nullable Integer version) {
		this.id = id;
		this.regionCode = regionCode;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.addressZh = addressZh;
		this.addressEn = addressEn;
		this.openingHoursZh = openingHoursZh;
		this.openingHoursEn = openingHoursEn;
		this.phone = phone;
		this.version = version;
	}

	static Hall create(HallDraft d) {
		return new Hall(null, d.regionCode(), d.nameZh(), d.nameEn(), d.addressZh(), d.addressEn(), d.openingHoursZh(),
				d.openingHoursEn(), d.phone(), null);
	}

	@Nullable Long id() {
		return id;
	}

	String regionCode() {
		return regionCode;
	}

	HallView view(List<WindowView> windows) {
		return new HallView(id == null ? 0 : id, regionCode, nameZh, nameEn, addressZh, addressEn, openingHoursZh,
				openingHoursEn, phone, windows);
	}

}
