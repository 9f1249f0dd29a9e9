package org.govhall.catalog;

/**
 * The level of government that exercises an item (行使层级, GB/T 39046 A.2, abridged to a
 * province's tiers).
 */
public enum ExerciseLevel {

	PROVINCE, CITY, COUNTY

}
