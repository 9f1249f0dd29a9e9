package org.govhall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.govhall.audit.Verification.Breach;
import org.govhall.audit.Verification.Finding;
import org.govhall.shared.AuditEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The tamper suite of issue 12, item 4: what someone with write access to the database
 * (and, for key substitution, to the key directory) does to the audit log, done here to a
 * fresh database, and the verdict of the verification and of the sealer, which is
 * "restarted" (a new instance on the same database and key directory) after each attack.
 * Each scenario prints {@code TAMPER <scenario>: <verdict>}. Before ADR 0018 every one of
 * them passed unnoticed or showed only its first breach: verification stopped at the
 * first broken row, a cut tail verified INTACT until the next daily head, the sealer
 * re-chained rows whose hashes had been cleared, and nothing was signed.
 */
class AuditTamperTests {

	static final Instant T0 = Instant.parse("2026-11-27T02:03:04.123456Z");

	@TempDir
	Path keyDir;

	DriverManagerDataSource dataSource;

	JdbcClient jdbc;

	AuditEntries entries;

	@BeforeEach
	void freshDatabase() {
		dataSource = new DriverManagerDataSource("jdbc:h2:mem:tamper-" + System.nanoTime()
				+ ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/audit").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		entries = new AuditEntries(jdbc, new JdbcTemplate(dataSource));
	}

	/**
	 * GovHall (re)started on the database and the key directory, unpinned as in demo
	 * mode.
	 */
	AuditChain start() {
		return start(HeadKeys.open(keyDir, List.of(), true));
	}

	AuditChain start(HeadKeys keys) {
		return new AuditChain(entries, new DataSourceTransactionManager(dataSource), Clock.systemUTC(), keys, event -> {
		}, Duration.ofMinutes(1), 50, 40);
	}

	void append(int n) {
		int from = (int) entries.count();
		for (int i = from; i < from + n; i++) {
			entries.append(new AuditEvent("admin", "SYSTEM_ADMIN", "catalog.published", "ITEM-" + i, "version=" + i,
					T0.plusSeconds(i)), null);
		}
	}

	static String verdict(Verification v) {
		if (v.intact()) {
			return "verification INTACT (" + v.entries() + " entries)";
		}
		return "DETECTED " + v.breachCount() + " breach(es): "
				+ v.breaches().stream().map(f -> f.breach() + "@" + f.seq()).collect(Collectors.joining(", "));
	}

	static String verdict(Verification v, AuditChain sealer) {
		return verdict(v) + "; sealer " + sealer.halt().map(h -> "REFUSES (" + h.code() + ")").orElse("runs");
	}

	static void report(String scenario, String verdict) {
		System.out.println("TAMPER " + scenario + ": " + verdict);
	}

	static List<Long> seqs(Verification v, Breach breach) {
		return v.breaches().stream().filter(f -> f.breach() == breach).map(Finding::seq).toList();
	}

	@Test
	void editingTwoRowsIsReportedAsTwoBreaches() {
		AuditChain chain = start();
		append(120);
		chain.seal();
		jdbc.sql("UPDATE audit_entry SET detail = 'version=0; nothing to see' WHERE seq = 5").update();
		jdbc.sql("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = 103").update();

		Verification v = start().verify();
		report("edit (rows 5 and 103 altered)", verdict(v));

		assertThat(v.intact()).isFalse();
		assertThat(seqs(v, Breach.HASH_MISMATCH)).containsExactly(5L, 103L);
		assertThat(v.breachCount()).isEqualTo(2);
		assertThat(v.brokenSeq()).isEqualTo(5);
		assertThat(v.walked()).isEqualTo(120);
	}

	@Test
	void deletingRowsInTheMiddleIsReportedAtEachGap() {
		AuditChain chain = start();
		append(120);
		chain.seal();
		jdbc.sql("DELETE FROM audit_entry WHERE seq = 7 OR seq BETWEEN 60 AND 62").update();

		Verification v = start().verify();
		report("middle delete (seq 7 and 60-62)", verdict(v));

		assertThat(seqs(v, Breach.SEQ_GAP)).containsExactly(7L, 60L);
		assertThat(v.breaches()).filteredOn(f -> f.seq() == 60)
			.singleElement()
			.satisfies(f -> assertThat(f.explanation()).contains("60 to 62"));
		assertThat(v.breachCount()).isEqualTo(2);
	}

	@Test
	void deletingTheTailIsTruncationAgainstTheSignedHeadAndStopsTheSealer() {
		AuditChain chain = start();
		append(120);
		chain.seal();
		assertThat(chain.lastSigned()).get().extracting(SignedHead::seq).isEqualTo(120L);
		jdbc.sql("DELETE FROM audit_entry WHERE seq > 110").update();

		AuditChain restarted = start();
		append(3);
		assertThat(restarted.seal()).isZero();
		Verification v = restarted.verify();
		report("tail delete (seq 111-120)", verdict(v, restarted));

		assertThat(v.intact()).isFalse();
		assertThat(v.breach()).isEqualTo(Breach.HEAD_MISSING);
		assertThat(v.brokenSeq()).isEqualTo(120);
		assertThat(v.explanation()).contains("ends at seq 110");
		assertThat(restarted.halt()).get().extracting(AuditChain.Halt::code).isEqualTo(AuditChain.Halt.TRUNCATED);
		assertThat(entries.unsealedCount()).as("the new rows are kept, not chained after seq 110").isEqualTo(3);
		assertThat(v.sealerHalt()).contains("ends at seq 110");
	}

	@Test
	void deletingTheTailAndTheSignedHeadsInTheDatabaseIsCaughtByTheJournal() {
		AuditChain chain = start();
		append(120);
		chain.seal();
		jdbc.sql("DELETE FROM audit_entry WHERE seq > 110").update();
		jdbc.sql("DELETE FROM audit_signed_head").update();
		jdbc.sql("DELETE FROM audit_head").update();

		AuditChain restarted = start();
		restarted.seal();
		Verification v = restarted.verify();
		report("tail delete with the database's heads deleted too", verdict(v, restarted));

		assertThat(v.breach()).isEqualTo(Breach.HEAD_MISSING);
		assertThat(v.brokenSeq()).isEqualTo(120);
		assertThat(restarted.halt()).get().extracting(AuditChain.Halt::code).isEqualTo(AuditChain.Halt.TRUNCATED);
	}

	@Test
	void clearingTheHashesFromRow100OnIsNeverReChainedByTheSealer() {
		AuditChain chain = start();
		append(150);
		chain.seal();
		String hash100 = entries.hashAt(100).orElseThrow();
		// the probe of issue 12: clear seq, prev_hash and hash (and the time of sealing)
		// from row 100 on, forge a row,
		// delete another, remove every head in the database, then let GovHall's own
		// sealer run again after a restart
		jdbc.sql("UPDATE audit_entry SET seq = NULL, prev_hash = NULL, hash = NULL, sealed_at = NULL WHERE seq >= 100")
			.update();
		jdbc.sql("UPDATE audit_entry SET detail = 'forged' WHERE subject = 'ITEM-120'").update();
		jdbc.sql("DELETE FROM audit_entry WHERE subject = 'ITEM-130'").update();
		jdbc.sql("DELETE FROM audit_signed_head").update();

		AuditChain restarted = start();
		int sealed = restarted.seal();
		int again = restarted.seal();
		AuditChain rerun = start();
		int third = rerun.seal();
		Verification v = rerun.verify();
		report("laundering (seq, prev_hash, hash cleared from row 100, sealer restarted and rerun)", verdict(v, rerun));

		assertThat(sealed + again + third).as("rows sealed again").isZero();
		assertThat(entries.lastSealed()).get().extracting(AuditEntries.Link::seq).isEqualTo(99L);
		assertThat(entries.hashAt(100)).isEmpty();
		assertThat(v.intact()).isFalse();
		assertThat(v.breaches()).extracting(Finding::breach).contains(Breach.HEAD_MISSING);
		assertThat(restarted.halt()).get().extracting(AuditChain.Halt::code).isEqualTo(AuditChain.Halt.TRUNCATED);
		assertThat(rerun.halt()).isPresent();
		assertThat(rerun.lastSigned()).as("no head is signed over a laundered chain").isEmpty();
		assertThat(hash100).isNotBlank();
	}

	@Test
	void clearingOnlySomeSealFieldsStopsTheSealerToo() {
		AuditChain chain = start();
		append(120);
		chain.seal();
		// seq cleared, the hashes left: the rows still show they had been sealed
		jdbc.sql("UPDATE audit_entry SET seq = NULL WHERE seq BETWEEN 50 AND 60").update();

		AuditChain restarted = start();
		assertThat(restarted.seal()).isZero();
		Verification v = restarted.verify();
		report("laundering (seq cleared from rows 50-60, hashes kept)", verdict(v, restarted));

		assertThat(restarted.halt()).get().extracting(AuditChain.Halt::code).isEqualTo(AuditChain.Halt.CLEARED);
		assertThat(v.breaches()).extracting(Finding::breach).contains(Breach.SEAL_CLEARED, Breach.SEQ_GAP);
	}

	@Test
	void aSubstitutedKeyIsRefusedWhereThePublicKeyIsPinned() throws Exception {
		HeadKeys original = HeadKeys.open(keyDir, List.of(), true);
		String pin = original.publicKeyBase64();
		AuditChain chain = start(HeadKeys.open(keyDir, List.of(pin), false));
		append(30);
		chain.seal();
		assertThat(chain.verify().intact()).isTrue();

		// the attacker puts a key of their own in the directory and re-signs the head in
		// the database with it
		KeyPair theirs = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		Files.writeString(keyDir.resolve(HeadKeys.PUBLIC_FILE),
				HeadKeys.armour("PUBLIC KEY", theirs.getPublic().getEncoded()));
		Files.writeString(keyDir.resolve(HeadKeys.PRIVATE_FILE),
				HeadKeys.armour("PRIVATE KEY", theirs.getPrivate().getEncoded()));
		SignedHead head = entries.highestSignedHead().orElseThrow();
		String theirId = HeadKeys.keyId(theirs.getPublic());
		Signature s = Signature.getInstance("Ed25519");
		s.initSign(theirs.getPrivate());
		s.update(head.message().getBytes(StandardCharsets.UTF_8));
		jdbc.sql("UPDATE audit_signed_head SET key_id = :k, signature = :s")
			.param("k", theirId)
			.param("s", Base64.getEncoder().encodeToString(s.sign()))
			.update();

		HeadKeys substituted = HeadKeys.open(keyDir, List.of(pin), false);
		AuditChain restarted = start(substituted);
		append(2);
		assertThat(restarted.seal()).isZero();
		Verification v = restarted.verify();
		report("key substitution (pinned public key)", verdict(v, restarted));

		assertThat(substituted.problem()).contains("not the pinned key");
		assertThat(restarted.halt()).get().extracting(AuditChain.Halt::code).isEqualTo(AuditChain.Halt.KEY);
		assertThat(v.breaches()).extracting(Finding::breach).contains(Breach.KEY_MISMATCH, Breach.SIGNATURE_INVALID);
		assertThat(restarted.lastSigned()).isEmpty();
	}

	@Test
	void aSubstitutedKeyIsCaughtByTheHeadsSignedBeforeEvenWithoutAPin() throws Exception {
		AuditChain chain = start();
		append(30);
		chain.seal();
		// the key files replaced (or deleted, so that a new key is made): the heads
		// signed before no longer verify
		Files.delete(keyDir.resolve(HeadKeys.PRIVATE_FILE));
		Files.delete(keyDir.resolve(HeadKeys.PUBLIC_FILE));

		AuditChain restarted = start();
		append(2);
		assertThat(restarted.seal()).isZero();
		Verification v = restarted.verify();
		report("key substitution (no pin: the old heads)", verdict(v, restarted));

		assertThat(restarted.halt()).get().extracting(AuditChain.Halt::code).isEqualTo(AuditChain.Halt.FORGED);
		assertThat(v.breaches()).extracting(Finding::breach).contains(Breach.SIGNATURE_INVALID);
	}

	@Test
	void aForgedHeadInTheDatabaseIsNotTakenForOne() {
		AuditChain chain = start();
		append(10);
		chain.seal();
		jdbc.sql("""
				INSERT INTO audit_signed_head (chain, seq, hash, signed_at, key_id, signature)
				SELECT chain, 5, hash, signed_at, key_id, signature FROM audit_signed_head
				""").update();
		jdbc.sql("UPDATE audit_signed_head SET seq = 999 WHERE seq = 5").update();

		AuditChain restarted = start();
		restarted.seal();
		Verification v = restarted.verify();
		report("forged head (seq 999, a copied signature)", verdict(v, restarted));

		assertThat(restarted.halt()).get().extracting(AuditChain.Halt::code).isEqualTo(AuditChain.Halt.FORGED);
		assertThat(seqs(v, Breach.SIGNATURE_INVALID)).containsExactly(999L);
	}

	@Test
	void aWipedChainIsRefusedWhereTheKeyIsPinned() {
		String pin = HeadKeys.open(keyDir, List.of(), true).publicKeyBase64();
		AuditChain chain = start(HeadKeys.open(keyDir, List.of(pin), false));
		append(40);
		chain.seal();
		// every audit table emptied, the chain identity included: to the database it is a
		// new installation
		jdbc.sql("DELETE FROM audit_entry").update();
		jdbc.sql("DELETE FROM audit_signed_head").update();
		jdbc.sql("DELETE FROM audit_chain").update();

		AuditChain restarted = start(HeadKeys.open(keyDir, List.of(pin), false));
		append(5);
		assertThat(restarted.seal()).isZero();
		Verification v = restarted.verify();
		report("wipe (every audit table emptied, pinned key)", verdict(v, restarted));

		assertThat(restarted.halt()).get().extracting(AuditChain.Halt::code).isEqualTo(AuditChain.Halt.CHAIN);
		assertThat(v.intact()).isFalse();
	}

	@Test
	void anUntouchedChainKeepsSealingAndSigningAfterARestart() {
		AuditChain chain = start();
		append(45);
		chain.seal();
		AuditChain restarted = start();
		append(5);
		assertThat(restarted.seal()).isEqualTo(5);
		Verification v = restarted.verify();
		report("none (restart without tampering)", verdict(v, restarted));

		assertThat(v.intact()).isTrue();
		assertThat(v.signedHead()).isNotNull().extracting(SignedHead::seq).isEqualTo(50L);
		assertThat(restarted.halt()).isEmpty();
		assertThat(restarted.keys().check(v.signedHead())).isNull();
	}

}
