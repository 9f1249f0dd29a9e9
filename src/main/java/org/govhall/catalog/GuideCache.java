package org.govhall.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.govhall.directory.Directory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The guides in force, as each node keeps them in memory (ADR 0034): every application
 * reads its item's guide, and loading one takes some twenty statements (the item, its
 * version with its lists, the counties' take-up). An entry is used as it is for a second;
 * after that it is checked against the item's fingerprint (one statement: the item's
 * version, which every change of the item or of its versions in force moves, and its
 * counties' take-up marks), the directory's revision and the day (a version approved for
 * a later date comes into force on its day), and loaded again when any of them moved.
 * Writes on this node drop the item's entry at once and again after they commit. At most
 * {@value #MAX} guides are kept, the least recently used dropped first.
 */
@Component
class GuideCache {

	static final int MAX = 256;

	private final JdbcClient jdbc;

	private final Directory directory;

	private final Clock clock;

	private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
			return size() > MAX;
		}

	};

	/** Moved by every {@link #forget}: a load that began before it is not kept. */
	private long generation;

	GuideCache(JdbcClient jdbc, Directory directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * What an item's guide is at; absent when the item does not exist.
	 */
	record Fingerprint(long itemVersion, long marks, @Nullable Instant lastMark, Object directory, LocalDate day) {
	}

	private record Entry(Fingerprint fingerprint, Instant checkedAt, Optional<ItemGuide> guide) {
	}

	/**
	 * The guide in force of {@code code}, from memory while it is current, else from
	 * {@code load} (which is then kept).
	 */
	Optional<ItemGuide> inForce(String code, Supplier<Optional<ItemGuide>> load) {
		Instant now = clock.instant();
		Entry entry;
		long started;
		synchronized (entries) {
			entry = entries.get(code);
			started = generation;
		}
		if (entry != null && entry.checkedAt.plusSeconds(1).isAfter(now) && !now.isBefore(entry.checkedAt)) {
			return entry.guide;
		}
		Optional<Fingerprint> fingerprint = fingerprint(code);
		if (fingerprint.isEmpty()) {
			return load.get();
		}
		if (entry != null && entry.fingerprint.equals(fingerprint.get())) {
			keep(code, new Entry(entry.fingerprint, now, entry.guide), started);
			return entry.guide;
		}
		Optional<ItemGuide> guide = load.get();
		keep(code, new Entry(fingerprint.get(), now, guide), started);
		return guide;
	}

	/**
	 * Drops the item's guide after a write on this node: at once, and again after the
	 * write commits, so that a guide another request loaded in between, without the
	 * write, is not kept for a second.
	 */
	void forget(String code) {
		drop(code);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					drop(code);
				}
			});
		}
	}

	private void drop(String code) {
		synchronized (entries) {
			entries.remove(code);
			generation++;
		}
	}

	private void keep(String code, Entry entry, long started) {
		synchronized (entries) {
			if (generation == started) {
				entries.put(code, entry);
			}
		}
	}

	private Optional<Fingerprint> fingerprint(String code) {
		return jdbc
			.sql("""
					SELECT i.version,
					       (SELECT COUNT(*) FROM catalog_delegation_pending p WHERE p.item_code = i.code) AS marks,
					       (SELECT MAX(p.marked_at) FROM catalog_delegation_pending p WHERE p.item_code = i.code) AS last_mark
					FROM catalog_service_item i WHERE i.code = :code
					""")
			.param("code", code)
			.query((rs, n) -> {
				Timestamp last = rs.getTimestamp("last_mark");
				return new Fingerprint(rs.getLong(1), rs.getLong("marks"), last == null ? null : last.toInstant(),
						directory.referenceRevision(), LocalDate.now(clock));
			})
			.optional();
	}

}
