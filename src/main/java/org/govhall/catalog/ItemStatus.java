package org.govhall.catalog;

/**
 * Whether an item is in force, abolished (取消), or delegated away entirely (下放) to a lower
 * level.
 */
public enum ItemStatus {

	ACTIVE, ABOLISHED, DELEGATED_AWAY

}
