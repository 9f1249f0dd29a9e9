package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.ServletException;
import org.awaitility.Awaitility;
import org.govhall.agency.AuthorisationRequest;
import org.govhall.agency.Authorisations;
import org.govhall.cases.CaseCommand;
import org.govhall.cases.CaseHandling;
import org.govhall.cases.CaseIntake;
import org.govhall.cases.CaseReads;
import org.govhall.cases.CaseView;
import org.govhall.cases.SubmitCase;
import org.govhall.catalog.Catalog;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.notification.Notifications;
import org.govhall.supervision.Card;
import org.govhall.supervision.Supervision;
import org.govhall.support.EventPublications;
import org.govhall.support.GovHallTest;
import org.govhall.support.HtmlForm;
import org.govhall.system.AccessControlMatrix.Answer;
import org.govhall.system.AccessControlMatrix.Outcome;
import org.govhall.system.AccessControlMatrix.Row;
import org.govhall.support.RequiredMaterials;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * The access-control matrix (issue 5):
 * {@code src/test/resources/access-control-matrix.md} lists every endpoint the running
 * application maps (controllers, actuator, API docs, static resources, and the login and
 * logout filters), each with a sample request, and says for anonymous visitors and every
 * kind of demo account, including staff of another department or region, what they get.
 * Every cell is requested here: API calls with HTTP Basic, pages with the account's real
 * principal (its {@code StaffScope}) and a CSRF token, changes with a valid body so that
 * an allowed caller reaches the rules behind access. Refused callers are asked first, and
 * the database must be exactly as before once they were refused. An endpoint the table
 * does not list, or a listed one that is gone, fails.
 * <p>
 * It sets its own dates (the demo clock to {@link #START}, then {@link #TODAY}, before
 * any fixture), so it is not {@code @DependsOnToday}: the reruns of {@code mvn verify} at
 * other dates would ask the same 4,488 cells again.
 */
@Tag("abuse")
@GovHallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock(Lanes.IN_PROCESS)
class AccessControlMatrixTests {

	static final String PASSWORD = "govhall-demo";

	/** 食品经营许可 of 示范市市场监督管理局 (reviewer, approver, deptadmin): the cases of the matrix. */
	static final String FOOD = "660100-XK-02001";

	static final String FOOD_FORM = "食品经营许可申请书";

	/**
	 * 建设工程规划许可证核发 of 示范市自然资源和规划局 (reviewer-gh), joint with 住建局 (reviewer-zj) and 生态环境局.
	 */
	static final String PLANNING = "660100-XK-05001";

	static final String PLANNING_FORM = "建设工程规划许可申请表";

	/** 企业注销登记 of 示范市市场监督管理局: the item whose drafts the matrix works on. */
	static final String DRAFTED = "660100-XK-02003";

	/** The demo date the fixtures are made on, before the National Day holiday. */
	static final String START = "2026-09-30";

	/**
	 * The demo date the matrix runs on: the acceptance window of what was received on
	 * {@link #START} has passed.
	 */
	static final String TODAY = "2026-10-14";

	static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	static final byte[] PDF = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n"
			+ "<< /Root 1 0 R >>\n%%EOF\n")
		.getBytes(StandardCharsets.ISO_8859_1);

	/** Requests the login and logout filters answer; no handler mapping lists them. */
	static final Set<String> FILTER_ENDPOINTS = Set.of("POST /login", "POST /logout");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Directory directory;

	@Autowired
	Catalog catalog;

	@Autowired
	Authorisations authorisations;

	@Autowired
	CaseHandling handling;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseReads reads;

	@Autowired
	Supervision supervision;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	/** The values the table's samples name in braces, e.g. {@code {case}}. */
	final Map<String, String> fixtures = new HashMap<>();

	final Map<String, GovHallUser> principals = new ConcurrentHashMap<>();

	/** The request bodies, by the request they go with ({@link Row#request()}). */
	Map<String, Body> bodies = Map.of();

	List<Row> rows = List.of();

	// ---- the tests

	@Test
	void theTableListsEveryEndpointTheApplicationMaps() {
		Set<String> unlisted = mappedEndpoints();
		rows.forEach(row -> unlisted.remove(row.endpoint()));
		assertThat(unlisted).as("endpoints the application maps that %s does not list", AccessControlMatrix.FILE)
			.isEmpty();
	}

	@Test
	void everyEndpointTheTableListsIsMapped() {
		Set<String> known = mappedEndpoints();
		known.addAll(FILTER_ENDPOINTS);
		assertThat(rows.stream().map(Row::endpoint).filter(e -> !known.contains(e)).distinct())
			.as("endpoints %s lists that the application does not map", AccessControlMatrix.FILE)
			.isEmpty();
	}

	@TestFactory
	Stream<DynamicNode> everyCallerGetsWhatTheTableSays() throws Exception {
		List<DynamicNode> nodes = new ArrayList<>();
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		long start = System.nanoTime();
		try {
			for (Row row : rows) {
				Asked asked = row.mutating() ? change(row, pool) : read(row, pool);
				row.outcomes().forEach(o -> counts.merge(o, 1, Integer::sum));
				nodes.add(DynamicContainer.dynamicContainer(row.request(), checks(row, asked)));
			}
		}
		finally {
			pool.shutdown();
		}
		System.out.println(summary(counts, Duration.ofNanos(System.nanoTime() - start)));
		return nodes.stream();
	}

	/**
	 * What a row's callers got, and the tables its refused callers changed (none, if all
	 * is well).
	 */
	record Asked(Map<String, Answer> answers, List<String> changedByRefused) {
	}

	/**
	 * One test per cell; for a change, one that the refused callers changed nothing; one
	 * that the sample hit the row's mapping.
	 */
	static List<DynamicNode> checks(Row row, Asked asked) {
		List<DynamicNode> checks = new ArrayList<>();
		for (String caller : AccessControlMatrix.CALLERS) {
			Outcome expected = row.expected(caller);
			Answer got = asked.answers().get(caller);
			String cell = row.request() + " as " + caller + " → expected " + expected + ", got " + got;
			checks.add(DynamicTest.dynamicTest(cell, () -> assertThat(expected.admits(got)).as(cell).isTrue()));
		}
		if (row.mutating()) {
			checks.add(DynamicTest.dynamicTest(row.request() + ": the refused callers changed nothing",
					() -> assertThat(asked.changedByRefused())
						.as("tables changed by the refused callers of %s", row.request())
						.isEmpty()));
		}
		if (!FILTER_ENDPOINTS.contains(row.endpoint())) {
			Set<String> handledBy = asked.answers()
				.values()
				.stream()
				.map(Answer::handledBy)
				.filter(h -> h != null)
				.collect(Collectors.toCollection(TreeSet::new));
			checks.add(DynamicTest.dynamicTest(row.request() + " reaches " + row.pattern(),
					() -> assertThat(handledBy)
						.as("the mapping that handled %s for the callers who got that far", row.request())
						.containsExactly(row.pattern())));
		}
		return checks;
	}

	/**
	 * Asks every caller, several at a time: reads change nothing, so their order does not
	 * matter.
	 */
	Asked read(Row row, ExecutorService pool) throws Exception {
		return new Asked(ask(row, AccessControlMatrix.CALLERS, pool), List.of());
	}

	/**
	 * Asks the refused callers first, several at a time, and notes which tables they
	 * changed; then the others, one at a time, each once the events of the one before
	 * were handled.
	 */
	Asked change(Row row, ExecutorService pool) throws Exception {
		List<String> refused = AccessControlMatrix.CALLERS.stream().filter(c -> row.expected(c).refusal()).toList();
		Map<String, String> before = fingerprint();
		Map<String, Answer> answers = ask(row, refused, pool);
		awaitQuiet();
		List<String> changed = differences(before, fingerprint());
		for (String caller : AccessControlMatrix.CALLERS) {
			if (!refused.contains(caller)) {
				answers.put(caller, perform(row, caller));
				awaitQuiet();
			}
		}
		return new Asked(answers, changed);
	}

	Map<String, Answer> ask(Row row, List<String> callers, ExecutorService pool) throws Exception {
		Map<String, Future<Answer>> pending = new LinkedHashMap<>();
		for (String caller : callers) {
			pending.put(caller, pool.submit(() -> perform(row, caller)));
		}
		Map<String, Answer> answers = new LinkedHashMap<>();
		for (Map.Entry<String, Future<Answer>> e : pending.entrySet()) {
			answers.put(e.getKey(), e.getValue().get());
		}
		return answers;
	}

	// ---- the endpoints the application maps

	/**
	 * Every endpoint as {@code METHOD pattern}; {@code *} for a mapping without methods,
	 * GET for resources.
	 */
	Set<String> mappedEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		context.getBeansOfType(HandlerMapping.class).forEach((name, mapping) -> {
			if (mapping instanceof RequestMappingInfoHandlerMapping m) {
				for (RequestMappingInfo info : m.getHandlerMethods().keySet()) {
					Set<String> methods = info.getMethodsCondition()
						.getMethods()
						.stream()
						.map(Enum::name)
						.collect(Collectors.toSet());
					for (String pattern : info.getPatternValues()) {
						if (methods.isEmpty()) {
							endpoints.add("* " + pattern);
						}
						methods.forEach(method -> endpoints.add(method + " " + pattern));
					}
				}
			}
			else if (mapping instanceof AbstractUrlHandlerMapping m) {
				m.getHandlerMap().keySet().forEach(pattern -> endpoints.add("GET " + pattern));
				if (m.getRootHandler() != null) {
					endpoints.add("GET /");
				}
			}
			else if (mapping instanceof RouterFunctionMapping m) {
				assertThat(m.getRouterFunction()).as("functional routes: list them in the matrix").isNull();
			}
			else {
				throw new AssertionError("a handler mapping this test cannot read: " + name + " " + mapping.getClass());
			}
		});
		return endpoints;
	}

	// ---- performing a cell

	Answer perform(Row row, String caller) throws Exception {
		String path = resolve(row.sample());
		boolean api = path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs");
		boolean anonymous = caller.equals(AccessControlMatrix.ANONYMOUS);
		HttpMethod method = HttpMethod.valueOf(row.method().equals("*") ? "GET" : row.method());
		Body body = bodies.getOrDefault(row.request(), Body.NONE);
		AbstractMockHttpServletRequestBuilder<?> request = body.request(method, path, anonymous ? null : caller);
		if (api) {
			if (!anonymous) {
				request.with(httpBasic(caller, PASSWORD));
			}
		}
		else {
			request.header(HttpHeaders.ACCEPT, BROWSER_ACCEPT);
			if (!anonymous && !row.endpoint().equals("POST /login")) {
				request.with(user(principal(caller)));
			}
			if (method != HttpMethod.GET) {
				request.with(csrf());
			}
		}
		MvcResult result;
		// requests run on pooled threads: no caller may inherit the security context of
		// the one before
		TestSecurityContextHolder.clearContext();
		try {
			result = mvc.perform(request).andReturn();
		}
		catch (ServletException ex) {
			// an exception no handler answered: what a client would see as 500
			return new Answer(500, null, false, null,
					ex.getRootCause() == null ? ex.toString() : ex.getRootCause().toString());
		}
		finally {
			TestSecurityContextHolder.clearContext();
		}
		MockHttpServletResponse response = result.getResponse();
		boolean refusalShown = response.getStatus() < 300
				&& String.valueOf(response.getContentType()).startsWith("text/html")
				&& response.getContentAsString(StandardCharsets.UTF_8).contains("id=\"refusal\"");
		Object pattern = result.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return new Answer(response.getStatus(), response.getRedirectedUrl(), refusalShown,
				pattern == null ? null : pattern.toString(), null);
	}

	String resolve(String text) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder b = new StringBuilder();
		while (m.find()) {
			String value = fixtures.get(m.group(1));
			assertThat(value).as("fixture {%s} of %s", m.group(1), text).isNotNull();
			m.appendReplacement(b, Matcher.quoteReplacement(value));
		}
		m.appendTail(b);
		return b.toString();
	}

	GovHallUser principal(String username) {
		return principals.computeIfAbsent(username, u -> directory.principal(u).orElseThrow());
	}

	/**
	 * Waits until every event published so far has been handled, so that no listener
	 * writes while we compare.
	 */
	void awaitQuiet() {
		EventPublications.awaitNoneOutstanding(jdbc, Duration.ofSeconds(20));
	}

	// ---- the database before and after the refused callers

	/** A digest of every table's rows (sessions and job locks aside), by table. */
	Map<String, String> fingerprint() {
		Map<String, String> digests = new TreeMap<>();
		List<String> tables = jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'
				""").query(String.class).list();
		for (String table : tables) {
			if (table.startsWith("SPRING_SESSION") || table.equals("SHEDLOCK")) {
				continue;
			}
			List<String> lines = jdbc.sql("SELECT * FROM \"" + table + "\"").query((rs, n) -> {
				StringBuilder line = new StringBuilder();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					line.append(rs.getString(i)).append('\u0001');
				}
				return line.toString();
			}).list();
			digests.put(table, String.valueOf(lines.stream().sorted().toList().hashCode()) + "/" + lines.size());
		}
		return digests;
	}

	static List<String> differences(Map<String, String> before, Map<String, String> after) {
		Set<String> tables = new TreeSet<>(before.keySet());
		tables.addAll(after.keySet());
		return tables.stream()
			.filter(t -> !String.valueOf(before.get(t)).equals(String.valueOf(after.get(t))))
			.toList();
	}

	static String summary(Map<Outcome, Integer> counts, Duration took) {
		int cells = counts.values().stream().mapToInt(Integer::intValue).sum();
		return "Access-control matrix: " + cells / AccessControlMatrix.CALLERS.size() + " sample requests × "
				+ AccessControlMatrix.CALLERS.size() + " callers = " + cells + " cells in " + took.toSeconds()
				+ " s; expected "
				+ counts.entrySet()
					.stream()
					.map(e -> e.getKey() + " " + e.getValue())
					.collect(Collectors.joining(", "));
	}

	// ---- request bodies

	/** How a sample request is built for a caller (null: anonymous). */
	@FunctionalInterface
	interface Body {

		Body NONE = (method, path, caller) -> MockMvcRequestBuilders.request(method, path);

		AbstractMockHttpServletRequestBuilder<?> request(HttpMethod method, String path, @Nullable String caller);

	}

	Body json(String template) {
		return (method, path, caller) -> builder(method, path).contentType(MediaType.APPLICATION_JSON)
			.content(resolve(template));
	}

	Body json(Map<String, ?> value) {
		return json(JSON.writeValueAsString(value));
	}

	static Body form(String... namesAndValues) {
		return (method, path, caller) -> {
			MockHttpServletRequestBuilder b = builder(method, path);
			for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
				b.param(namesAndValues[i], namesAndValues[i + 1]);
			}
			return b;
		};
	}

	static Body form(Map<String, List<String>> params) {
		return (method, path, caller) -> {
			MockHttpServletRequestBuilder b = builder(method, path);
			params.forEach((name, values) -> b.param(name, values.toArray(String[]::new)));
			return b;
		};
	}

	/** A multipart form with one PDF in the part {@code part}, and the given fields. */
	static Body upload(String part, String... namesAndValues) {
		return (method, path, caller) -> {
			MockMultipartHttpServletRequestBuilder b = multipart(path);
			b.file(new MockMultipartFile(part, "材料.pdf", "application/pdf", PDF));
			for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
				b.param(namesAndValues[i], namesAndValues[i + 1]);
			}
			return b;
		};
	}

	/**
	 * The caller signs in with its own password; anonymous tries an account that does not
	 * exist.
	 */
	static Body signIn() {
		return (method, path, caller) -> post(path).param("username", caller == null ? "nobody" : caller)
			.param("password", PASSWORD);
	}

	// ---- fixtures

	@BeforeAll
	void createFixtures() throws Exception {
		rows = AccessControlMatrix.read();
		fixtures.put("today", TODAY);
		fixtures.put("hall", String.valueOf(directory.hallsOf("660100").get(0).id()));
		moveDemoClock(START);
		draftWithPublishedFile();
		cases();
		authorisation();
		moveDemoClock(TODAY);
		cardAndNotice();
		awaitQuiet();
		bodies = bodies();
	}

	/**
	 * The applicant's cases, two of them accepted, with a document and a message; all
	 * received on {@link #START}.
	 */
	void cases() {
		GovHallUser applicant = principal("applicant");
		GovHallUser clerk = principal("clerk");
		String food = heldByClerk(submit(FOOD, FOOD_FORM));
		handling.take(food, new CaseCommand.Acceptance(), clerk);
		fixtures.put("case", food);
		String queryCode = reads.view(food, applicant).queryCode();
		fixtures.put("queryCode", queryCode);
		fixtures.put("wrongCode", (queryCode.startsWith("A") ? "B" : "A") + queryCode.substring(1));
		String joint = submit(PLANNING, PLANNING_FORM);
		handling.take(joint, new CaseCommand.Acceptance(), clerk);
		fixtures.put("jointCase", joint);
		fixtures.put("caseFile", reads.view(food, applicant).materials().get(0).fileId());
		fixtures.put("jointCaseFile", reads.view(joint, applicant).materials().get(0).fileId());
		fixtures.put("withdrawCase", submit(FOOD, FOOD_FORM));
		fixtures.put("redCase", heldByClerk(submit(FOOD, FOOD_FORM)));
		fixtures.put("upload", intake.upload("补正.pdf", PDF, applicant).id());
		fixtures.put("document",
				Awaitility.await()
					.atMost(Duration.ofSeconds(20))
					.until(() -> reads.view(food, clerk).documents(), d -> !d.isEmpty())
					.get(0)
					.number());
		fixtures.put("message",
				String.valueOf(Awaitility.await()
					.atMost(Duration.ofSeconds(20))
					.until(() -> notifications.inbox(applicant, Locale.CHINA), m -> !m.isEmpty())
					.get(0)
					.id()));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> supervision.workbench(principal("supervisor"), Supervision.Filter.ALL_OPEN)
				.stream()
				.anyMatch(c -> c.caseNumber().equals(fixtures.get("redCase"))));
	}

	/**
	 * The case, held by {@code clerk}, whose rows of the table say so: the department's
	 * routing gives online cases to its clerks in turn, and how many cases other test
	 * classes filed before decides whose turn it is, so the department's admin hands it
	 * over (移交) when the turn fell on another.
	 */
	String heldByClerk(String number) {
		GovHallUser clerk = principal("clerk");
		if (!"clerk".equals(reads.view(number, clerk).firstHandler())) {
			handling.take(number, new CaseCommand.Handover("clerk", "测试：由 clerk 首办"), principal("deptadmin"));
		}
		assertThat(reads.view(number, clerk).firstHandler()).isEqualTo("clerk");
		return number;
	}

	/**
	 * The card the clock's move to {@link #TODAY} gave the case nobody handled, and a
	 * supervision notice on it.
	 */
	void cardAndNotice() {
		GovHallUser supervisor = principal("supervisor");
		String red = fixtures.get("redCase");
		Card card = Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> supervision.cards(supervisor, true)
				.stream()
				.filter(c -> red.equals(c.caseNumber()))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		fixtures.put("card", card.number());
		fixtures.put("notice", supervision.issueNotice(red, "请说明办理进度", 5, supervisor).number());
	}

	void moveDemoClock(String date) throws Exception {
		assertThat(
				mvc.perform(post("/staff/demo-clock").param("date", date).with(user(principal("admin"))).with(csrf()))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(302);
	}

	/**
	 * {authorisation}: the agent asks the enterprise for authority over food licences
	 * (ADR 0025), still pending.
	 */
	void authorisation() {
		fixtures.put("authorisation",
				String.valueOf(
						authorisations
							.request(
									new AuthorisationRequest(IdentityKind.CREDIT_CODE, "示范市好味餐饮有限公司",
											"91660100MA0000017K", List.of(FOOD), null, LocalDate.parse("2026-12-31")),
									principal("agent"))
							.id()));
	}

	/** Submits an application online as the applicant, with its application form. */
	String submit(String item, String material) {
		GovHallUser applicant = principal("applicant");
		List<SubmitCase.MaterialFile> files = new ArrayList<>();
		for (String m : RequiredMaterials.completing(RequiredMaterials.of(catalog, item), material)) {
			files.add(new SubmitCase.MaterialFile(m, intake.upload("材料.pdf", PDF, applicant).id()));
		}
		CaseView c = intake.submit(new SubmitCase(item, null, null, null, files), null, applicant);
		return c.number();
	}

	/**
	 * A published version of {@link #DRAFTED} whose first material has a blank template
	 * anyone may download, and a new draft being worked on, with a filled-in sample for
	 * that material.
	 */
	void draftWithPublishedFile() {
		GovHallUser deptadmin = principal("deptadmin");
		catalog.newDraft(DRAFTED, deptadmin);
		String file = catalog.attachMaterialFile(DRAFTED, 0, true, "空表.pdf", PDF, deptadmin)
			.content()
			.materials()
			.get(0)
			.templateFileId();
		catalog.submit(DRAFTED, deptadmin);
		catalog.approve(DRAFTED, principal("legal"));
		fixtures.put("file", file);
		fixtures.put("draftVersion", String.valueOf(catalog.newDraft(DRAFTED, deptadmin).versionNo()));
		fixtures.put("draftFile",
				catalog.attachMaterialFile(DRAFTED, 0, false, "样表.pdf", PDF, deptadmin)
					.content()
					.materials()
					.get(0)
					.sampleFileId());
	}

	/** A JSON answer of the API to a demo account. */
	JsonNode read(String path, String caller) throws Exception {
		MockHttpServletResponse r = mvc.perform(get(path).with(httpBasic(caller, PASSWORD))).andReturn().getResponse();
		assertThat(r.getStatus()).as(path).isEqualTo(200);
		return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
	}

	/**
	 * The draft form of {@link #DRAFTED} as the page renders it for its department
	 * administrator.
	 */
	MultiValueMap<String, String> draftForm() throws Exception {
		String path = "/staff/items/" + DRAFTED + "/edit";
		String html = mvc.perform(get(path).with(user(principal("deptadmin"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return HtmlForm.read(html, path).params();
	}

	Map<String, Body> bodies() throws Exception {
		Map<String, Body> b = new HashMap<>();
		b.put("POST /login", signIn());
		b.put("POST /register", form("username", "acl-register", "password", "govhall-demo-2026", "kind", "RESIDENT_ID",
				"legalName", "陈注册", "identityNumber", "110105198707074564"));
		b.put("POST /api/v1/applicants", json(Map.of("username", "acl-applicant", "password", "govhall-demo-2026",
				"kind", "RESIDENT_ID", "legalName", "陈申请", "identityNumber", "110105198707074564")));

		// directory, calendar, demo clock
		b.put("POST /api/v1/regions", json(Map.of("code", "660103", "nameZh", "示范市新区", "nameEn", "New District",
				"level", "COUNTY", "parentCode", "660100")));
		b.put("POST /api/v1/departments", json(Map.of("code", "660100-ACLA", "nameZh", "示范市测试局", "nameEn",
				"Demo City Test Bureau", "regionCode", "660100", "kind", "GOVERNMENT")));
		Map<String, Object> department = new LinkedHashMap<>(
				JSON.convertValue(read("/api/v1/departments/660100-SCJG", "admin"), Map.class));
		department.remove("id");
		b.put("PUT /api/v1/departments/660100-SCJG", json(department));
		b.put("POST /api/v1/halls", json(
				Map.of("regionCode", "660100", "nameZh", "示范市第二政务服务中心", "nameEn", "Demo City Second Service Center")));
		b.put("POST /api/v1/halls/{hall}/windows", json(Map.of("number", "A90", "nameZh", "测试窗口", "nameEn",
				"Test window", "kind", "DEDICATED", "departmentCodes", List.of("660100-SCJG"))));
		b.put("POST /api/v1/accounts",
				json(Map.of("username", "acl-api-reviewer", "password", "govhall-demo-2026", "displayName", "测试审查",
						"roles", List.of("REVIEWER"), "regionCode", "660100", "departmentCode", "660100-SCJG")));
		JsonNode year = read("/api/v1/calendar/years/2026", "admin");
		Map<String, Object> schedule = new LinkedHashMap<>();
		schedule.put("notice", year.get("notice"));
		schedule.put("noticeDate", year.get("noticeDate"));
		schedule.put("days", year.get("days"));
		b.put("PUT /api/v1/calendar/years/2026", json(schedule));
		b.put("POST /staff/directory/regions", form("code", "660104", "nameZh", "示范市南区", "nameEn", "South District",
				"level", "COUNTY", "parentCode", "660100"));
		b.put("POST /staff/directory/departments", form("code", "660100-ACLP", "nameZh", "示范市试点局", "nameEn",
				"Demo City Pilot Bureau", "regionCode", "660100", "kind", "GOVERNMENT"));
		b.put("POST /staff/directory/halls",
				form("regionCode", "660100", "nameZh", "示范市第三政务服务中心", "nameEn", "Demo City Third Service Center"));
		b.put("POST /staff/directory/halls/{hall}/windows", form("number", "A91", "nameZh", "试点窗口", "nameEn",
				"Pilot window", "kind", "DEDICATED", "departmentCodes", "660100-SCJG"));
		b.put("POST /staff/directory/accounts", form("username", "acl-page-reviewer", "password", "govhall-demo-2026",
				"displayName", "试点审查", "roles", "REVIEWER", "regionCode", "660100", "departmentCode", "660100-SCJG"));
		// accounts after opening (issue 12): the samples' current password and reset
		// token are wrong, so nobody's
		// password changes
		b.put("POST /api/v1/accounts/acl-api-reviewer/roles", json(Map.of("role", "WINDOW_CLERK")));
		b.put("PUT /api/v1/me/password",
				json(Map.of("currentPassword", "not-the-password", "newPassword", "Kestrel-lantern-0427")));
		b.put("POST /api/v1/password-reset",
				json(Map.of("token", "not-a-reset-token", "newPassword", "Kestrel-lantern-0427")));
		b.put("POST /staff/directory/accounts/acl-page-reviewer/roles", form("role", "WINDOW_CLERK"));
		b.put("POST /account/password",
				form("currentPassword", "not-the-password", "newPassword", "Kestrel-lantern-0427"));
		b.put("POST /password-reset", form("token", "not-a-reset-token", "newPassword", "Kestrel-lantern-0427"));
		b.put("PUT /api/v1/routing/660100-SCJG", json(Map.of("mode", "ROUND_ROBIN")));
		b.put("PUT /api/v1/routing/660100-SCJG/clerks/clerk", json(Map.of("onDuty", true, "staffNumber", "NS0101")));
		b.put("POST /staff/routing/660100-SCJG", form("mode", "ROUND_ROBIN"));
		b.put("POST /staff/routing/660100-SCJG/clerks/clerk", form("onDuty", "true", "staffNumber", "NS0101"));
		StringBuilder lines = new StringBuilder();
		year.get("days")
			.forEach(d -> lines.append(d.get("date").asString())
				.append(' ')
				.append(d.get("kind").asString())
				.append(d.get("name").isNull() ? "" : " " + d.get("name").asString())
				.append('\n'));
		b.put("POST /staff/calendar", form("year", "2026", "notice", year.get("notice").asString(), "noticeDate",
				year.get("noticeDate").asString(), "lines", lines.toString()));
		b.put("POST /staff/demo-clock", form("date", fixtures.get("today")));
		// verified identity (ADR 0024)
		b.put("POST /api/v1/applicants/applicant/verification", json(Map.of("originalSeen", true)));
		b.put("POST /staff/identity/applicant", form("originalSeen", "true"));
		b.put("POST /api/v1/enterprise-staff", json(Map.of("staffUsername", "applicant", "validUntil", "2026-12-31")));
		b.put("POST /cases/enterprise-staff", form("staffUsername", "applicant", "validUntil", "2026-12-31"));
		b.put("POST /cases/enterprise-staff/999999/revoke", form());

		// catalog
		JsonNode draft = read("/api/v1/items/" + DRAFTED + "/draft", "deptadmin").get("content");
		b.put("POST /api/v1/items",
				json(Map.of("code", "ACL-API-1", "departmentCode", "660100-SCJG", "content", draft)));
		b.put("PUT /api/v1/items/660100-XK-02003/draft", json(JSON.writeValueAsString(draft)));
		b.put("POST /api/v1/items/660100-XK-02003/draft/return", json(Map.of("note", "请补充设定依据的条款")));
		Map<String, String> end = Map.of("status", "ABOLISHED", "on", fixtures.get("today"), "document", "示范市人民政府令第1号");
		b.put("POST /api/v1/items/660100-JL-02008/end", json(end));
		MultiValueMap<String, String> form = draftForm();
		b.put("POST /staff/items/660100-XK-02003/edit", form(form));
		MultiValueMap<String, String> created = new LinkedMultiValueMap<>(form);
		created.set("code", "ACL-PAGE-1");
		created.set("departmentCode", "660100-SCJG");
		b.put("POST /staff/items/new", form(created));
		b.put("POST /staff/items/660100-XK-02003/materials/0/files", upload("file", "kind", "sample"));
		b.put("POST /staff/items/660100-XK-02003/result-sample", upload("file"));
		// an empty implementation list: a valid body that changes nothing for the callers
		// let through
		b.put("POST /api/v1/implementation-list", json(Map.of("事项", List.of())));
		b.put("POST /staff/items/660100-XK-02003/return", form("note", "请补充设定依据的条款"));
		// a county's record that it has not yet taken a delegated power on (尚未承接)
		b.put("PUT /api/v1/items/660000-XK-00101/delegations/660221/not-taken-on",
				json(Map.of("reason", "县发展和改革局尚未配备核准人员", "targetOn", "2027-06-30")));
		b.put("POST /staff/take-up/660000-XK-00101/660221/not-taken-on",
				form("reason", "县发展和改革局尚未配备核准人员", "targetOn", "2027-06-30"));
		b.put("POST /staff/items/660100-JL-02008/end",
				form("status", "ABOLISHED", "on", fixtures.get("today"), "document", "示范市人民政府令第1号"));

		// applying and cases
		b.put("POST /api/v1/cases/files", upload("file"));
		b.put("POST /api/v1/cases",
				json(Map.of("itemCode", FOOD, "applicant",
						Map.of("kind", "RESIDENT_ID", "name", "王五", "number", "110105198707074564"), "authorization",
						Map.of("documentName", "授权委托书", "validUntil", "2027-12-31"), "materials", List.of())));
		b.put("POST /cases/new", upload("file0", "item", FOOD, "token", "acl-matrix-application"));
		b.put("POST /api/v1/cases/intake",
				json(Map.of("itemCode", "660100-XK-08001", "applicant",
						Map.of("kind", "RESIDENT_ID", "name", "王五", "number", "110105198707074564"), "originalsSeen",
						List.of("护士执业注册申请审核表", "申请人居民身份证", "学历证书及专业学习中的临床实习证明", "护士执业资格考试成绩合格证明", "6个月内健康体检证明",
								"医疗卫生机构拟聘用的相关材料"))));
		Map<String, Object> authority = Map.of("principalKind", "CREDIT_CODE", "principalName", "示范市好味餐饮有限公司",
				"principalNumber", "91660100MA0000017K", "itemCodes", List.of(FOOD), "validUntil", "2026-12-31");
		b.put("POST /api/v1/authorisations", json(authority));
		b.put("POST /authorisations", form("principalKind", "CREDIT_CODE", "principalName", "示范市好味餐饮有限公司",
				"principalNumber", "91660100MA0000017K", "itemCodes", FOOD, "validUntil", "2026-12-31"));
		b.put("POST /api/v1/cases/{case}/authorization-check", json(Map.of("genuine", true)));
		b.put("POST /staff/cases/{case}/authorization-check", form("genuine", "true"));
		String cases = "POST /api/v1/cases/{case}/";
		b.put(cases + "correction-notice",
				json(Map.of("issues", List.of(Map.of("material", FOOD_FORM, "problem", "字迹不清")))));
		b.put(cases + "corrections",
				json(Map.of("materials", List.of(Map.of("material", FOOD_FORM, "fileId", fixtures.get("upload"))))));
		b.put(cases + "refusal", json(Map.of("reasons", "不属于本机关职权范围")));
		b.put("POST /api/v1/cases/{jointCase}/opinions", json(Map.of("verdict", "AGREE")));
		b.put("POST /api/v1/cases/{jointCase}/opinions/660100-ZJJ/chase", json("{}"));
		b.put(cases + "review", json(Map.of("recommendation", "APPROVED", "comments", "材料齐全，符合条件")));
		b.put(cases + "extension", json(Map.of("reason", "需要现场核查")));
		b.put(cases + "suspension", json(Map.of("procedure", "TESTING", "reason", "样品检测")));
		b.put(cases + "resumption", json("{}"));
		b.put(cases + "decision", json(Map.of("outcome", "APPROVED", "scope", "预包装食品销售")));
		b.put(cases + "certificate-revocation", json(Map.of("reason", "以欺骗手段取得许可（行政许可法第六十九条第二款）")));
		b.put(cases + "handover", json(Map.of("to", "clerk", "reason", "休假")));
		b.put("POST /api/v1/cases/handovers",
				json(Map.of("departmentCode", "660100-SCJG", "from", "clerk", "to", "clerk", "reason", "休假")));
		b.put(cases + "fees", json(Map.of("name", "工本费", "amount", 10, "receiptNo", "R-0001")));
		b.put(cases + "delivery", json(Map.of("method", "WINDOW")));
		String pages = "POST /staff/cases/{case}/";
		b.put(pages + "correction-notice", form("issue", "0", "problem0", "字迹不清"));
		b.put(pages + "refusal", form("reasons", "不属于本机关职权范围"));
		b.put("POST /staff/cases/{jointCase}/opinions", form("verdict", "AGREE"));
		b.put("POST /staff/cases/{jointCase}/opinions/660100-ZJJ/chase", form());
		b.put(pages + "review", form("recommendation", "APPROVED", "comments", "材料齐全，符合条件"));
		b.put(pages + "extension", form("reason", "需要现场核查"));
		b.put(pages + "suspension", form("procedure", "TESTING", "reason", "样品检测"));
		b.put(pages + "decision", form("outcome", "APPROVED", "scope", "预包装食品销售"));
		b.put(pages + "certificate-revocation", form("reason", "以欺骗手段取得许可（行政许可法第六十九条第二款）"));
		b.put(pages + "handover", form("to", "clerk", "reason", "休假"));
		b.put("POST /staff/cases/handovers",
				form("department", "660100-SCJG", "from", "clerk", "to", "clerk", "reason", "休假"));
		b.put(pages + "fees", form("name", "工本费", "amount", "10", "receiptNo", "R-0002"));
		b.put(pages + "delivery", form("method", "WINDOW"));
		b.put("POST /cases/{case}/corrections", upload("file0"));

		// supervision
		for (String base : List.of("POST /api/v1/supervision/", "POST /supervision/")) {
			boolean api = base.contains("/api/");
			Map<String, Map<String, Object>> fields = Map.of("cards/{card}/answer",
					Map.of("explanation", "窗口人手不足", "rectification", "增设窗口"), "cards/{card}/review",
					Map.of("accept", false, "comment", "整改措施不具体"), "cards/{card}/accountability", accountability(),
					"cases/{redCase}/accountability", accountability(), "cases/{redCase}/notices",
					Map.of("demand", "请说明办理进度", "responseDays", 5), "notices/{notice}/response",
					Map.of("response", "已督促办理"), "notices/{notice}/close", Map.of("comment", "已办结"));
			fields.forEach((path, value) -> b.put(base + path,
					api ? json(value) : form(value.entrySet()
						.stream()
						.collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(String.valueOf(e.getValue())))))));
		}
		return b;
	}

	static Map<String, Object> accountability() {
		return Map.of("person", "王窗口", "measure", "CRITICISM", "basis", "《示范省行政审批电子监察办法》第十条");
	}

	private static MockHttpServletRequestBuilder builder(HttpMethod method, String path) {
		return MockMvcRequestBuilders.request(method, path);
	}

}
