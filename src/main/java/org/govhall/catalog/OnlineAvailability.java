package org.govhall.catalog;

/** How far an item can be handled online: 全程网办, 部分网办, 不能网办. */
public enum OnlineAvailability {

	FULLY_ONLINE, PARTLY_ONLINE, OFFLINE

}
