package org.govhall.catalog;

/** Whom an item serves: natural persons (个人), legal persons (法人), or both. */
public enum ServiceObject {

	NATURAL_PERSON, LEGAL_PERSON, BOTH;

	boolean serves(ServiceObject audience) {
		return this == BOTH || audience == BOTH || this == audience;
	}

}
