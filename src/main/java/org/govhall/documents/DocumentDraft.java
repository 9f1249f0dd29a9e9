package org.govhall.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a document says, in the words of the module that issues it (the Chinese text is the caller's); {@link Documents}
 * checks every field before it numbers and typesets the document.
 */
public record DocumentDraft(DocumentKind kind, String caseNumber, String recipient, String issuer, LocalDate issuedOn,
		String title, List<Section> sections) {

	public DocumentDraft {
		sections = copy(sections);
	}

	/** One part of the body: a heading (empty for none) and its paragraphs. */
	public record Section(String heading, List<String> paragraphs) {

		public Section {
			heading = heading == null ? "" : heading;
			paragraphs = copy(paragraphs);
		}

		public Section(String heading, String... paragraphs) {
			this(heading, List.of(paragraphs));
		}

	}

	/** An unmodifiable copy that keeps null elements, so that the checks can name them instead of failing here. */
	private static <T> List<T> copy(List<T> list) {
		return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
	}

}
