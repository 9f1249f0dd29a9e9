package org.govhall.directory;

import org.jspecify.annotations.Nullable;

/**
 * Who the province's unified identity platform (统一身份认证) says signed in, from its ID token
 * (issue 12, item 1).
 *
 * @param kind a person (resident identity number) or an enterprise (credit code)
 * @param name the person's or enterprise's legal name
 * @param number the identity number or credit code
 * @param representativeName for an enterprise, its legal representative (法定代表人), who
 * signed in for it
 * @param representativeNumber for an enterprise, the legal representative's identity
 * number
 * @param vouchedBy the platform and its subject, recorded as who verified the account
 */
public record PlatformIdentity(IdentityKind kind, String name, String number, @Nullable String representativeName,
		@Nullable String representativeNumber, String vouchedBy) {

	@Override
	public String toString() {
		return "PlatformIdentity[" + kind + "]";
	}

}
