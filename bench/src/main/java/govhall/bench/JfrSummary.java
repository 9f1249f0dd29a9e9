package govhall.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the application's CPU goes, from a Java Flight Recorder file (run.sh with BENCH_JFR=true): the execution
 * samples taken between the start of the measured window and the end of its drain, attributed once by feature
 * (what the work was for), once by the library that was running (the innermost recognised frame), and to the
 * GovHall methods on the stack (inclusive). Samples cover
 * threads running Java code; GC and JIT threads are not in them.
 *
 * <pre>java -cp govhall-bench.jar govhall.bench.JfrSummary app.jfr results.properties</pre>
 */
public final class JfrSummary {

	/** Feature buckets, first match over the whole stack wins. */
	private static final String[][] FEATURES = {
			{ "HTTP Basic password check (BCrypt)", "org.springframework.security.crypto.bcrypt." },
			{ "PDF documents (typesetting, QR code, storing)", "org.govhall.documents." },
			{ "notifications listener", "org.govhall.notification." },
			{ "supervision read model listener", "org.govhall.supervision." },
			{ "event publication registry (Spring Modulith)", "org.springframework.modulith.events." },
			{ "login account lookup (UserDetailsService, recordLogin)", "org.govhall.directory.AccountLogins" },
			{ "case steps (CaseHandling, incl. their SQL and the CaseView)", "org.govhall.cases.CaseHandling" },
			{ "deadline explanations (CasesApi)", "org.govhall.calendar.DeadlineExplainer" },
			{ "rest of HTTP request handling (Tomcat, filters, MVC, JSON out)", "org.apache.catalina.",
					"org.apache.coyote.", "org.apache.tomcat." },
			{ "benchmark driver", "govhall.bench." } };

	/** Library buckets, the innermost (leaf-most) matching frame wins. */
	private static final String[][] LIBRARIES = {
			{ "BCrypt", "org.springframework.security.crypto.bcrypt." },
			{ "PDF (openhtmltopdf, PDFBox, fontbox)", "com.openhtmltopdf.", "org.apache.pdfbox.", "org.apache.fontbox." },
			{ "images (QR code PNG: zxing, java.awt, imageio)", "com.google.zxing.", "java.awt.", "javax.imageio.",
					"com.sun.imageio.", "sun.awt." },
			{ "PostgreSQL JDBC driver", "org.postgresql." },
			{ "HikariCP", "com.zaxxer.hikari." },
			{ "JSON (Jackson)", "tools.jackson.", "com.fasterxml.jackson." },
			{ "Spring Data JDBC / Spring JDBC", "org.springframework.data.", "org.springframework.jdbc." },
			{ "Spring Security", "org.springframework.security." },
			{ "Tomcat", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat." },
			{ "other Spring", "org.springframework." },
			{ "GovHall code", "org.govhall." },
			{ "JDK", "java.", "javax.", "jdk.", "sun.", "com.sun." } };

	private JfrSummary() {
	}

	public static void main(String[] args) throws IOException {
		Path recording = Path.of(args[0]);
		Properties window = new Properties();
		try (Reader r = Files.newBufferedReader(Path.of(args[1]))) {
			window.load(r);
		}
		Instant from = Instant.ofEpochMilli(Long.parseLong(window.getProperty("window.start.epoch.ms")));
		Instant to = Instant.ofEpochMilli(Long.parseLong(window.getProperty("drain.end.epoch.ms")));
		Map<String, Integer> byFeature = new LinkedHashMap<>();
		Map<String, Integer> byLibrary = new LinkedHashMap<>();
		for (String[] f : FEATURES) {
			byFeature.put(f[0], 0);
		}
		byFeature.put("other", 0);
		for (String[] l : LIBRARIES) {
			byLibrary.put(l[0], 0);
		}
		byLibrary.put("other", 0);
		Map<String, Integer> govhall = new LinkedHashMap<>();
		int total = 0;
		for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
			if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStartTime().isBefore(from)
					|| e.getStartTime().isAfter(to) || e.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = e.getStackTrace().getFrames();
			total++;
			byFeature.merge(feature(frames), 1, Integer::sum);
			byLibrary.merge(library(frames), 1, Integer::sum);
			frames.stream()
				.map(fr -> fr.getMethod().getType().getName() + "." + fr.getMethod().getName())
				.filter(m -> m.startsWith("org.govhall.") && !m.contains("$$") && !m.contains("$Proxy"))
				.distinct()
				.forEach(m -> govhall.merge(m, 1, Integer::sum));
		}
		StringBuilder b = new StringBuilder();
		b.append(String.format("%s: %d execution samples from the window and its drain%n", recording.getFileName(),
				total));
		print(b, "by feature (what the work was for)", byFeature, total);
		print(b, "by library (innermost frame)", byLibrary, total);
		Map<String, Integer> top = new LinkedHashMap<>();
		govhall.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(25)
			.forEach(e -> top.put(e.getKey().substring("org.govhall.".length()), e.getValue()));
		print(b, "GovHall methods, inclusive (a sample counts for every method on its stack)", top, total);
		System.out.print(b);
		if (args.length > 2) {
			Files.writeString(Path.of(args[2]), b.toString());
		}
	}

	private static void print(StringBuilder b, String title, Map<String, Integer> counts, int total) {
		b.append("  ").append(title).append(":\n");
		counts.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(e -> b.append(String.format("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total),
					e.getKey())));
	}

	private static String feature(List<RecordedFrame> frames) {
		for (String[] f : FEATURES) {
			for (RecordedFrame frame : frames) {
				String name = frame.getMethod().getType().getName();
				for (int i = 1; i < f.length; i++) {
					if (name.startsWith(f[i])) {
						return f[0];
					}
				}
			}
		}
		return "other";
	}

	private static String library(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String name = frame.getMethod().getType().getName();
			for (String[] l : LIBRARIES) {
				for (int i = 1; i < l.length; i++) {
					if (name.startsWith(l[i])) {
						return l[0];
					}
				}
			}
		}
		return "other";
	}

}
