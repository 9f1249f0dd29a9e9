package org.govhall.cases;

/**
 * How a case came in: online by the applicant, at a hall window, or through an agent
 * (代办员).
 */
public enum Channel {

	ONLINE, WINDOW, AGENT

}
