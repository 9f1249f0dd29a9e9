package org.govhall.directory;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An applicant account as a window clerk sees it when verifying: the identity masked, and
 * whether and how it is verified.
 */
public record ApplicantAccountView(String username, IdentityKind kind, String legalName, String maskedNumber,
		Verification.@Nullable Via verifiedVia, @Nullable Instant verifiedAt) {

	public boolean verified() {
		return verifiedVia != null;
	}

}
