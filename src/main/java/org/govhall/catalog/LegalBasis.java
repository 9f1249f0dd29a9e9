package org.govhall.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A legal basis (设定依据): the law or regulation, the article, and the quoted text. */
public record LegalBasis(@NotBlank @Size(max = 200) String lawName, @NotBlank @Size(max = 100) String article,
		@Nullable @Size(max = 4000) String quote) {
}
