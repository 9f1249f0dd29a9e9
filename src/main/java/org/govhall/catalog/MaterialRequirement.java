package org.govhall.catalog;

/** Whether a material is always required, or only under a stated condition. */
public enum MaterialRequirement {

	MANDATORY, CONDITIONAL

}
