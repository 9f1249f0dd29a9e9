package org.govhall.catalog;

/**
 * Life events (个人) and business events (法人) by which citizens and enterprises browse the
 * catalog.
 */
public enum LifeEvent {

	BIRTH(ServiceObject.NATURAL_PERSON), EDUCATION(ServiceObject.NATURAL_PERSON),
	EMPLOYMENT(ServiceObject.NATURAL_PERSON), HOUSEHOLD(ServiceObject.NATURAL_PERSON),
	MARRIAGE(ServiceObject.NATURAL_PERSON), SOCIAL_SECURITY(ServiceObject.NATURAL_PERSON),
	HOUSING(ServiceObject.NATURAL_PERSON), MEDICAL(ServiceObject.NATURAL_PERSON), TRAVEL(ServiceObject.NATURAL_PERSON),
	RETIREMENT(ServiceObject.NATURAL_PERSON), UTILITIES(ServiceObject.NATURAL_PERSON),
	BUSINESS_START(ServiceObject.LEGAL_PERSON), CONSTRUCTION(ServiceObject.LEGAL_PERSON),
	OPERATING_PERMITS(ServiceObject.LEGAL_PERSON), FOOD_AND_DRUGS(ServiceObject.LEGAL_PERSON),
	TRANSPORT(ServiceObject.LEGAL_PERSON), ENVIRONMENT(ServiceObject.LEGAL_PERSON),
	TAX_AND_SOCIAL(ServiceObject.LEGAL_PERSON), BUSINESS_CLOSE(ServiceObject.LEGAL_PERSON);

	private final ServiceObject audience;

	LifeEvent(ServiceObject audience) {
		this.audience = audience;
	}

	public ServiceObject audience() {
		return audience;
	}

}
