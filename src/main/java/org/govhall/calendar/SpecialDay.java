package org.govhall.calendar;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** One date of a year's schedule and why it differs, e.g. 2026-10-01 OFF 国庆节. */
public record SpecialDay(@NotNull LocalDate date, @NotNull DayKind kind, @Nullable @Size(max = 50) String name) {
}
