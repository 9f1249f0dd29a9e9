package org.govhall.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.govhall.cases.CaseEvent;
import org.govhall.catalog.Catalog;
import org.govhall.directory.AccountDraft;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.IdNumber;
import org.govhall.support.ApiClient;
import org.govhall.support.GovHallTest;
import org.govhall.support.LoadedYears;
import org.govhall.support.RequiredMaterials;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.MovableClock;
import org.govhall.support.DependsOnToday;
import org.govhall.support.PublishedCaseEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit log in the running application: logins, a catalog publication, a calendar
 * edit, an account and a case step each leave a row; the sealer seals them in order, also
 * while many threads append; the administrators' API and page verify the chain and find a
 * row altered in the database; the transparency page and API publish the head to anyone;
 * and no row holds a resident identity number. The scheduled jobs are off: the tests seal
 * by hand.
 */
@DependsOnToday
@GovHallTest
class AuditLogTests {

	static final String FOOD = "660100-XK-02001";

	/**
	 * An item no other test reads, so that its new version disturbs nobody sharing the
	 * PostgreSQL test database.
	 */
	static final String RETAIL_PHARMACY = "660100-XK-02004";

	static final byte[] PDF = "%PDF-1.4\n%test material\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	/** The demo applicant's resident identity number (demo/directory.json). */
	static final String DEMO_ID_NUMBER = "110105199003071239";

	static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[0-9Xx]");

	static final AtomicInteger NAMES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Directory directory;

	@Autowired
	Catalog catalog;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	PublishedCaseEvents caseEvents;

	@Autowired
	ApplicationContext context;

	@Autowired
	FailedLogins failedLogins;

	/** Writes the counted failed logins as their minute would once over (ADR 0019). */
	void minutePasses() {
		failedLogins.flush(clock.instant().plus(java.time.Duration.ofMinutes(1)));
	}

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	List<AuditEntry> rows(String action, String subject) {
		return jdbc.sql("""
				SELECT id, seq, actor, actor_role, action, subject, detail, occurred_at, prev_hash, hash, sealed_at
				FROM audit_entry WHERE action = :action AND subject = :subject ORDER BY id
				""")
			.param("action", action)
			.param("subject", subject)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getObject("seq", Long.class), rs.getString("actor"),
					rs.getString("actor_role"), rs.getString("action"), rs.getString("subject"), rs.getString("detail"),
					rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("prev_hash"),
					rs.getString("hash"), null))
			.list();
	}

	/**
	 * A fresh agent account with the demo password, so each test's logins are its own.
	 */
	String freshAccount() {
		String username = "audit-" + NAMES.incrementAndGet();
		directory
			.openAccount(new AccountDraft(username, ApiClient.DEMO_PASSWORD, "审计测试", Set.of(Role.AGENT), null, null));
		return username;
	}

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	// ---- what leaves a row

	@Test
	void aFormLoginLeavesARowAndSoDoesAFailedOneWithoutThePassword() throws Exception {
		String username = freshAccount();

		mvc.perform(formLogin("/login").user(username).password("wrong-password-123"));
		mvc.perform(formLogin("/login").user(username).password(ApiClient.DEMO_PASSWORD));
		minutePasses();

		List<AuditEntry> failed = rows("login.failed", username);
		assertThat(failed).singleElement().satisfies(r -> {
			assertThat(r.actor()).isEqualTo(username);
			assertThat(r.actorRole()).isEqualTo(AuditEvent.ANONYMOUS);
			assertThat(r.detail()).contains("attempts=1", "channel=form", "reason=BadCredentials")
				.doesNotContain("wrong-password");
		});
		assertThat(rows("login.succeeded", username)).singleElement().satisfies(r -> {
			assertThat(r.actorRole()).isEqualTo("AGENT");
			assertThat(r.detail()).contains("channel=form");
		});
	}

	@Test
	void aLoginThatCouldNotBeCheckedLeavesNoRow() {
		events.publishEvent(new AuthenticationFailureServiceExceptionEvent(
				UsernamePasswordAuthenticationToken.unauthenticated("audit-unchecked", "some-password"),
				new InternalAuthenticationServiceException("the database is unreachable")));
		events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
				UsernamePasswordAuthenticationToken.unauthenticated("audit-refused", "some-password"),
				new BadCredentialsException("bad credentials")));
		minutePasses();

		assertThat(rows("login.failed", "audit-unchecked")).isEmpty();
		assertThat(rows("login.failed", "audit-refused")).singleElement()
			.satisfies(r -> assertThat(r.detail()).contains("reason=BadCredentials").doesNotContain("some-password"));
	}

	@Test
	void httpBasicLeavesARowPerPasswordCheckNotPerRequest() {
		String username = freshAccount();

		assertThat(api.get("/api/v1/audit/verification", username).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/audit/verification", username).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/audit/verification", username).status()).isEqualTo(403);

		// the first request checks the password; the next two reuse the remembered check
		// (ADR 0006 addendum)
		assertThat(rows("login.succeeded", username)).singleElement()
			.satisfies(r -> assertThat(r.detail()).contains("channel=basic"));
	}

	@Test
	void publishingAnItemVersionLeavesARowInItsTransaction() {
		int before = rows("catalog.published", RETAIL_PHARMACY).size();
		GovHallUser admin = as("admin");
		catalog.newDraft(RETAIL_PHARMACY, admin);
		catalog.submit(RETAIL_PHARMACY, admin);
		catalog.approve(RETAIL_PHARMACY, as("legal"));

		List<AuditEntry> published = rows("catalog.published", RETAIL_PHARMACY);
		assertThat(published).hasSize(before + 1);
		assertThat(published.get(published.size() - 1)).satisfies(r -> {
			assertThat(r.actor()).isEqualTo("legal");
			assertThat(r.actorRole()).isEqualTo("LEGAL_REVIEWER");
			assertThat(r.detail()).contains("version=", "supersedes=");
		});
		assertThat(rows("catalog.submitted", RETAIL_PHARMACY)).last().extracting(AuditEntry::actor).isEqualTo("admin");
	}

	@Test
	void aCalendarEditLeavesARowWithWhatChanged() {
		Map<String, Object> year = Map.of("notice", "国务院办公厅关于2027年部分节假日安排的通知（测试）", "days",
				List.of(Map.of("date", "2027-10-01", "kind", "OFF", "name", "国庆节")));
		assertThat(api.put("/api/v1/calendar/years/2027", "deptadmin", year).status()).isEqualTo(403);
		assertThat(rows("calendar.year-saved", "2027")).isEmpty();

		try {
			assertThat(api.put("/api/v1/calendar/years/2027", "admin", year).status()).isEqualTo(200);

			assertThat(rows("calendar.year-saved", "2027")).singleElement().satisfies(r -> {
				assertThat(r.actor()).isEqualTo("admin");
				assertThat(r.actorRole()).isEqualTo("SYSTEM_ADMIN");
				assertThat(r.detail()).contains("2027-10-01 OFF");
			});
		}
		finally {
			// the other classes of the shared application expect 2027 unloaded
			LoadedYears.forget(context, 2027);
		}
	}

	@Test
	void anAccountOpenedByAnAdministratorLeavesARow() {
		directory.openAccount(
				new AccountDraft("audit-opened", ApiClient.DEMO_PASSWORD, "新账号", Set.of(Role.AGENT), null, null),
				as("admin"));

		assertThat(rows("directory.account-opened", "audit-opened")).singleElement().satisfies(r -> {
			assertThat(r.actor()).isEqualTo("admin");
			assertThat(r.detail()).contains("roles=AGENT");
		});
	}

	@Test
	void aCaseStepLeavesOneRowEvenWhenItsEventIsDeliveredAgain() {
		Response submitted = RequiredMaterials.submit(api, api, "applicant", FOOD, PDF, "食品经营许可申请书");
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String number = submitted.json().get("number").asString();

		AuditEntry row = Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> rows("case.received", number), r -> r.size() == 1)
			.get(0);
		assertThat(row.actor()).isEqualTo("applicant");
		assertThat(row.actorRole()).isEqualTo("APPLICANT");
		assertThat(row.detail()).contains("item=" + FOOD, "state=RECEIVED");

		CaseEvent event = caseEvents.seen()
			.stream()
			.filter(e -> e.facts().caseNumber().equals(number))
			.findFirst()
			.orElseThrow();
		AopTestUtils.<AuditLog>getTargetObject(auditLog).on(event);
		assertThat(rows("case.received", number)).hasSize(1);
	}

	// ---- sealing

	@Test
	void theSealerSealsPendingRowsInOrderAndTheChainVerifies() {
		String username = freshAccount();

		chain.seal();

		List<Long> seqs = jdbc.sql("SELECT seq FROM audit_entry ORDER BY seq").query(Long.class).list();
		assertThat(seqs).doesNotContainNull();
		for (int i = 0; i < seqs.size(); i++) {
			assertThat(seqs.get(i)).isEqualTo(i + 1L);
		}
		assertThat(rows("directory.account-opened", username).get(0).seq()).isEqualTo(seqs.size());
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void concurrentAppendsAreAllSealedExactlyOnceWithConsecutiveSeq() throws Exception {
		int threads = 8;
		int each = 25;
		ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean producing = new AtomicBoolean(true);
		try {
			List<Future<?>> producers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				producers.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < each; i++) {
						int n = i;
						AuditEvent event = new AuditEvent("load-" + thread, AuditEvent.SYSTEM, "test.concurrent-append",
								"T" + thread + "-" + n, "", clock.instant());
						transactions.executeWithoutResult(s -> events.publishEvent(event));
					}
					return null;
				}));
			}
			List<Future<?>> sealers = new ArrayList<>();
			for (int s = 0; s < 2; s++) {
				sealers.add(pool.submit(() -> {
					start.await();
					while (producing.get()) {
						try {
							chain.seal();
						}
						catch (PessimisticLockingFailureException ex) {
							// H2 gives up waiting for the other sealer's lock after a
							// second; the next round seals
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> p : producers) {
				p.get(60, TimeUnit.SECONDS);
			}
			producing.set(false);
			for (Future<?> s : sealers) {
				s.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		chain.seal();

		Map<String, Object> stats = jdbc.sql("""
				SELECT COUNT(*) AS total, COUNT(seq) AS sealed, COUNT(DISTINCT seq) AS distinct_seq,
				       MIN(seq) AS first_seq, MAX(seq) AS last_seq
				FROM audit_entry
				""").query().singleRow();
		long total = ((Number) stats.get("total")).longValue();
		assertThat(((Number) stats.get("sealed")).longValue()).isEqualTo(total);
		assertThat(((Number) stats.get("distinct_seq")).longValue()).isEqualTo(total);
		assertThat(((Number) stats.get("first_seq")).longValue()).isEqualTo(1);
		assertThat(((Number) stats.get("last_seq")).longValue()).isEqualTo(total);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'test.concurrent-append'")
			.query(Long.class)
			.single()).isEqualTo(threads * each);
		assertThat(chain.verify()).extracting(Verification::intact, Verification::entries).containsExactly(true, total);
	}

	// ---- verification

	@Test
	void theAdministratorsApiAnswersIntactThenFindsTheFirstAlteredRow() {
		chain.seal();
		JsonNode ok = api.get("/api/v1/audit/verification", "admin").json();
		assertThat(ok.get("intact").asBoolean()).isTrue();
		assertThat(ok.get("entries").asLong()).isGreaterThan(10);

		long target = 5;
		String detail = jdbc.sql("SELECT detail FROM audit_entry WHERE seq = :s")
			.param("s", target)
			.query(String.class)
			.single();
		try {
			jdbc.sql("UPDATE audit_entry SET detail = 'edited afterwards' WHERE seq = :s").param("s", target).update();

			Response broken = api.get("/api/v1/audit/verification", "admin");

			assertThat(broken.status()).isEqualTo(200);
			assertThat(broken.json().get("intact").asBoolean()).isFalse();
			assertThat(broken.json().get("brokenSeq").asLong()).isEqualTo(target);
			assertThat(broken.json().get("breach").asString()).isEqualTo("HASH_MISMATCH");
			assertThat(broken.json().get("entries").asLong()).isEqualTo(target - 1);
		}
		finally {
			jdbc.sql("UPDATE audit_entry SET detail = :d WHERE seq = :s")
				.param("d", detail)
				.param("s", target)
				.update();
		}
		assertThat(api.get("/api/v1/audit/verification", "admin").json().get("intact").asBoolean()).isTrue();
	}

	@Test
	void onlyTheProvincesSystemAdministratorsMayVerify() throws Exception {
		assertThat(api.get("/api/v1/audit/verification", null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/audit/verification", "admin-bs").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/audit/verification", "deptadmin").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/audit/verification", "supervisor").status()).isEqualTo(403);
		assertThat(mvc.perform(get("/staff/audit").with(user(as("admin-bs")))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(post("/staff/audit/verification").with(user(as("deptadmin"))).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void theWorkbenchOffersTheLogToTheProvincesAdministratorsAndEveryPageLinksTheTransparencyPage() throws Exception {
		assertThat(mvc.perform(get("/staff").with(user(as("admin")))).andReturn().getResponse().getContentAsString())
			.contains("id=\"go-audit\"", "href=\"/staff/audit\"");
		for (String other : List.of("admin-bs", "supervisor", "deptadmin")) {
			assertThat(mvc.perform(get("/staff").with(user(as(other)))).andReturn().getResponse().getContentAsString())
				.as(other)
				.contains("class=\"workbench\"")
				.doesNotContain("href=\"/staff/audit\"");
		}
		for (String page : List.of("/", "/items", "/progress")) {
			assertThat(mvc.perform(get(page)).andReturn().getResponse().getContentAsString()).as(page)
				.contains("href=\"/transparency\"");
		}
	}

	@Test
	void theStaffPageListsRecentEntriesAndVerifiesOnRequest() throws Exception {
		String opened = freshAccount();
		chain.seal();
		GovHallUser admin = as("admin");

		MockHttpServletResponse page = mvc.perform(post("/staff/audit/verification").with(user(admin)).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("审计日志", "id=\"verification-ok\"", "哈希链完整",
				"directory.account-opened", "<td>" + opened + "</td>");
		MockHttpServletResponse english = mvc.perform(get("/staff/audit").param("lang", "en").with(user(admin)))
			.andReturn()
			.getResponse();
		assertThat(english.getContentAsString()).contains("Audit log", "Latest entries");
	}

	@Test
	void theTransparencyPageAndApiShowThePublishedHeadToAnyone() throws Exception {
		LocalDate today = LocalDate.now(clock);
		chain.publishHead(today);
		PublishedHead head = chain.heads().stream().filter(h -> h.date().equals(today)).findFirst().orElseThrow();
		assertThat(head.seq()).isPositive();

		MockHttpServletResponse page = mvc.perform(get("/transparency")).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains(head.hash(), today.toString(), "审计日志链头公示");

		Response heads = api.get("/api/v1/audit/heads", null);
		assertThat(heads.status()).isEqualTo(200);
		// the shared test application (support/GovHallTest) may hold heads other classes
		// published on other days
		JsonNode published = null;
		for (JsonNode h : heads.json()) {
			if (h.get("date").asString().equals(today.toString())) {
				published = h;
			}
		}
		assertThat(published).as("today's head in %s", heads.body()).isNotNull();
		assertThat(published.get("seq").asLong()).isEqualTo(head.seq());
		assertThat(published.get("hash").asString()).isEqualTo(head.hash());

		JsonNode v = api.get("/api/v1/audit/verification", "admin").json();
		assertThat(v.get("intact").asBoolean()).isTrue();
		assertThat(v.get("headsChecked").asInt()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void noRowHoldsAResidentIdentityNumber() throws Exception {
		// not the number LogHygieneTests registers: one account per identity number
		String id = "110105198506061230";
		Response registered = api.post("/api/v1/applicants", null, Map.of("username", "audit-resident", "password",
				ApiClient.DEMO_PASSWORD, "kind", "RESIDENT_ID", "legalName", "刘审计", "identityNumber", id));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		// someone types an identity number as the username
		mvc.perform(formLogin("/login").user(DEMO_ID_NUMBER).password("whatever-it-is"));
		minutePasses();
		assertThat(rows("login.failed", "110105********1239")).hasSize(1);
		assertThat(rows("directory.applicant-registered", "applicant")).singleElement()
			.satisfies(r -> assertThat(r.detail()).isEqualTo("kind=RESIDENT_ID"));

		List<String> texts = jdbc.sql("SELECT actor, actor_role, action, subject, detail FROM audit_entry")
			.query((rs, n) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		assertThat(texts).hasSizeGreaterThan(50);
		for (String text : texts) {
			assertThat(text).doesNotContain(DEMO_ID_NUMBER, id);
			Matcher m = EIGHTEEN.matcher(text);
			while (m.find()) {
				assertThat(IdNumber.isValid(m.group())).as("a resident ID number in: " + text).isFalse();
			}
		}
	}

}
