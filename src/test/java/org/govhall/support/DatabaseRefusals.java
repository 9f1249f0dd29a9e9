package org.govhall.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * What a repository refuses, as the error handling sees it: Spring Data JDBC may wrap the
 * database's refusal, and the error handling answers by the cause (409 concurrent-change
 * for a stale version, 409 conflict for a unique rule).
 */
public final class DatabaseRefusals {

	private DatabaseRefusals() {
	}

	/** A stale copy refused by its {@code @Version}. */
	public static void concurrentChange(Throwable ex) {
		assertThat(causes(ex)).hasAtLeastOneElementOfType(OptimisticLockingFailureException.class);
	}

	/** A row refused by a unique rule (or another integrity rule) of the database. */
	public static void integrityRule(Throwable ex) {
		assertThat(causes(ex)).hasAtLeastOneElementOfType(DataIntegrityViolationException.class);
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> all = new ArrayList<>();
		for (Throwable t = ex; t != null && all.size() < 10; t = t.getCause()) {
			all.add(t);
		}
		return all;
	}

}
