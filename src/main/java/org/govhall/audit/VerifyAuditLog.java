package org.govhall.audit;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.govhall.audit.AuditEntries.Link;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The verification command (README, "Operations"): reads the database settings the
 * application would use ({@code application.properties}, {@code GOVHALL_DB_*},
 * {@code --spring.datasource.*}), walks the audit chain and every published head, prints
 * the result and exits with 0 when the chain is intact and 1 otherwise. It starts no web
 * server, runs no migration, job or demo data and writes nothing: only the DataSource is
 * built.
 *
 * <p>
 * It checks the chain against the latest signed head in the database and in the head
 * journal of {@code govhall.audit.key-dir}, with the signatures checked by the keys
 * pinned in {@code govhall.audit.public-key} (or, where none is pinned, the public key in
 * the directory), and lists every breach (ADR 0018).
 * {@code --govhall.audit.expect=SEQ:HASH[,SEQ:HASH…]} also checks heads kept outside the
 * database, e.g. copied from the transparency page.
 */
public final class VerifyAuditLog {

	private VerifyAuditLog() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out));
	}

	static int run(String[] args, PrintStream out) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VerifyAuditLog.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=WARN")
			.run(args)) {
			Environment env = context.getEnvironment();
			DataSource driver = DataSourceBuilder.create(VerifyAuditLog.class.getClassLoader())
				.type(SimpleDriverDataSource.class)
				.url(env.getRequiredProperty("spring.datasource.url"))
				.username(env.getProperty("spring.datasource.username"))
				.password(env.getProperty("spring.datasource.password"))
				.build();
			// one connection throughout: an embedded H2 file database would otherwise be
			// reopened for every query
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(driver.getConnection(), true);
			try {
				// read only: never creates a key; the pinned keys (or the key in the
				// directory) check the heads
				AuditSettings settings = Binder.get(env).bindOrCreate("govhall.audit", AuditSettings.class);
				HeadKeys keys = HeadKeys.open(settings.keyDir(), settings.pins(), false);
				AuditChain chain = new AuditChain(
						new AuditEntries(JdbcClient.create(dataSource), new JdbcTemplate(dataSource)),
						new DataSourceTransactionManager(dataSource), Clock.systemUTC(), keys, event -> {
						}, Duration.ofMinutes(1), 1000, 500);
				Verification v = chain.verify(expected(settings.expect()));
				out.println(describe(v));
				v.breaches()
					.forEach(b -> out.println("  seq " + b.seq() + ": " + b.breach() + " - " + b.explanation()));
				if (v.breachCount() > v.breaches().size()) {
					out.println("  … and " + (v.breachCount() - v.breaches().size()) + " more");
				}
				return v.intact() ? 0 : 1;
			}
			finally {
				dataSource.destroy();
			}
		}
		catch (SQLException ex) {
			out.println("Audit chain NOT VERIFIED: " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			out.println("Audit chain NOT VERIFIED: " + ex.getMessage());
			return 1;
		}
	}

	static String describe(Verification v) {
		if (v.intact()) {
			SignedHead s = v.signedHead();
			return "Audit chain INTACT: " + v.entries() + " entries, head seq " + v.headSeq() + " hash " + v.headHash()
					+ ", " + v.headsChecked() + " head(s) checked"
					+ (s == null ? ", no signed head" : ", latest signed head seq " + s.seq() + " at " + s.signedAt())
					+ ", " + v.unsealed() + " entry(ies) not sealed yet.";
		}
		return "Audit chain BROKEN at seq " + v.brokenSeq() + ": " + v.breach() + " - " + v.explanation() + " ("
				+ v.entries() + " entries intact before it; " + v.breachCount() + " breach(es) in all, " + v.walked()
				+ " entries walked).";
	}

	private static List<Link> expected(String text) {
		List<Link> links = new ArrayList<>();
		for (String part : text.split(",")) {
			String p = part.strip();
			if (p.isEmpty()) {
				continue;
			}
			int colon = p.indexOf(':');
			if (colon < 1) {
				throw new IllegalArgumentException("govhall.audit.expect takes SEQ:HASH, not " + p);
			}
			links.add(new Link(Long.parseLong(p.substring(0, colon).strip()),
					p.substring(colon + 1).strip().toLowerCase(Locale.ROOT)));
		}
		return links;
	}

}
