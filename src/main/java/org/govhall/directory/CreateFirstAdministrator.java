package org.govhall.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.govhall.shared.GovHallException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The one-time command that opens the first system administrator (README, "Operations";
 * ADR 0023), so that no one ever writes an account with SQL. It reads the database
 * settings the application would use, migrates the schema like a start would, and opens
 * the account through the directory: the username is checked against the reserved names,
 * the password against {@link PasswordPolicy}, an audit row is written, and it refuses
 * when any system administrator exists. The password is read from {@value #PASSWORD_ENV}
 * or from the first line of standard input, never from the command line (where {@code ps}
 * and the shell history would show it). Exits with 0 when the account is opened and 1
 * otherwise, saying why.
 *
 * <pre>
 * --username=NAME --region=PROVINCE_CODE [--display-name=NAME]
 * [--province-name-zh=… --province-name-en=…]   (only when the directory has no region yet)
 * [--second]   (once more, for the second administrator, who confirms what the first opens; ADR 0023)
 * </pre>
 */
public final class CreateFirstAdministrator {

	static final String PASSWORD_ENV = "GOVHALL_FIRST_ADMIN_PASSWORD";

	private static final Set<String> OPTIONS = Set.of("username", "region", "display-name", "province-name-zh",
			"province-name-en", "second");

	private CreateFirstAdministrator() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.getenv(PASSWORD_ENV), System.in, System.out));
	}

	/**
	 * What the command was asked for; everything else on the command line goes to Spring
	 * (database settings).
	 */
	record Request(String username, String regionCode, String displayName, @Nullable RegionDraft province,
			boolean second, List<String> springArgs) {

		static Request parse(String[] args) {
			Map<String, String> own = new LinkedHashMap<>();
			List<String> spring = new ArrayList<>();
			for (String arg : args) {
				String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : "";
				if (name.equals("password") || name.startsWith("password=")) {
					throw new IllegalArgumentException("the password is never given on the command line: set "
							+ PASSWORD_ENV + " or type it on standard input");
				}
				if (name.equals("second")) {
					own.put(name, "true");
				}
				else if (OPTIONS.contains(name)) {
					if (!arg.contains("=")) {
						throw new IllegalArgumentException("--" + name + " takes a value: --" + name + "=…");
					}
					own.put(name, arg.substring(arg.indexOf('=') + 1).strip());
				}
				else {
					spring.add(arg);
				}
			}
			String username = own.getOrDefault("username", "");
			String region = own.getOrDefault("region", "");
			if (username.isEmpty() || region.isEmpty()) {
				throw new IllegalArgumentException("usage: --username=NAME --region=PROVINCE_CODE [--display-name=NAME]"
						+ " [--province-name-zh=… --province-name-en=…]");
			}
			String zh = own.get("province-name-zh");
			String en = own.get("province-name-en");
			RegionDraft province = zh == null || en == null ? null
					: new RegionDraft(region, zh, en, RegionLevel.PROVINCE, null);
			return new Request(username, region, own.getOrDefault("display-name", username), province,
					own.containsKey("second"), spring);
		}

	}

	static int run(String[] args, @Nullable String envPassword, InputStream in, PrintStream out) {
		Request request;
		String password;
		try {
			request = Request.parse(args);
			password = password(envPassword, in);
		}
		catch (IllegalArgumentException ex) {
			out.println("First administrator NOT CREATED: " + ex.getMessage());
			return 1;
		}
		try {
			// the name and the password are checked before anything starts
			AccountAdministration.checkFirstAdministrator(request.username(), password);
		}
		catch (GovHallException ex) {
			out.println("First administrator NOT CREATED: " + explain(bundle(), ex));
			return 1;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
				Class.forName("org.govhall.GovHallApplication"))
			.web(WebApplicationType.SERVLET)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// no listening port, no demo data: the schema is migrated and the directory
			// used, nothing else is served
			.properties("server.port=-1", "govhall.demo.enabled=false", "logging.level.root=WARN")
			.run(request.springArgs().toArray(String[]::new))) {
			return create(context.getBean(AccountAdministration.class), context.getBean(MessageSource.class), request,
					password, out);
		}
		catch (ClassNotFoundException | RuntimeException ex) {
			out.println("First administrator NOT CREATED: " + ex.getMessage());
			return 1;
		}
	}

	/** Opens the account and says what happened; 0 when it is opened. */
	static int create(AccountAdministration administration, MessageSource messages, Request request, String password,
			PrintStream out) {
		try {
			AccountView opened = administration.createFirstAdministrator(request.username(), password,
					request.displayName(), request.regionCode(), request.province(), request.second());
			out.println((request.second() ? "Second" : "First") + " administrator CREATED: " + opened.username()
					+ " (system administrator of " + opened.regionCode() + "). "
					+ (request.second() ? "From now on administrators open accounts in GovHall, and another"
							+ " administrator confirms each review, approval, legal, supervision or administrator role."
							: "Run the command once more with --second for the administrator who will confirm"
									+ " what this one opens."));
			return 0;
		}
		catch (GovHallException ex) {
			out.println(
					(request.second() ? "Second" : "First") + " administrator NOT CREATED: " + explain(messages, ex));
			return 1;
		}
	}

	/** The refusal in English, with the field problems it names. */
	private static String explain(MessageSource messages, GovHallException ex) {
		StringBuilder why = new StringBuilder(
				messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), Locale.ENGLISH));
		ex.violations()
			.forEach(v -> why.append(' ')
				.append(messages.getMessage(v.messageKey(), v.arguments(), v.messageKey(), Locale.ENGLISH)));
		return why.toString();
	}

	/** The application's messages, without starting it. */
	private static MessageSource bundle() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	private static String password(@Nullable String envPassword, InputStream in) {
		if (envPassword != null && !envPassword.isEmpty()) {
			return envPassword;
		}
		try {
			String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
			if (line == null || line.isEmpty()) {
				throw new IllegalArgumentException(
						"no password: set " + PASSWORD_ENV + " or type it on standard input");
			}
			return line;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("the password could not be read: " + ex.getMessage());
		}
	}

}
