package org.govhall.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.govhall.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and reads files. Only PDF, Word, Excel, JPEG and PNG are accepted, recognised by
 * their leading bytes and not by what the uploader claims; names are reduced to a safe
 * base name.
 */
@Service
public class Storage {

	/** 10 MiB: enough for a scanned form, small enough for a window clerk's upload. */
	public static final int MAX_SIZE = 10 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final FileStore store;

	private final Clock clock;

	Storage(JdbcClient jdbc, FileStore store, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	@Transactional
	public StoredFile store(String originalName, byte[] content) {
		String name = safeName(originalName);
		String type = accepted(name, content);
		String id = UUID.randomUUID().toString();
		StoredFile file = new StoredFile(id, name, type, content.length, sha256(content), clock.instant());
		try {
			store.put(id, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		jdbc.sql("""
				INSERT INTO storage_file (id, name, content_type, size, sha256, created_at)
				VALUES (:id, :name, :type, :size, :sha, :at)
				""")
			.param("id", id)
			.param("name", name)
			.param("type", type)
			.param("size", file.size())
			.param("sha", file.sha256())
			.param("at", Timestamp.from(file.createdAt()))
			.update();
		return file;
	}

	/**
	 * Refuses what {@link #store} would refuse (an empty or too large file, a type not
	 * accepted) without storing anything, so that a request handing in several files can
	 * refuse them all before it stores one.
	 */
	public void check(String originalName, byte[] content) {
		accepted(safeName(originalName), content);
	}

	/** The content type of an acceptable file, or the refusal. */
	private static String accepted(String name, byte[] content) {
		if (content.length == 0) {
			throw new InvalidInputException("empty-file", "error.upload.empty", "file");
		}
		if (content.length > MAX_SIZE) {
			throw new InvalidInputException("file-too-large", "error.upload.tooLarge", "file");
		}
		return contentType(name, content)
			.orElseThrow(() -> new InvalidInputException("file-type", "error.upload.type", "file"));
	}

	public Optional<StoredFile> find(String id) {
		if (id == null || !id.matches("[0-9a-f-]{36}")) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, name, content_type, size, sha256, created_at FROM storage_file WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new StoredFile(rs.getString("id"), rs.getString("name"), rs.getString("content_type"),
					rs.getLong("size"), rs.getString("sha256"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/**
	 * Deletes a file, its record and its bytes. Only the module that owns the file's use
	 * may call it, for a file nothing else names (an upload never handed in): a
	 * document's or a guide's file is never deleted.
	 */
	@Transactional
	public void delete(String id) {
		if (jdbc.sql("DELETE FROM storage_file WHERE id = :id").param("id", id).update() == 0) {
			return;
		}
		try {
			store.delete(id);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public byte[] read(StoredFile file) {
		try {
			return store.get(file.id());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String safeName(String original) {
		String base = original == null ? "" : original.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		base = base.replaceAll("[\\p{Cntrl}<>:\"|?*]", "").strip();
		while (base.startsWith(".")) {
			base = base.substring(1);
		}
		if (base.isBlank()) {
			base = "file";
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

	/**
	 * The content type from the leading bytes; the name only tells a .docx from an .xlsx
	 * inside a ZIP.
	 */
	static Optional<String> contentType(String name, byte[] c) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (starts(c, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
			return Optional.of("application/pdf");
		}
		if (starts(c, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (starts(c, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(c, 0x50, 0x4B, 0x03, 0x04)) {
			if (lower.endsWith(".docx")) {
				return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
			}
			if (lower.endsWith(".xlsx")) {
				return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			}
			return Optional.empty();
		}
		if (starts(c, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			if (lower.endsWith(".doc")) {
				return Optional.of("application/msword");
			}
			if (lower.endsWith(".xls")) {
				return Optional.of("application/vnd.ms-excel");
			}
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] content, int... prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((content[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
