package org.govhall.catalog;

/**
 * The eleven item types of GB/T 39046-2020 Annex A.1 (事项类型), with their two-digit codes.
 */
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

	/**
	 * Where the search puts items of this type among equally good matches: what citizens
	 * and businesses apply for (licences, services, confirmations, payments) first, other
	 * powers next, enforcement (penalties, coercion, inspections) last, so that 食品 leads
	 * to 食品经营许可 before a food-safety penalty.
	 */
	int searchRank() {
		return enforcement() ? 2 : switch (this) {
			case ADMINISTRATIVE_LICENSE, PUBLIC_SERVICE, ADMINISTRATIVE_CONFIRMATION, ADMINISTRATIVE_PAYMENT -> 0;
			default -> 1;
		};
	}

	/**
	 * Whether the item is enforcement (penalty, coercion, inspection): done to people,
	 * not applied for by them.
	 */
	public boolean enforcement() {
		return this == ADMINISTRATIVE_PENALTY || this == ADMINISTRATIVE_COERCION || this == ADMINISTRATIVE_INSPECTION;
	}

}
