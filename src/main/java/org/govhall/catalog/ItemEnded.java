package org.govhall.catalog;

import java.time.LocalDate;

/** An item was abolished or delegated away entirely, as of a date and by a document. */
public record ItemEnded(String code, ItemStatus status, LocalDate on, String document) {
}
