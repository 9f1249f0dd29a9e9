package govhall.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.govhall.GovHallApplication;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.supervision.DailySums;
import org.govhall.supervision.Supervision;
import org.govhall.supervision.dashboards.Dashboards;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 4's scale benchmark: seeds {@code BENCH_HISTORICAL} (1,000,000) closed and {@code BENCH_OPEN} (50,000) open
 * cases straight into PostgreSQL's supervision read model (with their steps left out: the dashboards and the nightly
 * run never read them), spread over the demo province's items, departments and regions and over 2025-01-01 to
 * 2026-11-26, plus a card for one closed case in fifty and for every open case that was already overdue before
 * yesterday (as earlier nights would have carded it; those cards await review, so nothing escalates); then times, in GovHall's own Spring context, each dashboard query
 * (the province, a city, a county, a department, an item with its cases, the monthly trend; each run
 * {@code BENCH_REPEAT} times after two warm-ups: median and maximum) and the nightly supervision run over the open
 * cases. Targets: each dashboard under 300 ms, the nightly run under 30 s.
 */
public final class SupervisionScaleBench {

	private SupervisionScaleBench() {
	}

	public static void main(String[] args) throws Exception {
		List<String> boot = new ArrayList<>(Arrays.asList(args));
		boot.add("--govhall.demo.enabled=true");
		// load, not a person: the limits of issue 12 (ADR 0020) would stop the generated traffic
		boot.add("--govhall.cases.max-open-per-item=100000000");
		boot.add("--govhall.cases.upload-quota.applicant-files=100000000");
		boot.add("--govhall.cases.upload-quota.applicant-size=1TB");
		boot.add("--govhall.cases.upload-quota.intermediary-files=100000000");
		boot.add("--govhall.cases.upload-quota.intermediary-size=1TB");
		boot.add("--govhall.demo.training-clock=false");
		boot.add("--govhall.supervision.daily-cron=-");
		boot.add("--govhall.cases.deemed-acceptance-cron=-");
		boot.add("--spring.main.banner-mode=off");
		boot.add("--spring.main.web-application-type=none");
		boot.add("--govhall.storage.dir=" + Config.env("BENCH_STORAGE_DIR", "bench/target/files"));
		SpringApplication app = new SpringApplication(GovHallApplication.class, InProcessBench.WithoutWebServer.class);
		int status = 1;
		try (ConfigurableApplicationContext ctx = app.run(boot.toArray(String[]::new))) {
			run(ctx);
			status = 0;
		}
		catch (Throwable ex) {
			ex.printStackTrace();
		}
		System.exit(status);
	}

	static void run(ConfigurableApplicationContext ctx) throws Exception {
		int historical = Integer.parseInt(Config.env("BENCH_HISTORICAL", "1000000"));
		int open = Integer.parseInt(Config.env("BENCH_OPEN", "50000"));
		int repeat = Integer.parseInt(Config.env("BENCH_REPEAT", "7"));
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		Map<String, String> result = new LinkedHashMap<>();

		long t0 = System.nanoTime();
		seed(jdbc, historical, open);
		result.put("seed.seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
		// rows loaded in bulk bypass the listener: the dashboards' daily sums are recomputed, as after a migration
		long r0 = System.nanoTime();
		ctx.getBean(DailySums.class).rebuild();
		jdbc.sql("ANALYZE supervision_daily_received").update();
		jdbc.sql("ANALYZE supervision_daily_completed").update();
		result.put("rollup.rebuild.seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - r0) / 1e9));
		result.put("rows.daily.received", String.valueOf(jdbc.sql("SELECT COUNT(*) FROM supervision_daily_received")
			.query(Long.class).single()));
		result.put("rows.daily.completed", String.valueOf(jdbc.sql("SELECT COUNT(*) FROM supervision_daily_completed")
			.query(Long.class).single()));
		System.out.printf("scale: daily sums rebuilt in %s s: %s received and %s completed rows%n",
				result.get("rollup.rebuild.seconds"), result.get("rows.daily.received"),
				result.get("rows.daily.completed"));
		result.put("rows.cases", String.valueOf(jdbc.sql("SELECT COUNT(*) FROM supervision_case").query(Long.class).single()));
		result.put("rows.open", String.valueOf(jdbc.sql("SELECT COUNT(*) FROM supervision_case WHERE closed_on IS NULL")
			.query(Long.class).single()));
		result.put("rows.cards", String.valueOf(jdbc.sql("SELECT COUNT(*) FROM supervision_card").query(Long.class).single()));
		System.out.printf("scale: seeded %s cases (%s open) and %s cards in %s s%n", result.get("rows.cases"),
				result.get("rows.open"), result.get("rows.cards"), result.get("seed.seconds"));

		Directory directory = ctx.getBean(Directory.class);
		Dashboards dashboards = ctx.getBean(Dashboards.class);
		GovHallUser supervisor = directory.principal("supervisor").orElseThrow();
		LocalDate from = LocalDate.of(2026, 1, 1);
		LocalDate to = LocalDate.of(2026, 11, 26);
		String[] item = busiestItem(jdbc);
		Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
		queries.put("province 660000 (cities)", () -> dashboards.report(supervisor,
				new Dashboards.Request("660000", null, null, from, to, null), Locale.CHINA));
		queries.put("city 660100 (counties and city departments)", () -> dashboards.report(supervisor,
				new Dashboards.Request("660100", null, null, from, to, null), Locale.CHINA));
		queries.put("county 660221 (departments)", () -> dashboards.report(supervisor,
				new Dashboards.Request("660221", null, null, from, to, null), Locale.CHINA));
		queries.put("department " + item[1] + " (items)", () -> dashboards.report(supervisor,
				new Dashboards.Request(null, item[1], null, from, to, null), Locale.CHINA));
		queries.put("item " + item[0] + " (its cases)", () -> dashboards.report(supervisor,
				new Dashboards.Request(null, null, item[0], from, to, null), Locale.CHINA));
		queries.put("trend of the province by month", () -> dashboards.trend(supervisor,
				new Dashboards.Request("660000", null, null, LocalDate.of(2025, 1, 1), to, null), Locale.CHINA));
		queries.put("province, two years", () -> dashboards.report(supervisor,
				new Dashboards.Request("660000", null, null, LocalDate.of(2025, 1, 1), to, null), Locale.CHINA));
		double worst = 0;
		int n = 0;
		for (Map.Entry<String, Supplier<Object>> q : queries.entrySet()) {
			q.getValue().get();
			q.getValue().get();
			double[] ms = new double[repeat];
			for (int i = 0; i < repeat; i++) {
				long s = System.nanoTime();
				q.getValue().get();
				ms[i] = (System.nanoTime() - s) / 1e6;
			}
			Arrays.sort(ms);
			double median = ms[repeat / 2];
			double max = ms[repeat - 1];
			worst = Math.max(worst, max);
			n++;
			result.put("dashboard." + n + ".name", q.getKey());
			result.put("dashboard." + n + ".median.ms", String.format(Locale.ROOT, "%.1f", median));
			result.put("dashboard." + n + ".max.ms", String.format(Locale.ROOT, "%.1f", max));
			System.out.printf("scale: dashboard %-48s median %7.1f ms, max %7.1f ms%n", q.getKey(), median, max);
		}
		result.put("dashboard.worst.max.ms", String.format(Locale.ROOT, "%.1f", worst));

		Supervision supervision = ctx.getBean(Supervision.class);
		long d0 = System.nanoTime();
		Supervision.DailyRun run = supervision.daily();
		double daily = (System.nanoTime() - d0) / 1e9;
		result.put("daily.seconds", String.format(Locale.ROOT, "%.2f", daily));
		result.put("daily.cases", String.valueOf(run.casesEvaluated()));
		result.put("daily.cards", String.valueOf(run.cardsIssued()));
		System.out.printf("scale: nightly run over %d open cases: %.2f s (%d cards issued, %d escalated)%n",
				run.casesEvaluated(), daily, run.cardsIssued(), run.cardsEscalated());
		long d1 = System.nanoTime();
		Supervision.DailyRun again = supervision.daily();
		double second = (System.nanoTime() - d1) / 1e9;
		result.put("daily.again.seconds", String.format(Locale.ROOT, "%.2f", second));
		System.out.printf("scale: the same run again (nothing new to card): %.2f s over %d cases%n", second,
				again.casesEvaluated());
		System.out.printf("scale: targets: every dashboard < 300 ms: %s (worst %.1f ms); nightly run < 30 s: %s%n",
				worst < 300 ? "MET" : "MISSED", worst, daily < 30 ? "MET" : "MISSED");
		Driver.write(Path.of(Config.env("BENCH_OUT", "bench/target/results/scale.properties")), result);
	}

	/** The demo's published items with their departments and regions, in one array each for the SQL below. */
	static void seed(JdbcClient jdbc, int historical, int open) {
		List<String[]> items = jdbc.sql("""
				SELECT i.code, d.code, d.region_code FROM catalog_service_item i
				JOIN directory_department d ON d.id = i.department_id
				WHERE i.status = 'ACTIVE' AND i.published_version IS NOT NULL ORDER BY i.code
				""").query((rs, k) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
		List<String> counties = jdbc.sql("""
				SELECT code FROM directory_region WHERE code NOT LIKE '%00' ORDER BY code
				""").query(String.class).list();
		String codes = array(items, 0);
		String departments = array(items, 1);
		String regions = array(items, 2);
		String applicantRegions = "ARRAY[" + String.join(",", counties.stream().map(c -> "'" + c + "'").toList()) + "]";
		int k = items.size();
		int c = counties.size();
		jdbc.sql("""
				INSERT INTO supervision_case (case_number, item_code, department_code, region_code, applicant_region,
				       first_handler, state, stage, stage_rank, due_on, suspended, received_on, accepted_on,
				       last_event_at, warning, remaining_working_days, revision, closed_on, updated_at, channel,
				       processing_mode, joint, statutory_days, promised_days, statutory_due, promised_due, decided_on,
				       outcome, delivered_on, actual_days, on_time, early, visits, ever_red, applicant_ref,
				       responsible_department, responsible_person, suspended_days, extensions, carded)
				SELECT 'H-' || g, (%1$s)[1 + g %% %3$d], (%2$s)[1 + g %% %3$d], (%4$s)[1 + g %% %3$d],
				       (%5$s)[1 + (g / 7) %% %6$d], 'clerk', CASE WHEN g %% 20 = 0 THEN 'REFUSED' ELSE 'DELIVERED' END,
				       'NONE', 9, NULL, FALSE, r, r + 1, now(), 'NONE', NULL, 0, r + 12 + g %% 9, now(),
				       CASE g %% 3 WHEN 0 THEN 'WINDOW' WHEN 1 THEN 'ONLINE' ELSE 'AGENT' END,
				       CASE WHEN g %% 4 = 0 THEN 'INSTANT' ELSE 'PROMISED' END, g %% 10 = 0, 20, 10, r + 28, r + 14,
				       CASE WHEN g %% 20 = 0 THEN NULL ELSE r + 5 + g %% 11 END,
				       CASE WHEN g %% 20 = 0 THEN NULL ELSE 'APPROVED' END,
				       CASE WHEN g %% 20 = 0 THEN NULL ELSE r + 7 + g %% 11 END,
				       CASE WHEN g %% 20 = 0 THEN NULL ELSE 3 + g %% 9 END,
				       CASE WHEN g %% 20 = 0 THEN NULL ELSE g %% 17 <> 0 END,
				       CASE WHEN g %% 20 = 0 THEN NULL ELSE g %% 9 < 7 END,
				       g %% 3, g %% 17 = 0, md5(g::text), (%2$s)[1 + g %% %3$d], 'reviewer', 0, 0, g %% 50 = 0
				FROM (SELECT g, DATE '2025-01-01' + (g %% 690) AS r FROM generate_series(1, %7$d) AS g) s
				""".formatted(codes, departments, k, regions, applicantRegions, c, historical)).update();
		jdbc.sql("""
				INSERT INTO supervision_case (case_number, item_code, department_code, region_code, applicant_region,
				       first_handler, state, stage, stage_rank, due_on, suspended, received_on, accepted_on,
				       last_event_at, warning, remaining_working_days, revision, closed_on, updated_at, channel,
				       processing_mode, joint, statutory_days, promised_days, statutory_due, promised_due, visits,
				       ever_red, applicant_ref, responsible_department, responsible_person, suspended_days,
				       extensions, carded)
				SELECT 'O-' || g, (%1$s)[1 + g %% %3$d], (%2$s)[1 + g %% %3$d], (%4$s)[1 + g %% %3$d],
				       (%5$s)[1 + (g / 7) %% %6$d], 'clerk', 'ACCEPTED', 'DECISION', 2, r + 28, g %% 40 = 0, r, r,
				       now(), CASE WHEN r + 28 < CURRENT_DATE - 1 THEN 'RED' ELSE 'NONE' END, NULL, 0, NULL, now(),
				       'ONLINE', 'PROMISED', FALSE, 20, 10, r + 28, r + 14, 0, r + 28 < CURRENT_DATE - 1,
				       md5('o' || g::text), (%2$s)[1 + g %% %3$d], 'reviewer', 0, 0, r + 28 < CURRENT_DATE - 1
				FROM (SELECT g, DATE '2026-10-15' + (g %% 40) AS r FROM generate_series(1, %7$d) AS g) s
				""".formatted(codes, departments, k, regions, applicantRegions, c, open)).update();
		jdbc.sql("""
				INSERT INTO supervision_card (card_number, colour, issued_colour, status, department_code, region_code,
				       handler, case_number, cause, reason, issued_on, issued_by, answer_due, level_region, closed_on,
				       version)
				SELECT 'B-' || case_number, 'YELLOW', 'YELLOW',
				       CASE WHEN closed_on IS NULL THEN 'ANSWERED' ELSE 'ACCEPTED' END, department_code, region_code,
				       'clerk', case_number, 'CASE_OVERDUE', 'bench', received_on + 20, 'system', received_on + 27,
				       region_code, CASE WHEN closed_on IS NULL THEN NULL ELSE received_on + 25 END, 0
				FROM supervision_case WHERE carded = TRUE
				""").update();
		jdbc.sql("ANALYZE supervision_case").update();
		jdbc.sql("ANALYZE supervision_card").update();
	}

	static String[] busiestItem(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT item_code, department_code FROM supervision_case GROUP BY item_code, department_code
				ORDER BY COUNT(*) DESC, item_code FETCH FIRST 1 ROWS ONLY
				""").query((rs, k) -> new String[] { rs.getString(1), rs.getString(2) }).single();
	}

	private static String array(List<String[]> rows, int column) {
		StringBuilder b = new StringBuilder("ARRAY[");
		for (int i = 0; i < rows.size(); i++) {
			b.append(i == 0 ? "" : ",").append('\'').append(rows.get(i)[column]).append('\'');
		}
		return b.append("]::varchar[]").toString();
	}

}
