package org.govhall.directory;

/**
 * How an applicant is identified: a resident identity card (居民身份证) or a unified social
 * credit code.
 */
public enum IdentityKind {

	RESIDENT_ID, CREDIT_CODE

}
