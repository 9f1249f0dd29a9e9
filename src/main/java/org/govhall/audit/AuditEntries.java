package org.govhall.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.govhall.shared.AuditEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit tables, in SQL that runs on H2 and PostgreSQL alike. */
@Repository
class AuditEntries {

	static final int ACTOR = 100;

	static final int ROLE = 200;

	static final int ACTION = 60;

	static final int SUBJECT = 300;

	static final int DETAIL = 2000;

	/**
	 * An 18-character resident identity number standing on its own (GB 11643: 17 digits
	 * and a check character).
	 */
	private static final Pattern ID_NUMBER = Pattern
		.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

	private static final String COLUMNS = """
			id, seq, actor, actor_role, action, subject, detail, occurred_at, prev_hash, hash, sealed_at""";

	private static final String HEAD_COLUMNS = "chain, seq, hash, signed_at, key_id, signature";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	AuditEntries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Appends an unsealed row in the current transaction.
	 * @param stepKey a key that makes appending the same fact twice a no-op (case steps),
	 * or none
	 * @return whether a row was added
	 */
	boolean append(AuditEvent event, @Nullable String stepKey) {
		String sql = """
				INSERT INTO audit_entry (actor, actor_role, action, subject, detail, occurred_at, step_key)
				VALUES (:actor, :role, :action, :subject, :detail, :at, :key)
				""" + (stepKey == null ? "" : " ON CONFLICT DO NOTHING");
		return jdbc.sql(sql)
			.param("actor", clean(event.actor(), ACTOR))
			.param("role", clean(event.actorRole(), ROLE))
			.param("action", clean(event.action(), ACTION))
			.param("subject", clean(event.subject(), SUBJECT))
			.param("detail", clean(event.detail(), DETAIL))
			.param("at", utc(event.occurredAt()))
			.param("key", stepKey)
			.update() == 1;
	}

	/** Serializes sealers: every sealing transaction takes this row lock first. */
	void lockForSealing() {
		jdbc.sql("SELECT id FROM audit_seal_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
	}

	/** The last sealed row's seq and hash, none for an empty chain. */
	Optional<Link> lastSealed() {
		return jdbc.sql("""
				SELECT seq, hash FROM audit_entry WHERE seq = (SELECT MAX(seq) FROM audit_entry)
				""").query((rs, n) -> new Link(rs.getLong("seq"), rs.getString("hash"))).optional();
	}

	List<AuditEntry> unsealed(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq IS NULL ORDER BY id LIMIT :limit")
			.param("limit", limit)
			.query(AuditEntries::entry)
			.list();
	}

	/** Seals rows; refuses (and so rolls back) if any of them was sealed meanwhile. */
	void seal(List<Sealing> rows, Instant at) {
		OffsetDateTime sealedAt = utc(at);
		int[] counts = template.batchUpdate("""
				UPDATE audit_entry SET seq = ?, prev_hash = ?, hash = ?, sealed_at = ? WHERE id = ? AND seq IS NULL
				""",
				rows.stream().map(r -> new Object[] { r.seq(), r.prevHash(), r.hash(), sealedAt, r.id() }).toList());
		for (int c : counts) {
			if (c != 1 && c != Statement.SUCCESS_NO_INFO) {
				throw new IllegalStateException("an audit row was sealed by someone else");
			}
		}
	}

	/** Sealed rows after a seq, in seq order. */
	List<AuditEntry> sealedAfter(long seq, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq > :seq ORDER BY seq LIMIT :limit")
			.param("seq", seq)
			.param("limit", limit)
			.query(AuditEntries::entry)
			.list();
	}

	/** The latest rows as recorded, sealed or not, newest first. */
	List<AuditEntry> recent(int offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(AuditEntries::entry)
			.list();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
	}

	long unsealedCount() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE seq IS NULL").query(Long.class).single();
	}

	/** Published heads, newest first. */
	List<PublishedHead> heads() {
		return jdbc.sql("SELECT published_on, seq, hash, published_at FROM audit_head ORDER BY published_on DESC")
			.query((rs, n) -> new PublishedHead(rs.getObject("published_on", LocalDate.class), rs.getLong("seq"),
					rs.getString("hash"), instant(rs, "published_at")))
			.list();
	}

	/** Records the day's head unless that day already has one. */
	boolean publishHead(LocalDate day, Link head, Instant at) {
		return jdbc.sql("""
				INSERT INTO audit_head (published_on, seq, hash, published_at) VALUES (:day, :seq, :hash, :at)
				ON CONFLICT DO NOTHING
				""")
			.param("day", day)
			.param("seq", head.seq())
			.param("hash", head.hash())
			.param("at", utc(at))
			.update() == 1;
	}

	/** The identity of this database's chain, once the sealer has created it. */
	Optional<String> chainId() {
		return jdbc.sql("SELECT id FROM audit_chain ORDER BY created_at LIMIT 1").query(String.class).optional();
	}

	void createChain(String id, Instant at) {
		jdbc.sql("INSERT INTO audit_chain (id, created_at) VALUES (:id, :at)")
			.param("id", id)
			.param("at", utc(at))
			.update();
	}

	/** Whether anything was ever sealed or signed here (a database that is not new). */
	boolean anySealedOrSigned() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE seq IS NOT NULL LIMIT 1) s)
				     + (SELECT COUNT(*) FROM (SELECT 1 FROM audit_signed_head LIMIT 1) h)
				     + (SELECT COUNT(*) FROM (SELECT 1 FROM audit_head LIMIT 1) d)
				""").query(Long.class).single() > 0;
	}

	/**
	 * Rows without a seq that carry traces of a seal (a time of sealing, a hash or a
	 * previous hash): their seal was cleared, and sealing them again would re-chain them.
	 */
	long clearedSeals() {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry
				WHERE seq IS NULL AND (sealed_at IS NOT NULL OR hash IS NOT NULL OR prev_hash IS NOT NULL)
				""").query(Long.class).single();
	}

	Optional<String> hashAt(long seq) {
		return jdbc.sql("SELECT hash FROM audit_entry WHERE seq = :seq")
			.param("seq", seq)
			.query(String.class)
			.optional();
	}

	/**
	 * The signed head with the highest seq (the latest of equals), whatever its
	 * signature.
	 */
	Optional<SignedHead> highestSignedHead() {
		return jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM audit_signed_head ORDER BY seq DESC, signed_at DESC LIMIT 1")
			.query(AuditEntries::signedHead)
			.optional();
	}

	/** The latest signed heads, newest first. */
	List<SignedHead> recentSignedHeads(int limit) {
		return jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM audit_signed_head ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query(AuditEntries::signedHead)
			.list();
	}

	/**
	 * Thins the signed heads older than the cutoff to the last one of each hour per
	 * chain: every head of recent days stays, and older ones remain witnesses of the
	 * chain an hour apart. The head journal outside the database is not touched.
	 */
	int thinSignedHeads(Instant cutoff) {
		return jdbc.sql("""
				DELETE FROM audit_signed_head
				WHERE signed_at < :cutoff
				  AND id NOT IN (SELECT MAX(id) FROM audit_signed_head WHERE signed_at < :cutoff
				                 GROUP BY chain, FLOOR(EXTRACT(EPOCH FROM signed_at) / 3600))
				""").param("cutoff", utc(cutoff)).update();
	}

	void insertSignedHead(SignedHead head) {
		jdbc.sql("""
				INSERT INTO audit_signed_head (chain, seq, hash, signed_at, key_id, signature)
				VALUES (:chain, :seq, :hash, :at, :key, :signature)
				""")
			.param("chain", head.chain())
			.param("seq", head.seq())
			.param("hash", head.hash())
			.param("at", utc(head.signedAt()))
			.param("key", head.keyId())
			.param("signature", head.signature())
			.update();
	}

	private static SignedHead signedHead(ResultSet rs, int n) throws SQLException {
		return new SignedHead(rs.getString("chain"), rs.getLong("seq"), rs.getString("hash"), instant(rs, "signed_at"),
				rs.getString("key_id"), rs.getString("signature"));
	}

	/**
	 * Text as it goes into the log: resident identity numbers masked as
	 * {@code IdNumber.masked()} shows them, control characters (which PostgreSQL may
	 * refuse) turned into spaces, and cut to the column's length.
	 */
	static String clean(String text, int max) {
		String s = ID_NUMBER.matcher(text).replaceAll("$1********$2");
		StringBuilder b = new StringBuilder(s.length());
		s.chars().forEach(c -> b.append(Character.isISOControl(c) && c != '\n' ? ' ' : (char) c));
		s = b.toString();
		if (s.length() <= max) {
			return s;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(s.charAt(end - 1))) {
			end--;
		}
		return s.substring(0, end) + "…";
	}

	private static OffsetDateTime utc(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
		long seq = rs.getLong("seq");
		Long s = rs.wasNull() ? null : seq;
		OffsetDateTime sealed = rs.getObject("sealed_at", OffsetDateTime.class);
		return new AuditEntry(rs.getLong("id"), s, rs.getString("actor"), rs.getString("actor_role"),
				rs.getString("action"), rs.getString("subject"), rs.getString("detail"), instant(rs, "occurred_at"),
				rs.getString("prev_hash"), rs.getString("hash"), sealed == null ? null : sealed.toInstant());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** A sealed position of the chain: its seq and hash. */
	record Link(long seq, String hash) {
	}

	/** What sealing gives one row. */
	record Sealing(long id, long seq, String prevHash, String hash) {
	}

}
