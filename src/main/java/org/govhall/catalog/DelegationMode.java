package org.govhall.catalog;

/** How a power reaches a county: 直接下放, 委托下放 (行政许可法 第二十四条) or 授权. */
public enum DelegationMode {

	DIRECT, ENTRUSTED, AUTHORIZED

}
