package org.govhall.catalog;

/** The eleven item types of GB/T 39046-2020 Annex A.1 (事项类型), with their two-digit codes. */
public enum ItemType {

	ADMINISTRATIVE_LICENSE("01"), ADMINISTRATIVE_PENALTY("02"), ADMINISTRATIVE_COERCION("03"),
	ADMINISTRATIVE_LEVY("04"), ADMINISTRATIVE_PAYMENT("05"), ADMINISTRATIVE_INSPECTION("06"),
	ADMINISTRATIVE_CONFIRMATION("07"), ADMINISTRATIVE_REWARD("08"), ADMINISTRATIVE_ADJUDICATION("09"),
	OTHER_POWER("10"), PUBLIC_SERVICE("20");

	private final String code;

	ItemType(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

}
