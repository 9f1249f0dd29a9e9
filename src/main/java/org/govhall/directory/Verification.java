package org.govhall.directory;

import java.time.Instant;

/**
 * How an applicant's identity was verified (issue 12, item 1): by the province's unified identity platform over
 * OpenID Connect, by a window clerk who saw the original identity card or business licence, or by the demo seed.
 *
 * @param via how
 * @param by who vouched: the platform's issuer and subject, or the clerk's login
 * @param at when
 */
public record Verification(Via via, String by, Instant at) {

	/** The ways an identity becomes verified. */
	public enum Via {

		PLATFORM, WINDOW, DEMO

	}

}
