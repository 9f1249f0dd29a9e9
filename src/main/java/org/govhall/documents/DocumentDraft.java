package org.govhall.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a document says, in the words of the module that issues it (the Chinese text is
 * the caller's); {@link Documents} checks every field before it numbers and typesets the
 * document. {@code particulars}, when given, say who the document is about and, for a
 * certificate, what it permits: a certificate with them is laid out as a licence, and the
 * public verification page shows them (the holder's name and number masked as
 * {@link Particulars} says).
 */
public record DocumentDraft(DocumentKind kind, String caseNumber, String recipient, String issuer, LocalDate issuedOn,
		String title, List<Section> sections, @Nullable Particulars particulars) {

	public DocumentDraft {
		sections = copy(sections);
	}

	/**
	 * A document without particulars: laid out as a letter, verified by its number,
	 * title, issuer and date.
	 */
	public DocumentDraft(DocumentKind kind, String caseNumber, String recipient, String issuer, LocalDate issuedOn,
			String title, List<Section> sections) {
		this(kind, caseNumber, recipient, issuer, issuedOn, title, sections, null);
	}

	/**
	 * Who holds the document and what it permits.
	 *
	 * @param holder the holder's legal name, printed in full on the document; the
	 * verification page masks a person's name (张*明) and shows an organisation's in full,
	 * since its name is public registration data
	 * @param person whether the holder is a natural person
	 * @param holderNumber the identity number already masked, or the unified social
	 * credit code (public)
	 * @param item the name of the administrative item
	 * @param certificateNo the number the licence carries (证书编号), none for a notice
	 * @param scope 许可范围/经营项目, none for a notice
	 * @param premises 经营场所/住所, printed on the licence only; the public page leaves it out
	 * (a person's address)
	 * @param validUntil the last day of validity; none: long-term (长期) or a notice
	 */
	public record Particulars(String holder, boolean person, String holderNumber, String item,
			@Nullable String certificateNo, @Nullable String scope, @Nullable String premises,
			@Nullable LocalDate validUntil) {
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

	/**
	 * An unmodifiable copy that keeps null elements, so that the checks can name them
	 * instead of failing here.
	 */
	private static <T> List<T> copy(List<T> list) {
		return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
	}

}
