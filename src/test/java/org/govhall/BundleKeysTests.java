package org.govhall;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zh-CN and en bundles stay in step, and every key the pages and the code name exists
 * in both.
 */
class BundleKeysTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	/**
	 * {@code #{key}} or {@code #{key(args)}} whose key is a literal; {@code #{${...}}}
	 * does not match.
	 */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");

	private static final Pattern TEMPLATE_MSG_CALL = Pattern.compile("#messages\\.msg\\('([A-Za-z0-9_.-]+)'");

	/**
	 * Keys built as {@code 'ItemType.' + t}: the prefix names an enum whose every
	 * constant needs a label.
	 */
	private static final Pattern TEMPLATE_ENUM_PREFIX = Pattern.compile("'([A-Z][A-Za-z]+)\\.'\\s*\\+");

	private static final Pattern JAVA_KEY = Pattern.compile("\"\\{?((?:error|rule)\\.[A-Za-z.]+)\\}?\"");

	/**
	 * The bundles of spring.messages.basename: each Chinese one beside its English twin.
	 */
	private static final String[] BASENAMES = { "i18n/messages", "i18n/documents", "i18n/cases", "i18n/supervision",
			"i18n/delegation", "i18n/audit", "i18n/dashboard", "i18n/catalog", "i18n/agency" };

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		for (String base : BASENAMES) {
			Set<String> zh = bundle(base + ".properties").stringPropertyNames();
			Set<String> en = bundle(base + "_en.properties").stringPropertyNames();

			assertThat(zh).as(base).isNotEmpty();
			assertThat(difference(zh, en)).as("keys only in " + base + ".properties").isEmpty();
			assertThat(difference(en, zh)).as("keys only in " + base + "_en.properties").isEmpty();
		}
	}

	@Test
	void noKeyIsDefinedTwiceInALanguageWhereTheLaterWouldSilentlyWin() throws IOException {
		for (String suffix : List.of("", "_en")) {
			Map<String, List<String>> where = new TreeMap<>();
			for (String base : BASENAMES) {
				String name = base + suffix + ".properties";
				try (InputStream in = BundleKeysTests.class.getClassLoader().getResourceAsStream(name)) {
					assertThat(in).as(name).isNotNull();
					for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
						int eq = line.indexOf('=');
						if (eq > 0 && !line.startsWith("#") && !line.startsWith(" ")) {
							where.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(name);
						}
					}
				}
			}
			where.values().removeIf(files -> files.size() < 2);
			assertThat(where).as("keys defined more than once (language '%s')", suffix).isEmpty();
		}
	}

	@Test
	void noMessageIsBlank() throws IOException {
		for (String name : Stream.of(BASENAMES)
			.flatMap(b -> Stream.of(b + ".properties", b + "_en.properties"))
			.toList()) {
			Properties p = bundle(name);
			assertThat(p.stringPropertyNames()).as(name)
				.allSatisfy(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
		}
	}

	@Test
	void everyLiteralKeyOfTheTemplatesIsInBothBundles() throws IOException {
		Map<String, Set<String>> used = new TreeMap<>();
		for (Path template : templates()) {
			String html = Files.readString(template, StandardCharsets.UTF_8);
			for (Pattern p : new Pattern[] { TEMPLATE_KEY, TEMPLATE_MSG_CALL }) {
				Matcher m = p.matcher(html);
				while (m.find()) {
					used.computeIfAbsent(m.group(1), k -> new TreeSet<>())
						.add(TEMPLATES.relativize(template).toString());
				}
			}
		}

		assertThat(used).as("keys found in templates").containsKeys("site.name", "nav.logout", "items.promised");
		assertMissingFromBundles(used);
	}

	@Test
	void everyEnumShownByPrefixInTheTemplatesHasALabelForEachConstant() throws Exception {
		Set<String> prefixes = new TreeSet<>();
		for (Path template : templates()) {
			Matcher m = TEMPLATE_ENUM_PREFIX.matcher(Files.readString(template, StandardCharsets.UTF_8));
			while (m.find()) {
				prefixes.add(m.group(1));
			}
		}
		assertThat(prefixes).contains("ItemType", "LifeEvent", "LimitUnit");

		Map<String, Set<String>> used = new TreeMap<>();
		for (String prefix : prefixes) {
			Class<?> type = enumNamed(prefix);
			for (Object constant : type.getEnumConstants()) {
				used.computeIfAbsent(prefix + "." + ((Enum<?>) constant).name(), k -> new TreeSet<>())
					.add(type.getName());
			}
		}
		assertMissingFromBundles(used);
	}

	@Test
	void everyErrorAndRuleKeyOfTheJavaCodeIsInBothBundles() throws IOException {
		Map<String, Set<String>> used = new TreeMap<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = JAVA_KEY.matcher(Files.readString(source, StandardCharsets.UTF_8));
				while (m.find()) {
					used.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(source.getFileName().toString());
				}
			}
		}

		assertThat(used).as("keys found in Java code")
			.containsKeys("error.item.notFound", "rule.legalBasis.required", "error.phone.pattern");
		assertMissingFromBundles(used);
	}

	@Test
	void everyStatusTheErrorHandlingAnswersWithHasATitle() throws IOException {
		Properties zh = bundle("i18n/messages.properties");
		Properties en = bundle("i18n/messages_en.properties");
		for (int status : new int[] { 400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 500 }) {
			assertThat(zh.getProperty("problem.title." + status)).as("zh title %d", status).isNotBlank();
			assertThat(en.getProperty("problem.title." + status)).as("en title %d", status).isNotBlank();
		}
	}

	/** Every Chinese (or English) bundle together, as the application resolves keys. */
	private static Properties all(String suffix) throws IOException {
		Properties merged = new Properties();
		for (String base : BASENAMES) {
			merged.putAll(bundle(base + suffix + ".properties"));
		}
		return merged;
	}

	private static void assertMissingFromBundles(Map<String, Set<String>> used) throws IOException {
		Properties zh = all("");
		Properties en = all("_en");
		Map<String, Set<String>> missingZh = new TreeMap<>(used);
		missingZh.keySet().removeIf(zh::containsKey);
		Map<String, Set<String>> missingEn = new TreeMap<>(used);
		missingEn.keySet().removeIf(en::containsKey);
		assertThat(missingZh).as("keys (and where they are used) missing from messages.properties").isEmpty();
		assertThat(missingEn).as("keys (and where they are used) missing from messages_en.properties").isEmpty();
	}

	private static Class<?> enumNamed(String simpleName) throws ClassNotFoundException {
		String[] modules;
		try (Stream<Path> dirs = Files.list(JAVA.resolve("org/govhall"))) {
			modules = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toArray(String[]::new);
		}
		catch (IOException ex) {
			throw new ClassNotFoundException("cannot list modules", ex);
		}
		for (String module : modules) {
			try {
				Class<?> type = Class.forName("org.govhall." + module + "." + simpleName);
				if (type.isEnum()) {
					return type;
				}
			}
			catch (ClassNotFoundException ex) {
				// try the next module
			}
		}
		throw new ClassNotFoundException("no enum " + simpleName + " in any module");
	}

	private static java.util.List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties bundle(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = BundleKeysTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> d = new TreeSet<>(a);
		d.removeAll(b);
		return d;
	}

}
