package org.govhall.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit log's stored codes in the reader's language, for its page: the record itself
 * keeps its fixed form (it is what the hash chain seals), the page shows words. An action
 * without a label reads as its code.
 */
@Component("auditWords")
public class AuditWords {

	private final MessageSource messages;

	AuditWords(MessageSource messages) {
		this.messages = messages;
	}

	/** e.g. {@code catalog.published} → 事项公布; {@code case.accepted} → 办件：受理. */
	public String action(String code, Locale locale) {
		String label = messages.getMessage("audit.action." + code, null, null, locale);
		if (label != null) {
			return label;
		}
		if (code.startsWith("case.")) {
			String step = code.substring(5).toUpperCase(Locale.ROOT).replace('-', '_');
			String action = messages.getMessage("CaseAction." + step, null, null, locale);
			if (action != null) {
				return messages.getMessage("audit.action.case", new Object[] { action }, locale);
			}
		}
		if (code.startsWith("supervision.")) {
			String[] parts = code.substring(12).split("-", 2);
			String what = messages.getMessage("audit.subject." + parts[0], null, null, locale);
			String step = parts.length < 2 ? null : messages.getMessage("audit.step." + parts[1], null, null, locale);
			if (what != null && step != null) {
				return messages.getMessage("audit.action.supervision", new Object[] { what, step }, locale);
			}
		}
		if (code.startsWith("export.")) {
			return messages.getMessage("audit.action.export", new Object[] { code.substring(7) }, locale);
		}
		return code;
	}

	/**
	 * The comma-separated roles of an entry, e.g. {@code REVIEWER,APPROVER} → 审查人员、审批人员.
	 */
	public String roles(String roles, Locale locale) {
		String separator = "en".equals(locale.getLanguage()) ? ", " : "、";
		return Arrays.stream(roles.split(","))
			.map(String::strip)
			.map(r -> messages.getMessage("Role." + r, null, messages.getMessage("audit.role." + r, null, r, locale),
					locale))
			.collect(Collectors.joining(separator));
	}

}
