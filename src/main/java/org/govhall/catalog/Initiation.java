package org.govhall.catalog;

/**
 * Whether an item is done because someone applies for it (依申请) or on the authority's own
 * motion (依职权). Enforcement (penalties, coercion, inspections) is always ex officio:
 * nobody applies to be fined; everything else is on application unless the drafter says
 * otherwise (e.g. a levy or an allowance paid without application).
 */
public enum Initiation {

	ON_APPLICATION, EX_OFFICIO;

	/**
	 * The default for an item type: ex officio for enforcement, on application otherwise.
	 */
	public static Initiation defaultFor(ItemType type) {
		return type.enforcement() ? EX_OFFICIO : ON_APPLICATION;
	}

}
