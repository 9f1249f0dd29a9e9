package org.govhall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 13: the main sources name a class by its import and simple name, never fully
 * qualified inline. Imports, package lines, comments, Javadoc and string literals do not
 * count.
 */
class SourceStyleTests {

	static final Path MAIN = Path.of("src/main/java");

	/**
	 * The qualified names kept on purpose, "file:name" → why: each because its simple
	 * name is already taken there.
	 */
	static final Map<String, String> KEPT = Map.of(
			"org/govhall/cases/CasesApi.java:io.swagger.v3.oas.annotations.parameters.RequestBody",
			"the OpenAPI request body of a step; RequestBody is Spring's annotation on the controller's parameters");

	/**
	 * Two or more lower-case package segments before a capitalised name, not itself part
	 * of a longer chain.
	 */
	static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.$])(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*");

	@Test
	void mainSourcesNameNoClassFullyQualifiedInline() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
				String name = MAIN.relativize(file).toString().replace('\\', '/');
				for (String hit : qualifiedNames(Files.readString(file))) {
					String qualified = hit.substring(hit.indexOf(' ') + 1);
					if (!KEPT.containsKey(name + ":" + qualified)) {
						found.add(name + ":" + hit);
					}
				}
			}
		}
		assertThat(found).as("fully qualified names inline; import them (or justify an entry in KEPT)").isEmpty();
	}

	@Test
	void everyKeptNameIsStillThere() throws IOException {
		for (String kept : KEPT.keySet()) {
			String file = kept.substring(0, kept.indexOf(':'));
			String qualified = kept.substring(kept.indexOf(':') + 1);
			assertThat(qualifiedNames(Files.readString(MAIN.resolve(file))))
				.as("a kept entry no longer needed: %s", kept)
				.anyMatch(hit -> hit.endsWith(" " + qualified));
		}
	}

	@Test
	void findsQualifiedNamesInCodeOnly() {
		String source = """
				package org.govhall.example;

				import java.util.List;
				import static java.util.Objects.requireNonNull;

				/** Uses {@link java.util.Map} and {@code org.govhall.cases.Case}. */
				@org.jspecify.annotations.NullMarked
				class Example {
					// java.util.Set is fine here
					/* and org.govhall.shared.NotFoundException here */
					String s = "org.govhall.GovHallApplication";
					String t = \"""
							java.time.Clock in a text block
							\""";
					char c = '"';
					java.util.Map<String, java.math.BigDecimal> m = new java.util.HashMap<>();
					List<String> l = List.of(s.toLowerCase(java.util.Locale.ROOT));
					Object d = java.sql.Date.valueOf("2026-12-07"); // java.sql.Types after code
				}
				""";
		assertThat(qualifiedNames(source)).containsExactly("7 org.jspecify.annotations.NullMarked", "16 java.util.Map",
				"16 java.math.BigDecimal", "16 java.util.HashMap", "17 java.util.Locale", "18 java.sql.Date");
	}

	/** "line name" for each qualified name in the code of a source file. */
	static List<String> qualifiedNames(String source) {
		String[] lines = codeOnly(source).split("\n", -1);
		List<String> hits = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.startsWith("import ") || line.startsWith("package ")) {
				continue;
			}
			Matcher m = QUALIFIED.matcher(line);
			while (m.find()) {
				hits.add((i + 1) + " " + m.group());
			}
		}
		return hits;
	}

	/**
	 * The source with comments, string, text block and character literals blanked out;
	 * line breaks kept.
	 */
	static String codeOnly(String source) {
		StringBuilder code = new StringBuilder(source.length());
		int i = 0;
		while (i < source.length()) {
			String end;
			if (source.startsWith("//", i)) {
				end = "\n";
			}
			else if (source.startsWith("/*", i)) {
				end = "*/";
			}
			else if (source.startsWith("\"\"\"", i)) {
				end = "\"\"\"";
			}
			else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
				end = String.valueOf(source.charAt(i));
			}
			else {
				code.append(source.charAt(i++));
				continue;
			}
			boolean comment = end.equals("\n") || end.equals("*/");
			int from = i;
			i += comment ? 2 : end.length();
			while (i < source.length() && !source.startsWith(end, i)) {
				i += !comment && source.charAt(i) == '\\' ? 2 : 1;
			}
			i = Math.min(source.length(), end.equals("\n") ? i : i + end.length());
			for (int j = from; j < i; j++) {
				code.append(source.charAt(j) == '\n' ? '\n' : ' ');
			}
		}
		return code.toString();
	}

}
