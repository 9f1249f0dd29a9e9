package org.govhall.catalog;

/** A version of an item's guide was published; earlier versions are superseded. */
public record ItemPublished(String code, int versionNo, String departmentCode, String regionCode) {
}
