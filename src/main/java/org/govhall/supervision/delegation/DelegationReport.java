package org.govhall.supervision.delegation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.govhall.documents.Documents;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The printable tracking report of one county (扩权强县跟踪督查报告): the template
 * {@code supervision/delegation-report.html} filled with the figures and typeset as a PDF
 * with the Chinese font by {@link Documents#renderReport}; and the roll-up over a
 * supervisor's region, each city with its counties
 * ({@code supervision/delegation-rollup-report.html}). They are working reports, not
 * issued documents: they have no number and are not stored.
 */
@Component
class DelegationReport {

	private final ITemplateEngine templates;

	private final Documents documents;

	private final Clock clock;

	DelegationReport(ITemplateEngine templates, Documents documents, Clock clock) {
		this.templates = templates;
		this.documents = documents;
		this.clock = clock;
	}

	/** The XHTML of the report in the language of the locale. */
	String xhtml(DelegationOverview overview, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("o", overview);
		context.setVariable("lang", "en".equals(locale.getLanguage()) ? "en" : "zh-CN");
		context.setVariable("generatedOn", LocalDate.now(clock));
		return templates.process("supervision/delegation-report", context);
	}

	byte[] pdf(DelegationOverview overview, Locale locale) {
		return documents.renderReport(xhtml(overview, locale));
	}

	/** The XHTML of the roll-up in the language of the locale. */
	String xhtml(DelegationRollup rollup, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("r", rollup);
		context.setVariable("threshold", DelegationOverview.percent(rollup.aboveShareThreshold()));
		context.setVariable("lang", "en".equals(locale.getLanguage()) ? "en" : "zh-CN");
		context.setVariable("generatedOn", LocalDate.now(clock));
		return templates.process("supervision/delegation-rollup-report", context);
	}

	byte[] pdf(DelegationRollup rollup, Locale locale) {
		return documents.renderReport(xhtml(rollup, locale));
	}

}
