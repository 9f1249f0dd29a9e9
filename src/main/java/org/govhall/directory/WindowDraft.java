package org.govhall.directory;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.govhall.shared.Plain;

/** What it takes to open a window in a hall; departments are named by their codes. */
public record WindowDraft(@NotBlank @Size(max = 16) String number, @NotBlank @Size(max = 200) @Plain String nameZh,
		@NotBlank @Size(max = 300) String nameEn, @NotNull WindowKind kind,
		@NotNull @Size(min = 1, max = 100) Set<@NotBlank String> departmentCodes) {
}
