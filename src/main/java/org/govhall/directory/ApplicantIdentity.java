package org.govhall.directory;

import java.io.Serializable;

import org.govhall.shared.CreditCode;
import org.govhall.shared.IdNumber;
import org.govhall.shared.InvalidInputException;

/**
 * Who an applicant is: a natural person by name and resident identity number, or an
 * organisation by name and unified social credit code. The number is checked when the
 * identity is made; lists and other roles see it masked.
 */
public record ApplicantIdentity(IdentityKind kind, String legalName, String number) implements Serializable {

	public ApplicantIdentity {
		if (legalName == null || legalName.isBlank() || legalName.length() > 200) {
			throw new InvalidInputException("invalid-name", "error.applicant.name", "legalName");
		}
		legalName = legalName.strip();
		number = kind == IdentityKind.RESIDENT_ID ? IdNumber.of(number).value() : CreditCode.of(number).value();
	}

	/**
	 * The number as shown to anyone but the applicant: personal numbers masked, credit
	 * codes in full (public).
	 */
	public String maskedNumber() {
		return kind == IdentityKind.RESIDENT_ID ? IdNumber.of(number).masked() : number;
	}

	/**
	 * The six-digit region of the applicant: address code of an identity number, or
	 * registration region of a code.
	 */
	public String regionCode() {
		return kind == IdentityKind.RESIDENT_ID ? number.substring(0, 6) : number.substring(2, 8);
	}

	public boolean isPerson() {
		return kind == IdentityKind.RESIDENT_ID;
	}

	@Override
	public String toString() {
		return "ApplicantIdentity[" + kind + ", " + maskedNumber() + "]";
	}

}
