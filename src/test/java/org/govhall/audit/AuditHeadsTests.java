package org.govhall.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.govhall.shared.AuditEvent;
import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Signed chain heads in the running application, in demo mode with the training clock
 * (ADR 0018): a head is signed after a seal with the real time even when the demo clock
 * is moved back years, and the day's head carries the real day; the transparency page
 * (Chinese and English) and {@code GET /api/v1/audit/head} publish the head and the
 * public key, with which a witness outside GovHall checks the signature; and when the
 * hashes of sealed rows are cleared in the database the sealer refuses to run and says so
 * on the verification, the transparency page, the health indicator and the metric, until
 * the rows are restored. The scheduled jobs are off: the tests seal by hand.
 */
@GovHallTest
class AuditHeadsTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditJobs jobs;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeterRegistry meters;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
		clock.reset();
	}

	void record(String subject) {
		transactions.executeWithoutResult(s -> events.publishEvent(
				new AuditEvent("admin", "SYSTEM_ADMIN", "catalog.published", subject, "version=1", clock.instant())));
	}

	/**
	 * About 17,000 heads a day under continuous load: the daily job keeps every head of
	 * the last 30 days and the last of each hour before that, so older heads still
	 * witness the chain an hour apart.
	 */
	@Test
	void signedHeadsOlderThanTheRetentionAreThinnedToTheLastOfEachHour() {
		java.time.Instant now = java.time.Instant.now();
		java.time.Instant old = now.minus(java.time.Duration.ofDays(40))
			.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		String chainId = "thin-test";
		List<java.time.Instant> times = List.of(old.plusSeconds(5), old.plusSeconds(1200), old.plusSeconds(3590),
				old.plusSeconds(3600 + 600), now.minus(java.time.Duration.ofDays(2)),
				now.minus(java.time.Duration.ofDays(2)).plusSeconds(60));
		long seq = 0;
		for (java.time.Instant at : times) {
			jdbc.sql("""
					INSERT INTO audit_signed_head (chain, seq, hash, signed_at, key_id, signature)
					VALUES (:chain, :seq, 'h', :at, 'k', 's')
					""")
				.param("chain", chainId)
				.param("seq", ++seq)
				.param("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
				.update();
		}
		try {
			assertThat(chain.thinSignedHeads(java.time.Duration.ofDays(30))).isEqualTo(2);
			assertThat(jdbc.sql("SELECT seq FROM audit_signed_head WHERE chain = :c ORDER BY seq")
				.param("c", chainId)
				.query(Long.class)
				.list()).containsExactly(3L, 4L, 5L, 6L);
			assertThat(chain.thinSignedHeads(java.time.Duration.ofDays(30))).isZero();
		}
		finally {
			jdbc.sql("DELETE FROM audit_signed_head WHERE chain = :c").param("c", chainId).update();
		}
	}

	@Test
	void theDemoClockCannotBackdateAHead() {
		clock.set("2020-01-01T10:00:00");
		record("BACKDATED-1");
		Instant before = Instant.now();
		chain.seal();
		jobs.daily();
		Instant after = Instant.now();

		SignedHead head = chain.signedHeads(1).get(0);
		PublishedHead daily = chain.heads().get(0);
		String verdict = "signed at " + head.signedAt() + ", day " + daily.date() + " (demo clock at " + clock.instant()
				+ ")";
		System.out.println("TAMPER backdating by the demo clock (moved to 2020-01-01): "
				+ (head.signedAt().isBefore(before.minusSeconds(1)) || daily.date().getYear() == 2020 ? "BACKDATED, "
						: "NOT BACKDATED, ")
				+ verdict);

		assertThat(head.signedAt()).isBetween(before.minusSeconds(1), after.plusSeconds(1));
		assertThat(daily.date()).isIn(LocalDate.ofInstant(before, SHANGHAI), LocalDate.ofInstant(after, SHANGHAI));
		assertThat(daily.publishedAt()).isBetween(before.minusSeconds(1), after.plusSeconds(1));
		assertThat(chain.heads()).noneMatch(h -> h.date().getYear() == 2020);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE sealed_at < :t")
			.param("t", java.sql.Timestamp.from(before.minus(Duration.ofHours(1))))
			.query(Long.class)
			.single()).as("rows sealed at a demo time").isZero();
	}

	@Test
	void theTransparencyPageAndTheApiPublishTheSignedHeadAndAWitnessChecksItWithThePublicKey() throws Exception {
		record("WITNESS-1");
		chain.seal();

		Response head = api.get("/api/v1/audit/head", null);
		assertThat(head.status()).isEqualTo(200);
		JsonNode json = head.json();
		SignedHead latest = chain.signedHeads(1).get(0);
		assertThat(json.get("head").get("seq").asLong()).isEqualTo(latest.seq());
		assertThat(json.get("head").get("hash").asString()).isEqualTo(latest.hash());
		assertThat(json.get("message").asString()).isEqualTo(latest.message())
			.startsWith("govhall-audit-head/1\n" + latest.chain() + "\n" + latest.seq() + "\n" + latest.hash() + "\n");

		// what a witness does with nothing but the published JSON
		PublicKey key = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(json.get("publicKey").asString())));
		Signature ed25519 = Signature.getInstance("Ed25519");
		ed25519.initVerify(key);
		ed25519.update(json.get("message").asString().getBytes(StandardCharsets.UTF_8));
		assertThat(ed25519.verify(Base64.getDecoder().decode(json.get("head").get("signature").asString()))).isTrue();
		ed25519.initVerify(key);
		ed25519.update(json.get("message")
			.asString()
			.replace("\n" + latest.seq() + "\n", "\n" + (latest.seq() - 1) + "\n")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(ed25519.verify(Base64.getDecoder().decode(json.get("head").get("signature").asString())))
			.as("a head with another seq does not verify")
			.isFalse();

		MockHttpServletResponse zh = mvc.perform(get("/transparency")).andReturn().getResponse();
		assertThat(zh.getStatus()).isEqualTo(200);
		assertThat(zh.getContentAsString())
			.contains("最新签名链头", "签名公钥", latest.hash(), latest.signature(), "-----BEGIN PUBLIC KEY-----",
					json.get("keyId").asString(), "id=\"signed-head\"")
			.doesNotContain("id=\"sealer-halted\"", "null");
		MockHttpServletResponse en = mvc.perform(get("/transparency").param("lang", "en")).andReturn().getResponse();
		assertThat(en.getContentAsString()).contains("Latest signed head", "Signing public key", latest.hash());
	}

	@Test
	void clearedHashesStopTheSealerWhichSaysSoEverywhereUntilTheRowsAreRestored() throws Exception {
		for (int i = 0; i < 5; i++) {
			record("LAUNDER-" + i);
		}
		chain.seal();
		long end = chain.signedHeads(1).get(0).seq();
		long from = end - 3;
		List<Map<String, Object>> saved = jdbc
			.sql("SELECT id, seq, prev_hash, hash, sealed_at FROM audit_entry " + "WHERE seq >= :from")
			.param("from", from)
			.query()
			.listOfRows();
		jdbc.sql(
				"UPDATE audit_entry SET seq = NULL, prev_hash = NULL, hash = NULL, sealed_at = NULL WHERE seq >= :from")
			.param("from", from)
			.update();
		jdbc.sql("DELETE FROM audit_signed_head").update();
		try {
			record("LAUNDER-after");
			assertThat(chain.seal()).isZero();

			JsonNode v = api.get("/api/v1/audit/verification", "admin").json();
			assertThat(v.get("intact").asBoolean()).isFalse();
			assertThat(v.get("breach").asString()).isEqualTo("HEAD_MISSING");
			assertThat(v.get("sealerHalt").asString()).contains("ends at seq " + (from - 1));
			assertThat(api.get("/api/v1/audit/head", null).json().get("sealerHalted").asString())
				.isEqualTo("TRUNCATED");
			assertThat(mvc.perform(get("/transparency")).andReturn().getResponse().getContentAsString())
				.contains("id=\"sealer-halted\"", "审计日志封存已暂停", "哈希链比已签名的链头短");
			assertThat(api.get("/actuator/health", null).status()).isEqualTo(503);
			assertThat(meters.get("govhall.audit.sealer.halted").gauge().value()).isEqualTo(1.0);
			System.out.println("TAMPER laundering in the running application (hashes cleared from seq " + from
					+ "): sealer REFUSES, verification " + v.get("breach").asString() + ", health 503");
		}
		finally {
			for (Map<String, Object> row : saved) {
				jdbc.sql("UPDATE audit_entry SET seq = :seq, prev_hash = :prev, hash = :hash, sealed_at = :at "
						+ "WHERE id = :id")
					.param("seq", row.get("SEQ"))
					.param("prev", row.get("PREV_HASH"))
					.param("hash", row.get("HASH"))
					.param("at", row.get("SEALED_AT"))
					.param("id", row.get("ID"))
					.update();
			}
		}
		// restored from a backup: the sealer runs again and chains the row recorded
		// meanwhile after the old end
		int sealed = chain.seal();
		assertThat(chain.halt()).isEmpty();
		// the row recorded meanwhile, and the administrator's logins to the API
		assertThat(sealed).isPositive();
		assertThat(chain.signedHeads(1).get(0).seq()).isEqualTo(end + sealed);
		assertThat(jdbc.sql("SELECT seq FROM audit_entry WHERE subject = 'LAUNDER-after'").query(Long.class).single())
			.isGreaterThan(end);
		assertThat(api.get("/api/v1/audit/verification", "admin").json().get("intact").asBoolean()).isTrue();
		assertThat(meters.get("govhall.audit.sealer.halted").gauge().value()).isZero();
	}

}
