package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.govhall.calendar.HolidaySchedules;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.support.EventPublications;
import org.govhall.support.ApiClient;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.govhall.system.CaseStepProbeTests.Answer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An attacker's probe of the acts of procedure inside the review (ADR 0030): the notice
 * to interested parties, their statements, the hearing request, its notice and its
 * transcript, taken through {@code POST /api/v1/cases/{number}/{step}} and the staff
 * forms. Wrong roles and other departments, steps from the wrong state, the 5 and 7
 * working days, a presiding officer who reviews, is unknown, of another department or an
 * applicant, transcripts unsigned or dated wrongly, dates and times of every odd form,
 * huge and control-character texts, names that are only separators, periods out of range
 * and of the wrong type, a statement by someone not named: each refused in the
 * requester's language (4xx problem+json, no raw codes), and the database as it was.
 * Markup in every text field comes back escaped on the case page and as text in the PDF
 * notice; the same step posted twice at once is taken once; another applicant and an
 * anonymous caller cannot read a case's acts or notices.
 */
@GovHallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcedureActsProbeTests {

	/** 食品经营许可 of 示范市市场监督管理局. */
	static final String FOOD = "660100-XK-02001";

	static final byte[] PDF = "%PDF-1.4\n%acts probe\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	static final Path STORAGE = Path.of("target/test-files/procedure-acts-probe");

	static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

	static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

	/** A code as the table names it, or a state, an outcome, a role. */
	static final Pattern RAW = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b|\\b(RECEIVED|ACCEPTED|REVIEWED|DECIDED|APPLICANT|"
			+ "DEPARTMENT|ORAL|WRITTEN|HEARING|STATEMENT)\\b|\\berror\\.|\\bstep\\.|\\bnull\\b|\\?\\?");

	static final String MONDAY = "2026-11-02";

	static final String MARKUP = "<script>alert(1)</script><b>粗</b>";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	HolidaySchedules calendar;

	final HttpClient http = HttpClient.newHttpClient();

	ApiClient api;

	/** Waits for acceptance. */
	String received;

	/** Accepted, no act yet. */
	String accepted;

	/** Reviewed by the reviewer. */
	String reviewed;

	/** The parties 李四 and 王五 told, with the right to a hearing. */
	String noticed;

	/** The parties told, without the right to a hearing. */
	String noRight;

	/** A hearing asked for by the department: the clock stands, no notice yet. */
	String requested;

	/** A hearing asked for and noticed for {@link #hearingOn}. */
	String heard;

	LocalDate today;

	LocalDate hearingOn;

	@BeforeAll
	void cases() {
		api = new ApiClient(port);
		clock.set(MONDAY + "T09:00:00");
		today = LocalDate.parse(MONDAY);
		hearingOn = calendar.calendar().addWorkingDays(today, 7);
		received = submit("applicant");
		accepted = accepted("applicant");
		reviewed = accepted("enterprise");
		ok(api.post("/api/v1/cases/" + reviewed + "/review", "reviewer",
				Map.of("recommendation", "APPROVED", "comments", "符合条件")));
		noticed = accepted("applicant");
		ok(api.post("/api/v1/cases/" + noticed + "/interested-parties-notice", "reviewer",
				Map.of("parties", "李四\n王五", "matter", "相邻住户的采光", "statementDays", 5, "hearingRight", true)));
		noRight = accepted("applicant");
		ok(api.post("/api/v1/cases/" + noRight + "/interested-parties-notice", "reviewer",
				Map.of("parties", "李四", "matter", "相邻住户的采光", "statementDays", 5, "hearingRight", false)));
		requested = accepted("applicant");
		ok(api.post("/api/v1/cases/" + requested + "/hearing-request", "reviewer",
				Map.of("requester", "本局", "by", "DEPARTMENT")));
		heard = accepted("applicant");
		ok(api.post("/api/v1/cases/" + heard + "/hearing-request", "reviewer",
				Map.of("requester", "本局", "by", "DEPARTMENT")));
		ok(api.post("/api/v1/cases/" + heard + "/hearing-notice", "reviewer",
				Map.of("hearingOn", hearingOn.toString(), "time", "09:30", "place", "三楼听证室", "presider", "approver")));
		// each user's first HTTP Basic sign-in is audited (login.succeeded): done here,
		// before any snapshot
		for (String user : List.of("applicant", "enterprise", "agent", "clerk", "reviewer", "approver", "reviewer-gh",
				"supervisor", "admin")) {
			api.get("/api/v1/case-steps", user);
		}
	}

	private String submit(String user) {
		ApiClient.Response r = RequiredMaterials.submit(api, api, user, FOOD, PDF);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private String accepted(String user) {
		String number = submit(user);
		ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		return number;
	}

	private static JsonNode ok(ApiClient.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	/** A probe: who posts what to which case's step, and the status it must get. */
	record Probe(String user, String number, String step, String body, int status) {

		String what() {
			return user + " " + step + " " + body.substring(0, Math.min(80, body.length())) + " on " + number;
		}

	}

	static Probe probe(String user, String number, String step, int status, @Nullable Object... fields) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			body.put((String) fields[i], fields[i + 1]);
		}
		return new Probe(user, number, step, JSON.writeValueAsString(body), status);
	}

	static Probe raw(String user, String number, String step, int status, String body) {
		return new Probe(user, number, step, body, status);
	}

	/**
	 * Sends each probe in Chinese and in English and checks the refusal; the database
	 * must be as it was.
	 */
	void refusedAll(List<Probe> probes) throws Exception {
		signedIn(probes.stream().map(Probe::user).distinct().toList());
		DatabaseSnapshot before = snapshot();
		List<String> wrong = new ArrayList<>();
		for (Probe p : probes) {
			for (String lang : List.of("zh-CN", "en")) {
				Answer a = send("POST", "/api/v1/cases/" + p.number() + "/" + p.step(), p.user(), "application/json",
						p.body(), lang);
				String what = p.what() + " [" + lang + "]: " + a.status() + " "
						+ a.body().substring(0, Math.min(400, a.body().length()));
				if (a.status() != p.status() || !a.contentType().startsWith("application/problem+json")) {
					wrong.add(what);
					continue;
				}
				String detail = a.json().path("detail").asString("");
				String own = ownWords(detail, p.body());
				if (detail.isBlank()) {
					wrong.add(what + " (no detail)");
				}
				else if (lang.startsWith("zh") && (!CJK.matcher(own).find() || LATIN_WORD.matcher(own).find())) {
					wrong.add(what + " (not Chinese: " + own + ")");
				}
				else if (lang.equals("en") && CJK.matcher(own).find()) {
					wrong.add(what + " (not English: " + own + ")");
				}
				Matcher raw = RAW.matcher(own);
				if (raw.find()) {
					wrong.add(what + " (raw code " + raw.group() + ")");
				}
			}
		}
		assertThat(wrong).as("probes not refused as expected").isEmpty();
		assertThat(snapshot().differencesFrom(before)).isEmpty();
	}

	/**
	 * The detail without what the request itself sent and the names of the parties it
	 * lists (the applicant 张三, the parties 李四 and 王五): the words of the hall.
	 */
	static String ownWords(String detail, String body) {
		String own = detail;
		JsonNode sent = null;
		try {
			sent = body.startsWith("{") ? JSON.readTree(body) : null;
		}
		catch (RuntimeException ex) {
			// broken JSON: nothing of it is echoed
		}
		if (sent != null) {
			for (var field : sent.properties()) {
				String value = field.getValue().isString() ? field.getValue().asString() : field.getValue().toString();
				if (value.strip().length() > 1) {
					own = own.replace(value.strip(), " ");
				}
			}
		}
		// JSON is the name of the format the body is in, as PDF is the notices'
		return own.replace("张三", " ").replace("李四", " ").replace("王五", " ").replace("、", " ").replace("JSON", " ");
	}

	// ---- who may take the steps

	@Test
	void theStepsAreRefusedToRolesTheyDoNotNameAndToOtherDepartmentsAndChangeNothing() throws Exception {
		clock.set(MONDAY + "T10:00:00");
		List<Probe> probes = new ArrayList<>();
		record Step(String number, String segment, Object[] fields) {
		}
		List<Step> steps = List.of(
				new Step(accepted, "interested-parties-notice",
						new Object[] { "parties", "李四", "matter", "采光", "statementDays", 5, "hearingRight", true }),
				new Step(noticed, "statements", new Object[] { "party", "李四", "summary", "反对" }),
				new Step(noticed, "hearing-request", new Object[] { "requester", "李四", "by", "INTERESTED_PARTY" }),
				new Step(requested, "hearing-notice",
						new Object[] { "hearingOn", hearingOn.toString(), "time", "09:30", "place", "三楼", "presider",
								"approver" }),
				new Step(heard, "hearing-transcript", new Object[] { "heldOn", hearingOn.toString(), "participants",
						"李四", "transcript", "记录", "signed", true }));
		for (Step s : steps) {
			// the parties, an agent, supervision and the administrator: not the
			// department's to take
			for (String user : List.of("applicant", "enterprise", "agent", "supervisor", "admin")) {
				probes.add(probe(user, s.number(), s.segment(), user.equals("applicant") ? 403 : 404, s.fields()));
			}
			// a reviewer of another department does not see the case
			probes.add(probe("reviewer-gh", s.number(), s.segment(), 404, s.fields()));
		}
		// staff of the department in a role the step does not name
		probes.add(probe("clerk", accepted, "interested-parties-notice", 403, steps.get(0).fields()));
		probes.add(probe("approver", accepted, "interested-parties-notice", 403, steps.get(0).fields()));
		probes.add(probe("approver", noticed, "statements", 403, steps.get(1).fields()));
		probes.add(probe("approver", noticed, "hearing-request", 403, steps.get(2).fields()));
		probes.add(probe("clerk", requested, "hearing-notice", 403, steps.get(3).fields()));
		probes.add(probe("clerk", heard, "hearing-transcript", 403, steps.get(4).fields()));
		refusedAllLenient(probes);
	}

	/**
	 * As {@link #refusedAll}, where a caller who may not see the case may get 404 or 403:
	 * either, as long as it is refused in words and changes nothing.
	 */
	void refusedAllLenient(List<Probe> probes) throws Exception {
		List<Probe> exact = new ArrayList<>();
		for (Probe p : probes) {
			if (p.status() == 404) {
				Answer a = send("POST", "/api/v1/cases/" + p.number() + "/" + p.step(), p.user(), "application/json",
						p.body(), "en");
				exact.add(new Probe(p.user(), p.number(), p.step(), p.body(), a.status() == 403 ? 403 : 404));
			}
			else {
				exact.add(p);
			}
		}
		refusedAll(exact);
	}

	// ---- from the wrong state, out of order

	@Test
	void stepsOutOfOrderOrFromTheWrongStateAreConflictsAndChangeNothing() throws Exception {
		clock.set(MONDAY + "T10:00:00");
		Object[] notice = { "parties", "李四", "matter", "采光", "statementDays", 5, "hearingRight", true };
		refusedAll(List.of(probe("reviewer", received, "interested-parties-notice", 409, notice),
				probe("reviewer", reviewed, "interested-parties-notice", 409, notice),
				probe("clerk", received, "statements", 409, "party", "张三", "summary", "反对"),
				probe("reviewer", reviewed, "statements", 409, "party", "张三", "summary", "反对"),
				// no notice to state against
				probe("clerk", accepted, "statements", 409, "party", "张三", "summary", "反对"),
				probe("clerk", received, "hearing-request", 409, "requester", "本局", "by", "DEPARTMENT"),
				// no hearing asked for, or none noticed
				probe("reviewer", accepted, "hearing-notice", 409, "hearingOn", hearingOn.toString(), "time", "09:30",
						"place", "三楼", "presider", "approver"),
				probe("reviewer", accepted, "hearing-transcript", 409, "heldOn", MONDAY, "participants", "李四",
						"transcript", "记录", "signed", true),
				probe("reviewer", requested, "hearing-transcript", 409, "heldOn", MONDAY, "participants", "李四",
						"transcript", "记录", "signed", true),
				// the clock stands for the hearing: no notice to parties meanwhile
				probe("reviewer", requested, "interested-parties-notice", 422, notice)));
	}

	// ---- the hearing's periods and its presiding officer

	@Test
	void aHearingRequestNeedsTheRightToldComesWithinItsFiveDaysAndOnlyOnce() throws Exception {
		clock.set(MONDAY + "T10:00:00");
		refusedAll(List.of(
				// never told of the right
				probe("clerk", accepted, "hearing-request", 422, "requester", "李四", "by", "INTERESTED_PARTY"),
				probe("clerk", noRight, "hearing-request", 422, "requester", "李四", "by", "APPLICANT"),
				// a hearing already asked for
				probe("clerk", requested, "hearing-request", 409, "requester", "李四", "by", "DEPARTMENT"),
				probe("clerk", heard, "hearing-request", 409, "requester", "李四", "by", "DEPARTMENT"),
				// received before acceptance, or tomorrow
				probe("clerk", noticed, "hearing-request", 400, "requester", "李四", "by", "INTERESTED_PARTY",
						"receivedOn", "2026-01-05"),
				probe("clerk", noticed, "hearing-request", 400, "requester", "李四", "by", "INTERESTED_PARTY",
						"receivedOn", "2026-11-03"),
				probe("clerk", noticed, "hearing-request", 400, "requester", "李四", "by", "WHOEVER")));
		// after its 5 working days: named in the refusal
		LocalDate window = calendar.calendar().addWorkingDays(today, 5);
		LocalDate late = calendar.calendar().addWorkingDays(window, 1);
		clock.set(late + "T10:00:00");
		refusedAll(List.of(probe("clerk", noticed, "hearing-request", 422, "requester", "李四", "by", "INTERESTED_PARTY",
				"receivedOn", late.toString())));
		Answer a = send("POST", "/api/v1/cases/" + noticed + "/hearing-request", "clerk", "application/json",
				"{\"requester\":\"李四\",\"by\":\"INTERESTED_PARTY\"}", "zh-CN");
		assertThat(a.json().get("detail").asString()).contains(window.toString());
	}

	@Test
	void aHearingNoticeComesSevenWorkingDaysAheadWithAPresidingOfficerOfTheDepartmentWhoDoesNotReview()
			throws Exception {
		clock.set(MONDAY + "T10:00:00");
		String on = hearingOn.toString();
		LocalDate earliest = calendar.calendar().addWorkingDays(today, 7);
		List<Probe> probes = new ArrayList<>();
		for (String day : List.of(earliest.minusDays(1).toString(), MONDAY)) {
			probes.add(probe("reviewer", requested, "hearing-notice", 400, "hearingOn", day, "time", "09:30", "place",
					"三楼", "presider", "approver"));
		}
		// the reviewer presides over the hearing of what they review; unknown, another
		// department's, an applicant, a supervisor, the administrator, empty, too long
		for (String presider : List.of("reviewer", " reviewer ", "nobody", "reviewer-gh", "applicant", "supervisor",
				"admin", "Reviewer", " ", "x".repeat(65))) {
			probes.add(probe("reviewer", requested, "hearing-notice", 400, "hearingOn", on, "time", "09:30", "place",
					"三楼", "presider", presider));
		}
		refusedAll(probes);
		Answer nobody = send("POST", "/api/v1/cases/" + requested + "/hearing-notice", "reviewer", "application/json",
				"{\"hearingOn\":\"" + on + "\",\"time\":\"09:30\",\"place\":\"三楼\",\"presider\":\"nobody\"}", "en");
		assertThat(nobody.json().get("detail").asString()).contains("nobody");
		Answer soon = send("POST", "/api/v1/cases/" + requested + "/hearing-notice", "reviewer", "application/json",
				"{\"hearingOn\":\"" + MONDAY + "\",\"time\":\"09:30\",\"place\":\"三楼\",\"presider\":\"approver\"}",
				"zh-CN");
		assertThat(soon.json().get("detail").asString()).contains(earliest.toString());
	}

	@Test
	void theReviewerWhoReviewedMayNotPresideWhoeverGivesTheNotice() throws Exception {
		clock.set(MONDAY + "T10:00:00");
		String number = accepted("applicant");
		ok(api.post("/api/v1/cases/" + number + "/review", "reviewer",
				Map.of("recommendation", "APPROVED", "comments", "符合条件")));
		ok(api.post("/api/v1/cases/" + number + "/hearing-request", "reviewer",
				Map.of("requester", "本局", "by", "DEPARTMENT")));
		refusedAll(List.of(probe("approver", number, "hearing-notice", 400, "hearingOn", hearingOn.toString(), "time",
				"09:30", "place", "三楼", "presider", "reviewer")));
	}

	@Test
	void aTranscriptIsSignedAndDatedOnOrAfterTheDayNoticedAndNotInTheFuture() throws Exception {
		LocalDate after = hearingOn.plusDays(1);
		clock.set(after + "T10:00:00");
		refusedAll(List.of(
				probe("approver", heard, "hearing-transcript", 400, "heldOn", hearingOn.toString(), "participants",
						"李四", "transcript", "记录", "signed", false),
				probe("approver", heard, "hearing-transcript", 400, "heldOn", hearingOn.toString(), "participants",
						"李四", "transcript", "记录"),
				probe("approver", heard, "hearing-transcript", 400, "heldOn", hearingOn.toString(), "participants",
						"李四", "transcript", "记录", "signed", "perhaps"),
				probe("approver", heard, "hearing-transcript", 400, "heldOn", hearingOn.minusDays(1).toString(),
						"participants", "李四", "transcript", "记录", "signed", true),
				probe("approver", heard, "hearing-transcript", 400, "heldOn", after.plusDays(1).toString(),
						"participants", "李四", "transcript", "记录", "signed", true),
				probe("approver", heard, "hearing-transcript", 400, "heldOn", "2100-12-31", "participants", "李四",
						"transcript", "记录", "signed", true)));
	}

	// ---- statements

	@Test
	void aStatementComesFromTheApplicantOrAPartyNamedReceivedBetweenTheNoticeAndToday() throws Exception {
		clock.set(MONDAY + "T10:00:00");
		refusedAll(List.of(probe("clerk", noticed, "statements", 400, "party", "赵六", "summary", "反对"),
				probe("clerk", noticed, "statements", 400, "party", "李四、王五", "summary", "反对"),
				probe("clerk", noticed, "statements", 400, "party", "李", "summary", "反对"),
				probe("clerk", noticed, "statements", 400, "party", "、", "summary", "反对"),
				probe("clerk", noticed, "statements", 400, "party", "李四", "summary", "反对", "receivedOn", "2026-10-30"),
				probe("clerk", noticed, "statements", 400, "party", "李四", "summary", "反对", "receivedOn", "2026-11-03"),
				probe("clerk", noticed, "statements", 400, "party", "李四", "summary", "  "),
				probe("clerk", noticed, "statements", 400, "party", "李四", "summary", "反对", "oral", "sometimes")));
		Answer a = send("POST", "/api/v1/cases/" + noticed + "/statements", "clerk", "application/json",
				"{\"party\":\"赵六\",\"summary\":\"反对\"}", "zh-CN");
		assertThat(a.json().get("detail").asString()).contains("李四").contains("王五").contains("张三");
	}

	// ---- values of every odd form

	@Test
	void datesTimesTextsAndPeriodsOfEveryOddFormAreRefusedAndChangeNothing() throws Exception {
		LocalDate after = hearingOn.plusDays(1);
		clock.set(MONDAY + "T10:00:00");
		List<Probe> probes = new ArrayList<>();
		// an empty or blank date is no date: for the days received, which default to
		// today, it is left out (not probed here); for the hearing's day, required, it is
		// refused
		List<Object> badDates = List.of("+999999999-12-31", "0000-01-01", "1899-12-31", "2101-01-01", "2026-02-30",
				"02/11/2026", 20261102, "-2026-11-02", "2026-11-2");
		for (Object d : badDates) {
			probes.add(probe("reviewer", requested, "hearing-notice", 400, "hearingOn", d, "time", "09:30", "place",
					"三楼", "presider", "approver"));
			probes.add(probe("clerk", noticed, "statements", 400, "party", "李四", "summary", "反对", "receivedOn", d));
			probes.add(probe("clerk", noticed, "hearing-request", 400, "requester", "李四", "by", "INTERESTED_PARTY",
					"receivedOn", d));
		}
		probes.add(probe("reviewer", requested, "hearing-notice", 400, "hearingOn", "", "time", "09:30", "place", "三楼",
				"presider", "approver"));
		probes.add(probe("reviewer", requested, "hearing-notice", 400, "hearingOn", null, "time", "09:30", "place",
				"三楼", "presider", "approver"));
		for (String time : List.of("24:00", "9:3", "09:30:00", " 09:30", "09:30 ", "", "09.30", "９:３０", "09:60",
				"-1:00", "0930")) {
			probes.add(probe("reviewer", requested, "hearing-notice", 400, "hearingOn", hearingOn.toString(), "time",
					time, "place", "三楼", "presider", "approver"));
		}
		// periods for statements out of 3..20 working days, or not a number
		for (Object days : new Object[] { 0, 2, 21, -1, "abc", null, 5.5, 2147483648L, "" }) {
			probes.add(probe("reviewer", accepted, "interested-parties-notice", 400, "parties", "李四", "matter", "采光",
					"statementDays", days, "hearingRight", true));
		}
		// names that are only separators, texts over their limits or with control
		// characters
		for (String parties : List.of("、", "、、 ，\n;；", "\n\n", " ", "李四\u0000", "李四\u001b[31m", "长".repeat(1001))) {
			probes.add(probe("reviewer", accepted, "interested-parties-notice", 400, "parties", parties, "matter", "采光",
					"statementDays", 5));
		}
		for (String text : List.of("长".repeat(1001), "采光\u0000", "采光\u0007", "  ")) {
			probes.add(probe("reviewer", accepted, "interested-parties-notice", 400, "parties", "李四", "matter", text,
					"statementDays", 5));
		}
		// 600,000 bytes: over what any step's body may hold (ADR 0031), refused before it
		// is read
		probes.add(probe("reviewer", accepted, "interested-parties-notice", 413, "parties", "李四", "matter",
				"长".repeat(200_000), "statementDays", 5));
		probes.add(probe("clerk", noticed, "statements", 400, "party", "李四", "summary", "长".repeat(2001)));
		probes.add(probe("clerk", noticed, "statements", 400, "party", "李四", "summary", "反对\u0000"));
		probes.add(probe("clerk", noticed, "statements", 400, "party", "长".repeat(101), "summary", "反对"));
		probes.add(probe("clerk", noticed, "hearing-request", 400, "requester", "长".repeat(101), "by",
				"INTERESTED_PARTY"));
		probes.add(probe("clerk", noticed, "hearing-request", 400, "requester", "李四\u0000", "by", "INTERESTED_PARTY"));
		probes.add(probe("clerk", noticed, "hearing-request", 400, "requester", "\u0085", "by", "INTERESTED_PARTY"));
		probes.add(probe("reviewer", requested, "hearing-notice", 400, "hearingOn", hearingOn.toString(), "time",
				"09:30", "place", "长".repeat(201), "presider", "approver"));
		probes.add(probe("reviewer", requested, "hearing-notice", 400, "hearingOn", hearingOn.toString(), "time",
				"09:30", "place", "三楼\u0000", "presider", "approver"));
		// the wrong shapes
		probes.add(raw("reviewer", accepted, "interested-parties-notice", 400,
				"{\"parties\":[\"李四\"],\"matter\":\"采光\",\"statementDays\":5}"));
		probes.add(raw("reviewer", accepted, "interested-parties-notice", 400, "[]"));
		probes.add(raw("reviewer", accepted, "interested-parties-notice", 400, "null"));
		probes.add(raw("clerk", noticed, "statements", 400, "{\"party\":\"李四\",\"summary\":\"反对\""));
		refusedAll(probes);
		// the transcript on the day after the hearing
		clock.set(after + "T10:00:00");
		List<Probe> transcripts = new ArrayList<>();
		transcripts.add(probe("approver", heard, "hearing-transcript", 400, "heldOn", "", "participants", "李四",
				"transcript", "记录", "signed", true));
		transcripts.add(probe("approver", heard, "hearing-transcript", 400, "heldOn", "", "participants", "李四",
				"transcript", "记录", "signed", true));
		for (Object d : badDates) {
			transcripts.add(probe("approver", heard, "hearing-transcript", 400, "heldOn", d, "participants", "李四",
					"transcript", "记录", "signed", true));
		}
		transcripts.add(probe("approver", heard, "hearing-transcript", 400, "heldOn", hearingOn.toString(),
				"participants", "长".repeat(1001), "transcript", "记录", "signed", true));
		transcripts.add(probe("approver", heard, "hearing-transcript", 400, "heldOn", hearingOn.toString(),
				"participants", "李四", "transcript", "长".repeat(4001), "signed", true));
		transcripts.add(probe("approver", heard, "hearing-transcript", 400, "heldOn", hearingOn.toString(),
				"participants", "李四", "transcript", "记录\u0000", "signed", true));
		transcripts.add(probe("approver", heard, "hearing-transcript", 400, "heldOn", hearingOn.toString(),
				"participants", "\u0000", "transcript", "记录", "signed", true));
		refusedAll(transcripts);
	}

	// ---- markup in every text field

	@Test
	void markupInEveryTextFieldIsShownAsTextOnTheCasePagesAndInTheNotices() throws Exception {
		clock.set(MONDAY + "T10:00:00");
		String number = accepted("applicant");
		String party = "<i>李四</i>";
		ok(api.post("/api/v1/cases/" + number + "/interested-parties-notice", "reviewer", Map.of("parties",
				party + "\n" + MARKUP, "matter", MARKUP + "采光", "statementDays", 3, "hearingRight", true)));
		ok(api.post("/api/v1/cases/" + number + "/statements", "clerk",
				Map.of("party", party, "summary", MARKUP + "反对", "oral", true)));
		ok(api.post("/api/v1/cases/" + number + "/hearing-request", "clerk",
				Map.of("requester", MARKUP, "by", "INTERESTED_PARTY")));
		ok(api.post("/api/v1/cases/" + number + "/hearing-notice", "reviewer", Map.of("hearingOn", hearingOn.toString(),
				"time", "09:30", "place", "<img src=x onerror=alert(1)>三楼", "presider", "approver")));
		clock.set(hearingOn + "T15:00:00");
		ok(api.post("/api/v1/cases/" + number + "/hearing-transcript", "approver", Map.of("heldOn",
				hearingOn.toString(), "participants", MARKUP + "李四", "transcript", MARKUP + "记录", "signed", true)));

		for (MockHttpServletRequestBuilder page : List.of(get("/staff/cases/" + number).with(user(as("reviewer"))),
				get("/cases/" + number).with(user(as("applicant"))))) {
			MvcResult result = mvc.perform(page).andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<i>李四");
			assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.contains("&lt;img src=x onerror=alert(1)&gt;三楼");
		}
		// the notices print the markup as the text it is
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode docs = ok(api.get("/api/v1/cases/" + number, "applicant")).get("documents");
			assertThat(docs.findValuesAsString("kind").stream().filter("PROCEDURE_NOTICE"::equals)).hasSize(2);
		});
		List<String> texts = new ArrayList<>();
		for (JsonNode doc : ok(api.get("/api/v1/cases/" + number, "applicant")).get("documents")) {
			if ("PROCEDURE_NOTICE".equals(doc.get("kind").asString())) {
				texts.add(pdfText(
						bytes("/api/v1/cases/" + number + "/documents/" + doc.get("number").asString(), "applicant")));
			}
		}
		// the PDF's text without its spaces
		assertThat(String.join("\n", texts)).contains("<script>alert(1)</script><b>粗</b>采光")
			.contains("<imgsrc=xonerror=alert(1)>三楼");
	}

	static String pdfText(byte[] pdf) throws IOException {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
	}

	// ---- the same step twice at once

	@Test
	void theSameStepPostedTwiceAtOnceIsTakenOnce() throws Exception {
		clock.set(MONDAY + "T10:00:00");
		String number = accepted("applicant");
		List<Answer> requests = twiceAtOnce("/api/v1/cases/" + number + "/hearing-request", "reviewer",
				"{\"requester\":\"本局\",\"by\":\"DEPARTMENT\"}");
		assertThat(requests).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
		ok(api.post("/api/v1/cases/" + number + "/hearing-notice", "reviewer",
				Map.of("hearingOn", hearingOn.toString(), "time", "09:30", "place", "三楼", "presider", "approver")));
		clock.set(hearingOn + "T15:00:00");
		List<Answer> transcripts = twiceAtOnce("/api/v1/cases/" + number + "/hearing-transcript", "approver",
				"{\"heldOn\":\"" + hearingOn + "\",\"participants\":\"李四\",\"transcript\":\"记录\",\"signed\":true}");
		assertThat(transcripts).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
		for (Answer a : requests.stream().filter(a -> a.status() == 409).toList()) {
			assertThat(a.contentType()).startsWith("application/problem+json");
		}
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM cases_history h JOIN cases_case c ON c.id = h.case_id "
						+ "WHERE c.number = ? AND h.step IN ('HEARING_REQUEST', 'HEARING_TRANSCRIPT')",
				Long.class, number))
			.isEqualTo(2);
		JsonNode view = ok(api.get("/api/v1/cases/" + number, "reviewer"));
		assertThat(view.get("acts")).hasSize(3);
		assertThat(view.get("suspensions")).hasSize(1);
	}

	List<Answer> twiceAtOnce(String path, String user, String body) {
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Answer>> both = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			both.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
					return send("POST", path, user, "application/json", body, "zh-CN");
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		start.countDown();
		return both.stream().map(CompletableFuture::join).toList();
	}

	// ---- the staff forms

	@Test
	void formsWithMissingOrInvalidFieldsComeBackToTheCasePageWithTheRefusalAndChangeNothing() throws Exception {
		clock.set(MONDAY + "T10:00:00");
		record Form(String user, String number, String step, Map<String, String> params) {
		}
		String on = hearingOn.toString();
		List<Form> forms = List.of(new Form("reviewer", accepted, "interested-parties-notice", Map.of()),
				new Form("reviewer", accepted, "interested-parties-notice",
						Map.of("parties", "、、", "matter", "采光", "statementDays", "5")),
				new Form("reviewer", accepted, "interested-parties-notice",
						Map.of("parties", "李四", "matter", "采光", "statementDays", "abc")),
				new Form("reviewer", accepted, "interested-parties-notice",
						Map.of("parties", "李四", "matter", "采光", "statementDays", "21")),
				new Form("reviewer", accepted, "interested-parties-notice",
						Map.of("parties", "李四", "matter", "采光", "statementDays", "5", "hearingRight", "maybe")),
				new Form("reviewer", accepted, "interested-parties-notice",
						Map.of("parties", "长".repeat(1001), "matter", "采光", "statementDays", "5")),
				new Form("clerk", noticed, "statements", Map.of()),
				new Form("clerk", noticed, "statements", Map.of("party", "赵六", "summary", "反对")),
				new Form("clerk", noticed, "statements",
						Map.of("party", "李四", "summary", "反对", "receivedOn", "2026-02-30")),
				new Form("clerk", noticed, "hearing-request", Map.of("requester", "李四")),
				new Form("clerk", noticed, "hearing-request", Map.of("requester", "李四", "by", "SOMEONE")),
				new Form("clerk", noticed, "hearing-request",
						Map.of("requester", "李四", "by", "INTERESTED_PARTY", "receivedOn", "+999999999-12-31")),
				new Form("reviewer", requested, "hearing-notice", Map.of()),
				new Form("reviewer", requested, "hearing-notice",
						Map.of("hearingOn", on, "time", "24:00", "place", "三楼", "presider", "approver")),
				new Form("reviewer", requested, "hearing-notice",
						Map.of("hearingOn", "0000-01-01", "time", "09:30", "place", "三楼", "presider", "approver")),
				new Form("reviewer", requested, "hearing-notice",
						Map.of("hearingOn", on, "time", "09:30", "place", "三楼", "presider", "reviewer")),
				new Form("reviewer", requested, "hearing-notice",
						Map.of("hearingOn", on, "time", "09:30", "place", "三楼", "presider", "reviewer-gh")),
				new Form("reviewer", requested, "hearing-notice",
						Map.of("hearingOn", MONDAY, "time", "09:30", "place", "三楼", "presider", "approver")),
				new Form("reviewer", heard, "hearing-transcript",
						Map.of("heldOn", on, "participants", "李四", "transcript", "记录")),
				new Form("reviewer", heard, "hearing-transcript", Map.of("heldOn", "", "signed", "true")));
		signedIn(forms.stream().map(Form::user).distinct().toList());
		DatabaseSnapshot before = snapshot();
		List<String> wrong = new ArrayList<>();
		for (Form f : forms) {
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				MockHttpServletRequestBuilder request = post("/staff/cases/" + f.number() + "/" + f.step())
					.header("Accept-Language", locale.toLanguageTag());
				f.params().forEach(request::param);
				MvcResult result = mvc.perform(request.with(user(as(f.user()))).with(csrf())).andReturn();
				String what = f.step() + " " + f.params() + " by " + f.user() + " [" + locale + "]";
				if (result.getResponse().getStatus() != 302
						|| !("/staff/cases/" + f.number() + "#step-" + f.step())
							.equals(result.getResponse().getRedirectedUrl())
						|| result.getFlashMap().get("refusal") == null) {
					wrong.add(what + ": " + result.getResponse().getStatus() + " "
							+ result.getResponse().getRedirectedUrl() + " " + result.getFlashMap());
					continue;
				}
				MvcResult shownPage = mvc
					.perform(get("/staff/cases/" + f.number()).with(user(as(f.user())))
						.header("Accept-Language", locale.toLanguageTag())
						.flashAttrs(result.getFlashMap()))
					.andReturn();
				String shown = CaseStepProbeTests
					.refusalText(shownPage.getResponse().getContentAsString(StandardCharsets.UTF_8))
					.replace("&quot;", "\"");
				String own = shown;
				for (String v : f.params().values()) {
					if (v.strip().length() > 1) {
						own = own.replace(v.strip(), " ");
					}
				}
				own = own.replace("李四", " ").replace("王五", " ").replace("张三", " ");
				if (shownPage.getResponse().getStatus() != 200 || shown.isBlank() || RAW.matcher(own).find()
						|| (locale.equals(Locale.ENGLISH) == CJK.matcher(own).find())
						|| locale.equals(Locale.SIMPLIFIED_CHINESE) && LATIN_WORD.matcher(own).find()) {
					wrong.add(what + ": the page shows \"" + shown + "\"");
				}
				System.out.println("procedure acts probe, " + what + ": " + shown);
			}
		}
		assertThat(wrong).as("forms not refused on the case page").isEmpty();
		assertThat(snapshot().differencesFrom(before)).isEmpty();
	}

	// ---- who may read the acts and their notices

	@Test
	void anotherApplicantAndAnAnonymousCallerCannotReadTheActsOrTheNotices() throws Exception {
		clock.set(MONDAY + "T10:00:00");
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode docs = ok(api.get("/api/v1/cases/" + heard, "applicant")).get("documents");
			assertThat(docs.findValuesAsString("kind")).contains("PROCEDURE_NOTICE");
		});
		JsonNode view = ok(api.get("/api/v1/cases/" + heard, "applicant"));
		assertThat(view.get("acts")).isNotEmpty();
		String document = null;
		for (JsonNode doc : view.get("documents")) {
			if ("PROCEDURE_NOTICE".equals(doc.get("kind").asString())) {
				document = doc.get("number").asString();
			}
		}
		assertThat(document).isNotNull();
		signedIn(List.of("enterprise"));
		DatabaseSnapshot before = snapshot();
		for (String path : List.of("/api/v1/cases/" + heard, "/api/v1/cases/" + heard + "/documents/" + document)) {
			ApiClient.Response other = api.get(path, "enterprise");
			assertThat(other.status()).as(path).isEqualTo(404);
			assertThat(other.body()).doesNotContain("三楼听证室").doesNotContain("approver");
			ApiClient.Response anonymous = api.get(path, null);
			assertThat(anonymous.status()).as(path).isEqualTo(401);
			assertThat(anonymous.body()).doesNotContain("三楼听证室");
		}
		for (String path : List.of("/cases/" + heard, "/cases/" + heard + "/documents/" + document)) {
			assertThat(mvc.perform(get(path).with(user(as("enterprise")))).andReturn().getResponse().getStatus())
				.as(path)
				.isEqualTo(404);
			var anonymous = mvc.perform(get(path)).andReturn().getResponse();
			assertThat(anonymous.getStatus()).as(path).isEqualTo(302);
			assertThat(anonymous.getRedirectedUrl()).contains("/login");
		}
		assertThat(mvc.perform(get("/staff/cases/" + heard).with(user(as("reviewer-gh"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(snapshot().differencesFrom(before)).isEmpty();
	}

	// ---- helpers

	/**
	 * Signs each user in once by HTTP Basic at the clock's time, so that the audited
	 * sign-in (login.succeeded) is not taken for a change a probe made.
	 */
	void signedIn(List<String> users) {
		for (String user : users) {
			api.get("/api/v1/case-steps", user);
		}
	}

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	DatabaseSnapshot snapshot() throws IOException {
		EventPublications.awaitNoneOutstanding(JdbcClient.create(jdbc), Duration.ofSeconds(30));
		return DatabaseSnapshot.take(jdbc, STORAGE, AbuseSuiteTests.NARROWED);
	}

	byte[] bytes(String path, String user) throws Exception {
		String token = Base64.getEncoder()
			.encodeToString((user + ":" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + token)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return r.body();
	}

	Answer send(String method, String path, String user, String contentType, String body, String lang)
			throws Exception {
		return CaseStepProbeTests.send(http, port, method, path, user, contentType, body, lang);
	}

}
