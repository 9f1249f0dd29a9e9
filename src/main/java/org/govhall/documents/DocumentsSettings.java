package org.govhall.documents;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the {@code documents} module (ADR 0028): its own under
 * {@code govhall.documents}, and the two hall-wide ones it reads (declared in
 * {@code application.properties}).
 *
 * @param publicUrl the public address of the hall (GOVHALL_PUBLIC_URL), which every
 * document's QR code leads to
 * @param documents the typesetting of documents
 * @param demo demo mode
 */
@ConfigurationProperties("govhall")
record DocumentsSettings(@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue Typesetting documents,
		@DefaultValue Demo demo) {

	/**
	 * How documents are typeset.
	 *
	 * @param font a TrueType font file (.ttf, or .ttc with TrueType outlines) to typeset
	 * with; unset: the Noto Sans SC font inside GovHall
	 */
	record Typesetting(@Nullable Path font) {
	}

	/**
	 * Demo mode.
	 *
	 * @param enabled whether demo mode is on (no warning about a local public address
	 * then)
	 */
	record Demo(@DefaultValue("false") boolean enabled) {
	}

}
