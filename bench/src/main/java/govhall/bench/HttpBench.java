package govhall.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase (b): complete cases over HTTP against a running GovHall (started by run.sh on the bench database), with T
 * threads sharing one java.net.http client. The CPU figure is the server's: its
 * OperatingSystemMXBean#getProcessCpuTime as Micrometer publishes it (process_cpu_time_ns_total on
 * /actuator/prometheus, read as the demo system administrator: three reads, each with its own BCrypt check, about
 * 0.2 s of server CPU in all), or /proc/PID/stat when that metric is missing.
 *
 * <p>
 * It runs with the app's executable jar on the class path (for the PostgreSQL driver, to watch the server's backlog
 * of asynchronous work in the bench database), as run.sh starts it.
 */
public final class HttpBench {

	/** Micrometer's process.cpu.time (OperatingSystemMXBean#getProcessCpuTime), in nanoseconds or seconds. */
	private static final Pattern CPU_METRIC = Pattern
		.compile("(?m)^process_cpu_time_(ns|seconds)_total(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)");

	private HttpBench() {
	}

	public static void main(String[] args) throws Exception {
		int threads = Config.threads();
		String base = Config.env("BENCH_BASE_URL", "http://127.0.0.1:18080");
		long pid = Long.parseLong(Config.env("BENCH_SERVER_PID", "-1"));
		Path out = Path.of(Config.env("BENCH_OUT", "bench/target/results/http.properties"));
		HttpClient http = HttpCases.client();
		HttpCases cases = new HttpCases(http, base);
		String cpuSource;
		LongSupplier serverCpu;
		if (metricCpu(cases) >= 0) {
			cpuSource = "server OperatingSystemMXBean#getProcessCpuTime via /actuator/prometheus";
			serverCpu = () -> metricCpu(cases);
		}
		else if (pid > 0 && MachineCpu.processNanos(pid) >= 0) {
			cpuSource = "server /proc/" + pid + "/stat utime+stime";
			serverCpu = () -> MachineCpu.processNanos(pid);
		}
		else {
			throw new IllegalStateException("cannot read the server's CPU time");
		}
		System.out.printf("http: %d threads against %s, %d s warm-up, %d s measured; CPU: %s%n", threads, base,
				Config.warmup(), Config.duration(), cpuSource);
		Driver driver = new Driver(threads, Config.warmup(), Config.duration());
		String url = Config.env("GOVHALL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/govhall_bench");
		Connection db = DriverManager.getConnection(url, Config.env("GOVHALL_DB_USER", "govhall"),
				Config.env("GOVHALL_DB_PASSWORD", "govhall"));
		Driver.Backlog backlog = () -> {
			try (Statement s = db.createStatement();
					ResultSet rs = s.executeQuery("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")) {
				rs.next();
				return rs.getLong(1);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		};
		Map<String, String> result = driver.run(i -> r -> cases.runCase(r::step), serverCpu, backlog,
				Config.drainLimit(), () -> PgBackends.read(db, false));
		db.close();
		result.put("cpu.source", cpuSource);
		Driver.write(out, result);
		Report.summary("http", result);
	}

	/** The server's process CPU time in nanoseconds, or -1 when the metric is not published. */
	static long metricCpu(HttpCases cases) {
		try {
			String body = cases.get("/actuator/prometheus", "admin", "text/plain", 200);
			Matcher m = CPU_METRIC.matcher(body);
			if (!m.find()) {
				return -1;
			}
			double value = Double.parseDouble(m.group(2));
			return (long) (m.group(1).equals("ns") ? value : value * 1e9);
		}
		catch (Exception ex) {
			return -1;
		}
	}

}
