package org.govhall.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A chain head as the sealer signed it with the Ed25519 key kept outside the database
 * (ADR 0018): "the chain {@code chain} ended at {@code seq} with hash {@code hash} at
 * {@code signedAt}" (real time, never the demo clock). It is published on
 * {@code /transparency}, written to the head journal beside the key and, when RabbitMQ is
 * on, sent to the exchange as {@code audit.head}. Anyone with the public key can check
 * {@link #signature} over the bytes of {@link #message()}.
 *
 * @param chain the identity of the database's chain (a UUID), so that a head of one chain
 * proves nothing of another
 * @param keyId the SHA-256 of the public key (X.509 SubjectPublicKeyInfo, DER),
 * lower-case hex
 * @param signature the Ed25519 signature of {@link #message()}, Base64
 */
public record SignedHead(String chain, long seq, String hash, Instant signedAt, String keyId, String signature) {

	/** The first line of the signed text; a later format would change it. */
	public static final String FORMAT = "govhall-audit-head/1";

	/**
	 * The signed text: five lines, each ending in a line feed: {@value #FORMAT}, the
	 * chain, the seq in decimal, the hash in lower-case hex, and the time as UTC ISO-8601
	 * with six fraction digits and {@code Z}.
	 */
	public String message() {
		return message(chain, seq, hash, signedAt);
	}

	static String message(String chain, long seq, String hash, Instant signedAt) {
		return FORMAT + "\n" + chain + "\n" + seq + "\n" + hash + "\n" + ChainHash.timestamp(signedAt) + "\n";
	}

	byte[] messageBytes() {
		return message().getBytes(StandardCharsets.UTF_8);
	}

}
