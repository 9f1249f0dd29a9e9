package org.govhall.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An issued document as its public verification page shows it: the record, the holder masked where the holder is a
 * person (or unknown, for documents issued before it was kept), the item and scope, and whether it is valid today. The
 * premises are left out: for a person they are an address.
 *
 * @param holder a person's name masked (张*明), an organisation's in full (public registration data)
 * @param holderNumber the identity number masked, or the credit code; none for documents issued before it was kept
 * @param validity valid, expired (after {@code validUntil}) or revoked (from {@code revokedOn}), on today's date
 */
public record VerifiedDocument(IssuedDocument document, String holder, @Nullable String holderNumber,
		@Nullable String item, @Nullable String certificateNo, @Nullable String scope, @Nullable LocalDate validUntil,
		@Nullable LocalDate revokedOn, Validity validity) {

	/** Whether a document holds today. */
	public enum Validity {

		VALID, EXPIRED, REVOKED

	}

	static VerifiedDocument of(IssuedDocument document, ResultSet rs, LocalDate today) throws SQLException {
		boolean organisation = Boolean.FALSE.equals(rs.getObject("holder_person", Boolean.class));
		String recipient = rs.getString("recipient");
		LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
		LocalDate revokedOn = rs.getObject("revoked_on", LocalDate.class);
		Validity validity = revokedOn != null ? Validity.REVOKED
				: validUntil != null && today.isAfter(validUntil) ? Validity.EXPIRED : Validity.VALID;
		return new VerifiedDocument(document, organisation ? recipient : maskName(recipient),
				rs.getString("holder_number"), rs.getString("item_name"), rs.getString("certificate_no"),
				rs.getString("scope"), validUntil, revokedOn, validity);
	}

	/**
	 * A person's name with all but its first and last characters starred (张*明, 欧**娜); a two-character name keeps
	 * its first (张*), a one-character name is starred whole.
	 */
	static String maskName(String name) {
		int[] cps = name.strip().codePoints().toArray();
		if (cps.length <= 1) {
			return "*";
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
		if (cps.length == 2) {
			return masked.append('*').toString();
		}
		masked.append("*".repeat(cps.length - 2));
		return masked.appendCodePoint(cps[cps.length - 1]).toString();
	}

}
