package org.govhall.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the {@code storage} module (ADR 0028).
 *
 * @param dir the directory of the stored files on local disk (when no other file store is
 * configured)
 */
@ConfigurationProperties("govhall.storage")
record StorageSettings(@DefaultValue("./data/files") Path dir) {
}
