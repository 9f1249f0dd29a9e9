package org.govhall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.govhall.audit.AuditEntries.Link;
import org.govhall.audit.Verification.Breach;
import org.govhall.shared.AuditEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The hash chain on its own: the canonical form and hash pinned to values computed
 * outside Java, sealing in order, and verification catching an altered, a deleted and a
 * reordered row, a log rewritten after its head was published and a log cut short after
 * it. Each test has a fresh in-memory database migrated with the audit migration only.
 */
class AuditChainTests {

	static final Instant T0 = Instant.parse("2026-11-27T02:03:04.123456789Z");

	String url;

	@TempDir
	Path keyDir;

	DriverManagerDataSource dataSource;

	JdbcClient jdbc;

	AuditEntries entries;

	AuditChain chain;

	@BeforeEach
	void freshDatabase() {
		url = "jdbc:h2:mem:audit-" + System.nanoTime()
				+ ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		dataSource = new DriverManagerDataSource(url, "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/audit").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		entries = new AuditEntries(jdbc, new JdbcTemplate(dataSource));
		chain = new AuditChain(entries, new DataSourceTransactionManager(dataSource),
				Clock.fixed(Instant.parse("2026-11-28T00:30:00Z"), ZoneOffset.UTC),
				HeadKeys.open(keyDir, List.of(), true), event -> {
				}, Duration.ofMinutes(1), 3, 4);
	}

	void append(int n) {
		for (int i = 0; i < n; i++) {
			entries.append(new AuditEvent("admin", "SYSTEM_ADMIN", "catalog.published", "ITEM-" + i,
					"version=" + i + "; 第" + i + "版", T0.plusSeconds(i)), null);
		}
	}

	long seqOf(String subject) {
		return jdbc.sql("SELECT seq FROM audit_entry WHERE subject = :s")
			.param("s", subject)
			.query(Long.class)
			.single();
	}

	// ---- canonical form and hash

	@Test
	void theCanonicalFormIsEightNetstringsInTheDocumentedOrder() {
		byte[] canonical = ChainHash.canonical(ChainHash.GENESIS, "legal", "LEGAL_REVIEWER", "catalog.published",
				"660100-XK-02001", "version=2; 审核通过", T0, 1);

		assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo("64:" + "0".repeat(64)
				+ ",5:legal,14:LEGAL_REVIEWER,17:catalog.published,15:660100-XK-02001,23:version=2; 审核通过,"
				+ "27:2026-11-27T02:03:04.123456Z,1:1,");
	}

	@Test
	void theHashIsSha256OfTheCanonicalFormAsAnyoneCanComputeIt() {
		// computed with Python's hashlib from the netstrings above (ADR 0010), not with
		// this code
		String first = ChainHash.of(ChainHash.GENESIS, "legal", "LEGAL_REVIEWER", "catalog.published",
				"660100-XK-02001", "version=2; 审核通过", T0, 1);
		assertThat(first).isEqualTo("0ddeef106437b798a72706c441953b3ab60ace3d9ded3c5fa976f006138a0ac2");
		assertThat(ChainHash.of(first, "admin", "SYSTEM_ADMIN", "calendar.year-saved", "2027", "loaded",
				Instant.parse("2026-11-27T02:03:05Z"), 2))
			.isEqualTo("6f6cfbb77c1c8a0ccec3ef83a8775a22fb74b9749338d118ee0b95a6f904fc62");
	}

	@Test
	void textInsideAFieldCannotPassForASeparator() {
		String a = ChainHash.of(ChainHash.GENESIS, "a", "R", "x.y", "s,5:t", "d", T0, 1);
		String b = ChainHash.of(ChainHash.GENESIS, "a", "R", "x.y", "s", "t,1:d", T0, 1);
		assertThat(a).isNotEqualTo(b);
		assertThat(ChainHash.of(ChainHash.GENESIS, "ab", "R", "x.y", "s", "d", T0, 1))
			.isNotEqualTo(ChainHash.of(ChainHash.GENESIS, "a", "bR", "x.y", "s", "d", T0, 1));
	}

	@Test
	void timestampsAreUtcWithExactlySixFractionDigits() {
		assertThat(ChainHash.timestamp(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T00:00:00.000000Z");
		assertThat(ChainHash.timestamp(T0)).isEqualTo("2026-11-27T02:03:04.123456Z");
	}

	// ---- appending and sealing

	@Test
	void rowsAreAppendedUnsealedAndSealedInIdOrderWithConsecutiveSeq() {
		append(10);
		assertThat(entries.unsealedCount()).isEqualTo(10);

		assertThat(chain.seal()).isEqualTo(10);

		List<Long> seqs = jdbc.sql("SELECT seq FROM audit_entry ORDER BY id").query(Long.class).list();
		assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		assertThat(entries.unsealedCount()).isZero();
		assertThat(chain.seal()).isZero();
	}

	@Test
	void aRowThatCommitsLateIsSealedInALaterRoundWithoutAGap() throws Exception {
		try (Connection late = dataSource.getConnection()) {
			late.setAutoCommit(false);
			try (PreparedStatement insert = late.prepareStatement("""
					INSERT INTO audit_entry (actor, actor_role, action, subject, detail, occurred_at)
					VALUES ('late', 'SYSTEM', 'test.late', 'LATE', '', ?)""")) {
				insert.setTimestamp(1, Timestamp.from(T0));
				insert.executeUpdate();
			}
			append(2);
			assertThat(chain.seal()).isEqualTo(2);
			late.commit();
		}
		assertThat(chain.seal()).isEqualTo(1);

		assertThat(seqOf("LATE")).isEqualTo(3);
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void appendingTheSameCaseStepTwiceKeepsOneRow() {
		AuditEvent step = new AuditEvent("clerk", "WINDOW_CLERK", "case.accepted", "SL-2026-000001", "", T0);
		assertThat(entries.append(step, "SL-2026-000001|" + ChainHash.timestamp(T0) + "|ACCEPTED")).isTrue();
		assertThat(entries.append(step, "SL-2026-000001|" + ChainHash.timestamp(T0) + "|ACCEPTED")).isFalse();
		assertThat(entries.count()).isEqualTo(1);
	}

	@Test
	void residentIdNumbersAreMaskedAsTheDirectoryShowsThemAndCreditCodesKept() {
		assertThat(AuditEntries.clean("login 110105199003071239 for 91660100MA0000017K", 2000))
			.isEqualTo("login 110105********1239 for 91660100MA0000017K");
		assertThat(AuditEntries.clean("11010519850505678x", 2000)).isEqualTo("110105********678x");
		assertThat(AuditEntries.clean("a\u0000b", 2000)).isEqualTo("a b");
		assertThat(AuditEntries.clean("很长".repeat(10), 5)).isEqualTo("很长很长…");
	}

	// ---- verification

	@Test
	void anIntactChainVerifiesWithItsCountAndHead() {
		assertThat(chain.verify()).satisfies(v -> {
			assertThat(v.intact()).isTrue();
			assertThat(v.entries()).isZero();
			assertThat(v.headHash()).isEqualTo(ChainHash.GENESIS);
		});
		append(10);
		chain.seal();
		append(2);

		Verification v = chain.verify();

		assertThat(v.intact()).isTrue();
		assertThat(v.entries()).isEqualTo(10);
		assertThat(v.headSeq()).isEqualTo(10);
		assertThat(v.headHash())
			.isEqualTo(jdbc.sql("SELECT hash FROM audit_entry WHERE seq = 10").query(String.class).single());
		assertThat(v.unsealed()).isEqualTo(2);
		assertThat(v.brokenSeq()).isNull();
	}

	@Test
	void detectsARowWhoseContentWasAltered() {
		append(10);
		chain.seal();
		jdbc.sql("UPDATE audit_entry SET detail = 'version=1; nothing to see' WHERE seq = 7").update();

		Verification v = chain.verify();

		assertThat(v.intact()).isFalse();
		assertThat(v.brokenSeq()).isEqualTo(7);
		assertThat(v.breach()).isEqualTo(Breach.HASH_MISMATCH);
		assertThat(v.entries()).isEqualTo(6);
	}

	@Test
	void detectsAnAlteredTimeOrActorToo() {
		append(5);
		chain.seal();
		jdbc.sql("UPDATE audit_entry SET occurred_at = occurred_at + INTERVAL '1' SECOND WHERE seq = 2").update();
		assertThat(chain.verify().brokenSeq()).isEqualTo(2);
		jdbc.sql("UPDATE audit_entry SET occurred_at = occurred_at - INTERVAL '1' SECOND WHERE seq = 2").update();
		assertThat(chain.verify().intact()).isTrue();
		jdbc.sql("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = 4").update();
		assertThat(chain.verify()).extracting(Verification::brokenSeq, Verification::breach)
			.containsExactly(4L, Breach.HASH_MISMATCH);
	}

	@Test
	void detectsADeletedRow() {
		append(10);
		chain.seal();
		jdbc.sql("DELETE FROM audit_entry WHERE seq = 5").update();

		Verification v = chain.verify();

		assertThat(v.intact()).isFalse();
		assertThat(v.brokenSeq()).isEqualTo(5);
		assertThat(v.breach()).isEqualTo(Breach.SEQ_GAP);
	}

	@Test
	void detectsADeletedRowWhoseSuccessorsWereRenumbered() {
		append(10);
		chain.seal();
		jdbc.sql("DELETE FROM audit_entry WHERE seq = 5").update();
		for (long s = 6; s <= 10; s++) {
			jdbc.sql("UPDATE audit_entry SET seq = :to WHERE seq = :from").param("to", s - 1).param("from", s).update();
		}

		Verification v = chain.verify();

		assertThat(v.brokenSeq()).isEqualTo(5);
		assertThat(v.breach()).isEqualTo(Breach.PREV_MISMATCH);
	}

	@Test
	void detectsTwoRowsSwappedByExchangingTheirSeq() {
		append(10);
		chain.seal();
		jdbc.sql("UPDATE audit_entry SET seq = -1 WHERE seq = 3").update();
		jdbc.sql("UPDATE audit_entry SET seq = 3 WHERE seq = 4").update();
		jdbc.sql("UPDATE audit_entry SET seq = 4 WHERE seq = -1").update();

		Verification v = chain.verify();

		assertThat(v.intact()).isFalse();
		assertThat(v.brokenSeq()).isEqualTo(3);
		assertThat(v.breach()).isEqualTo(Breach.PREV_MISMATCH);
	}

	@Test
	void detectsALogRewrittenAfterItsHeadWasPublished() {
		append(6);
		PublishedHead head = chain.publishHead(LocalDate.of(2026, 11, 28)).orElseThrow();
		assertThat(head.seq()).isEqualTo(6);
		assertThat(chain.publishHead(LocalDate.of(2026, 11, 28))).isEmpty();
		append(3);
		chain.seal();
		// the day's head, and the latest signed head in the database and in the journal
		assertThat(chain.verify()).extracting(Verification::intact, Verification::headsChecked)
			.containsExactly(true, 3);

		// someone with write access alters row 2 and recomputes every hash after it: the
		// chain is consistent again
		jdbc.sql("UPDATE audit_entry SET detail = 'rewritten' WHERE seq = 2").update();
		rehash(2);
		assertThat(chain.verify(List.of())).satisfies(v -> {
			assertThat(v.intact()).isFalse();
			assertThat(v.brokenSeq()).isEqualTo(6);
			assertThat(v.breach()).isEqualTo(Breach.HEAD_MISMATCH);
			assertThat(v.explanation()).contains("2026-11-28");
		});
	}

	@Test
	void detectsRowsDeletedAtTheEndAfterPublication() {
		append(6);
		chain.publishHead(LocalDate.of(2026, 11, 28));
		jdbc.sql("DELETE FROM audit_entry WHERE seq >= 5").update();

		Verification v = chain.verify();

		assertThat(v.brokenSeq()).isEqualTo(6);
		assertThat(v.breach()).isEqualTo(Breach.HEAD_MISSING);
		assertThat(v.entries()).isEqualTo(4);
	}

	@Test
	void checksAHeadKeptOutsideTheDatabase() {
		append(4);
		chain.seal();
		String hash3 = jdbc.sql("SELECT hash FROM audit_entry WHERE seq = 3").query(String.class).single();
		assertThat(chain.verify(List.of(new Link(3, hash3))).intact()).isTrue();
		assertThat(chain.verify(List.of(new Link(3, ChainHash.GENESIS))))
			.extracting(Verification::brokenSeq, Verification::breach)
			.containsExactly(3L, Breach.HEAD_MISMATCH);
	}

	@Test
	void theCommandPrintsTheResultAndExitsWithZeroOrOne() {
		append(5);
		chain.seal();
		String[] args = { "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
				"--spring.datasource.password=", "--govhall.audit.key-dir=" + keyDir };
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThat(VerifyAuditLog.run(args, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Audit chain INTACT: 5 entries, head seq 5");

		jdbc.sql("UPDATE audit_entry SET subject = 'ITEM-X' WHERE seq = 4").update();
		out.reset();
		assertThat(VerifyAuditLog.run(args, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Audit chain BROKEN at seq 4: HASH_MISMATCH");
	}

	@Test
	void everyBreachHasALabelInBothLanguages() throws Exception {
		for (String bundle : List.of("i18n/audit.properties", "i18n/audit_en.properties")) {
			Properties p = new Properties();
			try (Reader in = new InputStreamReader(new ClassPathResource(bundle).getInputStream(),
					StandardCharsets.UTF_8)) {
				p.load(in);
			}
			for (Breach b : Breach.values()) {
				assertThat(p.getProperty("audit.breach." + b)).as(bundle + " " + b).isNotBlank();
			}
		}
	}

	/**
	 * What a forger would do: recompute prev_hash and hash of every row from a seq on.
	 */
	private void rehash(long from) {
		String prev = jdbc.sql("SELECT hash FROM audit_entry WHERE seq = :s")
			.param("s", from - 1)
			.query(String.class)
			.optional()
			.orElse(ChainHash.GENESIS);
		for (AuditEntry row : entries.sealedAfter(from - 1, 1000)) {
			String hash = ChainHash.of(prev, row, row.seq());
			jdbc.sql("UPDATE audit_entry SET prev_hash = :p, hash = :h WHERE id = :id")
				.param("p", prev)
				.param("h", hash)
				.param("id", row.id())
				.update();
			prev = hash;
		}
	}

}
