package org.govhall.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The chain head as published on a day: anyone who keeps a copy can later check that the
 * log still leads to it.
 */
record PublishedHead(LocalDate date, long seq, String hash, Instant publishedAt) {
}
