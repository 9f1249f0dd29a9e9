package org.govhall.shared;

/**
 * A six-digit administrative division code (行政区划代码, GB/T 2260): two digits of province,
 * two of city, two of county. A province ends in 0000, a city in 00.
 */
public record RegionCode(String value) {

	public RegionCode {
		if (value == null || !value.matches("[1-9]\\d{5}")) {
			throw new InvalidInputException("invalid-region-code", "error.regionCode.invalid", "regionCode");
		}
	}

	public static RegionCode of(String value) {
		return new RegionCode(value);
	}

	public static boolean isValid(String value) {
		return value != null && value.matches("[1-9]\\d{5}");
	}

	@Override
	public String toString() {
		return value;
	}

}
