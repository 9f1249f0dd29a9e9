package org.govhall.storage;

import java.time.Instant;

/** A stored file's record: never the bytes. */
public record StoredFile(String id, String name, String contentType, long size, String sha256, Instant createdAt) {
}
