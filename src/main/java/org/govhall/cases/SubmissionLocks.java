package org.govhall.cases;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.govhall.directory.ApplicantIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One submission at a time per applicant and item, so that two simultaneous submissions
 * cannot both pass the count of open cases (issue 12, item 6; ADR 0020). On PostgreSQL a
 * transaction-scoped advisory lock does it across nodes; the embedded H2 database serves
 * one node, so a lock of this JVM held until the transaction ends does the same. The key
 * is a 64-bit hash of kind, number and item: two pairs that collide only wait for each
 * other.
 */
@Component
class SubmissionLocks {

	private static final int STRIPES = 256;

	private final JdbcClient jdbc;

	private final boolean postgres;

	private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

	SubmissionLocks(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = isPostgres(dataSource);
		for (int i = 0; i < STRIPES; i++) {
			stripes[i] = new ReentrantLock();
		}
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the database product", ex);
		}
	}

	/**
	 * Waits for, then holds until the current transaction ends, the lock of the
	 * applicant's submissions of an item.
	 */
	void lock(ApplicantIdentity applicant, String itemCode) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("a submission lock is held by a transaction");
		}
		long key = key(applicant, itemCode);
		if (postgres) {
			jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", key).query((rs, n) -> 1).list();
			return;
		}
		ReentrantLock lock = stripes[(int) Math.floorMod(key, (long) STRIPES)];
		lock.lock();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				lock.unlock();
			}
		});
	}

	/**
	 * FNV-1a over the three parts: stable across nodes and restarts, unlike
	 * {@code String.hashCode} mixing.
	 */
	static long key(ApplicantIdentity applicant, String itemCode) {
		long h = 0xcbf29ce484222325L;
		for (byte b : (applicant.kind().name() + '|' + applicant.number() + '|' + itemCode)
			.getBytes(StandardCharsets.UTF_8)) {
			h ^= b & 0xff;
			h *= 0x100000001b3L;
		}
		return h;
	}

}
