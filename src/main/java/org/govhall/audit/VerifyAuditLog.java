package org.govhall.audit;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.govhall.audit.AuditEntries.Link;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The verification command (README, "Operations"): reads the database settings the application would use
 * ({@code application.properties}, {@code GOVHALL_DB_*}, {@code --spring.datasource.*}), walks the audit chain and
 * every published head, prints the result and exits with 0 when the chain is intact and 1 otherwise. It starts no
 * web server, runs no migration, job or demo data and writes nothing: only the DataSource is built.
 *
 * <p>
 * {@code --govhall.audit.expect=SEQ:HASH[,SEQ:HASH…]} also checks heads kept outside the database, e.g. copied from
 * the transparency page.
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
			// one connection throughout: an embedded H2 file database would otherwise be reopened for every query
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(driver.getConnection(), true);
			try {
				AuditChain chain = new AuditChain(
						new AuditEntries(JdbcClient.create(dataSource), new JdbcTemplate(dataSource)),
						new DataSourceTransactionManager(dataSource), Clock.systemUTC());
				Verification v = chain.verify(expected(env.getProperty("govhall.audit.expect", "")));
				out.println(describe(v));
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
			return "Audit chain INTACT: " + v.entries() + " entries, head seq " + v.headSeq() + " hash " + v.headHash()
					+ ", " + v.headsChecked() + " published head(s) checked, " + v.unsealed()
					+ " entry(ies) not sealed yet.";
		}
		return "Audit chain BROKEN at seq " + v.brokenSeq() + ": " + v.breach() + " - " + v.explanation() + " ("
				+ v.entries() + " entries intact before it).";
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
					p.substring(colon + 1).strip().toLowerCase(java.util.Locale.ROOT)));
		}
		return links;
	}

}
