package org.govhall.cases;

/**
 * How a decision reaches the applicant (送达): at the window, by post, or as an electronic
 * certificate.
 */
public enum DeliveryMethod {

	WINDOW, POST, ELECTRONIC

}
