package org.govhall.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row of every table, as sorted text with a SHA-256 per table, and the files under
 * the storage directory with their sizes: two snapshots that are equal prove that nothing
 * was stored, changed or deleted in between. A table can be narrowed by a condition when
 * part of it is an append-only technical record (see {@link #narrowed}).
 */
final class DatabaseSnapshot {

	/** One table's rows in a stable order and their digest. */
	record Table(String name, List<String> rows, String sha256) {
	}

	private final Map<String, Table> tables;

	private final Map<String, Long> files;

	private DatabaseSnapshot(Map<String, Table> tables, Map<String, Long> files) {
		this.tables = tables;
		this.files = files;
	}

	/**
	 * Reads every base table of the schema; {@code narrowed} maps a lower-case table name
	 * to a SQL condition that selects the rows to compare.
	 */
	static DatabaseSnapshot take(JdbcTemplate jdbc, Path storage, Map<String, String> narrowed) throws IOException {
		List<String> names = jdbc.queryForList(
				"SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
						+ "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
				String.class);
		Map<String, Table> tables = new TreeMap<>();
		for (String name : names) {
			String where = narrowed.get(name.toLowerCase(Locale.ROOT));
			List<String> rows = new ArrayList<>();
			jdbc.query("SELECT * FROM \"" + name + "\"" + (where == null ? "" : " WHERE " + where), rs -> {
				ResultSetMetaData meta = rs.getMetaData();
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					Object v = rs.getObject(i);
					row.append(meta.getColumnLabel(i).toLowerCase(Locale.ROOT))
						.append('=')
						.append(v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(v))
						.append('|');
				}
				rows.add(row.toString());
			});
			rows.sort(null);
			tables.put(name.toLowerCase(Locale.ROOT), new Table(name, rows, sha256(rows)));
		}
		return new DatabaseSnapshot(tables, files(storage));
	}

	private static Map<String, Long> files(Path root) throws IOException {
		Map<String, Long> files = new TreeMap<>();
		if (!Files.isDirectory(root)) {
			return files;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path p : walk.filter(Files::isRegularFile).toList()) {
				files.put(root.relativize(p).toString(), Files.size(p));
			}
		}
		return files;
	}

	Set<String> tableNames() {
		return tables.keySet();
	}

	int rows(String table) {
		return tables.get(table).rows().size();
	}

	long fileCount() {
		return files.size();
	}

	/**
	 * What differs from an earlier snapshot: per table the rows gone and the rows new,
	 * and the files.
	 */
	List<String> differencesFrom(DatabaseSnapshot before) {
		List<String> out = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>(before.tables.keySet());
		names.addAll(tables.keySet());
		for (String name : names) {
			Table was = before.tables.get(name);
			Table now = tables.get(name);
			if (was == null || now == null) {
				out.add(name + (was == null ? " appeared" : " disappeared"));
				continue;
			}
			if (was.sha256().equals(now.sha256())) {
				continue;
			}
			List<String> gone = new ArrayList<>(was.rows());
			gone.removeAll(now.rows());
			List<String> added = new ArrayList<>(now.rows());
			added.removeAll(was.rows());
			out.add(name + ": " + was.rows().size() + " → " + now.rows().size() + " rows; gone "
					+ gone.stream().limit(5).toList() + "; new " + added.stream().limit(5).toList());
		}
		if (!files.equals(before.files)) {
			Map<String, Long> added = new TreeMap<>(files);
			before.files.keySet().forEach(added::remove);
			Map<String, Long> gone = new TreeMap<>(before.files);
			files.keySet().forEach(gone::remove);
			out.add("storage: " + before.files.size() + " → " + files.size() + " files; new " + added + "; gone "
					+ gone);
		}
		return out;
	}

	private static String sha256(List<String> rows) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String r : rows) {
				sha.update(r.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) '\n');
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
