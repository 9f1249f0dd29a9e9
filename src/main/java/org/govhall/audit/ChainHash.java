package org.govhall.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of a sealed row (ADR 0010): {@code SHA-256(prev_hash || content || seq)},
 * where each of the eight fields (prev_hash, actor, actor_role, action, subject, detail,
 * occurred_at, seq) is written in that order as a netstring,
 * {@code <byte length in decimal>:<UTF-8 bytes>,}. The length prefix fixes where each
 * field ends, so no text inside a field can pass for a separator. {@code prev_hash} is
 * the previous row's hash in lower-case hex ({@link #GENESIS} for seq 1),
 * {@code occurred_at} is UTC ISO-8601 with exactly six fraction digits and a {@code Z},
 * {@code seq} is plain decimal. The result is lower-case hex.
 */
final class ChainHash {

	/** The "previous hash" of the first row. */
	static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private ChainHash() {
	}

	static String of(String prevHash, AuditEntry entry, long seq) {
		return of(prevHash, entry.actor(), entry.actorRole(), entry.action(), entry.subject(), entry.detail(),
				entry.occurredAt(), seq);
	}

	static String of(String prevHash, String actor, String actorRole, String action, String subject, String detail,
			Instant occurredAt, long seq) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(canonical(prevHash, actor, actorRole, action, subject, detail, occurredAt, seq)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] canonical(String prevHash, String actor, String actorRole, String action, String subject,
			String detail, Instant occurredAt, long seq) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256 + detail.length() * 3);
		for (String field : new String[] { prevHash, actor, actorRole, action, subject, detail, timestamp(occurredAt),
				Long.toString(seq) }) {
			byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
			out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
			out.write(':');
			out.writeBytes(bytes);
			out.write(',');
		}
		return out.toByteArray();
	}

	/**
	 * An instant as the chain writes it; both databases keep microseconds, so nothing
	 * finer is ever stored.
	 */
	static String timestamp(Instant at) {
		return UTC.format(at.truncatedTo(ChronoUnit.MICROS));
	}

}
