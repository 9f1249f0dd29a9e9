package org.govhall.catalog;

/**
 * Where an item version stands: a draft, in review, the published one, or an earlier
 * published one.
 */
public enum VersionState {

	DRAFT, IN_REVIEW, PUBLISHED, SUPERSEDED;

	boolean isPublic() {
		return this == PUBLISHED || this == SUPERSEDED;
	}

}
