package org.govhall.directory;

import java.io.Serializable;
import java.time.Instant;

/**
 * How an applicant's identity was verified (issue 12, item 1): by the province's unified
 * identity platform over OpenID Connect, by a window clerk who saw the original identity
 * card or business licence, or by the demo seed. Serializable: it travels with the
 * principal in a session kept in the database (Spring Session JDBC).
 *
 * @param via how
 * @param by who vouched: the platform's issuer and subject, or the clerk's login
 * @param at when
 */
public record Verification(Via via, String by, Instant at) implements Serializable {

	/** The ways an identity becomes verified. */
	public enum Via {

		PLATFORM, WINDOW, DEMO

	}

}
