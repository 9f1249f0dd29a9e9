package org.govhall.directory;

/** The tier of a region: province (省), city (市), county or district (县/区). */
public enum RegionLevel {

	PROVINCE, CITY, COUNTY;

	/** The tier directly below this one, or none for a county. */
	RegionLevel child() {
		return switch (this) {
			case PROVINCE -> CITY;
			case CITY, COUNTY -> COUNTY;
		};
	}

}
