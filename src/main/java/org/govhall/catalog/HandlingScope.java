package org.govhall.catalog;

/**
 * 通办范围 (GB/T 39046-2020 Table 4): how far beyond its own region an item can be handled —
 * in any county of the city (跨县), any city of the province (跨市), across provinces (跨省) or
 * anywhere in the country (全国). An item without a scope is handled only where its
 * department sits.
 */
public enum HandlingScope {

	CROSS_COUNTY, CROSS_CITY, CROSS_PROVINCE, NATIONWIDE

}
