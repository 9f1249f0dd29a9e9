package org.govhall.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.govhall.cases.CaseRecords.Licence;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * What the approver must write on a licence when granting it: the scope always, when the
 * item asks for a licence ({@link CaseTerms#asksLicence()}); the premises and the last
 * day of validity only where the licence has them (none means 长期, long-term, which is
 * what the law gives where it sets no term). A validity that ends before the decision
 * would issue a licence already expired.
 */
final class LicenceRules {

	static final int SCOPE_MAX = 500;

	static final int PREMISES_MAX = 200;

	/** A licence as a form or a body enters it: none when every field is blank. */
	static @Nullable Licence entered(@Nullable String scope, @Nullable String premises,
			@Nullable LocalDate validUntil) {
		boolean noScope = scope == null || scope.isBlank();
		boolean noPremises = premises == null || premises.isBlank();
		return noScope && noPremises && validUntil == null ? null
				: new Licence(noScope ? "" : scope, noPremises ? null : premises, validUntil);
	}

	private LicenceRules() {
	}

	/**
	 * The licence as it will be kept (text stripped), none when nothing was entered for
	 * an item that asks for none.
	 * @throws RuleViolationException (422) naming every field at fault
	 */
	static @Nullable Licence check(CaseTerms terms, @Nullable Licence entered, LocalDate decidedOn) {
		String scope = entered == null ? null : blankToNull(entered.scope());
		String premises = entered == null ? null : blankToNull(entered.premises());
		LocalDate validUntil = entered == null ? null : entered.validUntil();
		if (scope == null && premises == null && validUntil == null && !terms.asksLicence()) {
			return null;
		}
		List<FieldViolation> violations = new ArrayList<>();
		if (scope == null) {
			violations.add(new FieldViolation("scope", "error.case.licence.scopeRequired"));
		}
		else if (scope.length() > SCOPE_MAX) {
			violations.add(new FieldViolation("scope", "error.case.licence.tooLong", SCOPE_MAX));
		}
		if (premises != null && premises.length() > PREMISES_MAX) {
			violations.add(new FieldViolation("premises", "error.case.licence.tooLong", PREMISES_MAX));
		}
		if (validUntil != null && validUntil.isBefore(decidedOn)) {
			violations.add(new FieldViolation("validUntil", "error.case.licence.validUntilPast", decidedOn));
		}
		if (!violations.isEmpty() || scope == null) {
			throw new RuleViolationException("invalid-licence", "error.case.licence.invalid", violations,
					violations.size());
		}
		return new Licence(scope, premises, validUntil);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
