package org.govhall.catalog;

/** Whether a material is handed in on paper, electronically, or either. */
public enum MaterialMedium {

	PAPER, ELECTRONIC, PAPER_OR_ELECTRONIC

}
