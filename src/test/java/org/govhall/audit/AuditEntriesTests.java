package org.govhall.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govhall.audit.AuditEntries.Link;
import org.govhall.audit.AuditEntries.Sealing;
import org.govhall.shared.AuditEvent;
import org.govhall.system.RepositoryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The audit log's repository on H2 (PostgreSQL mode) migrated by Flyway: a row reads back
 * as appended (identity numbers masked, control characters blanked, the time to the
 * microsecond in UTC), a step's key makes its second append a no-op, sealing takes only
 * unsealed rows in order and refuses a row sealed meanwhile, and a day has one head.
 */
@RepositoryTest
@Import(AuditEntries.class)
class AuditEntriesTests {

	static final Instant AT = Instant.parse("2026-09-30T02:00:00.123456789Z");

	@Autowired
	AuditEntries entries;

	static AuditEvent event(String subject, String detail) {
		return new AuditEvent("clerk", "WINDOW_CLERK", "case.accepted", subject, detail, AT);
	}

	@Test
	void aRowReadsBackCleanedAndToTheMicrosecond() {
		assertThat(entries.append(event("660100-2026-0000001", "申请人 11010519491231002X\u0000受理"), null)).isTrue();
		AuditEntry row = entries.recent(0, 1).get(0);
		assertThat(row.actor()).isEqualTo("clerk");
		assertThat(row.actorRole()).isEqualTo("WINDOW_CLERK");
		assertThat(row.action()).isEqualTo("case.accepted");
		assertThat(row.subject()).isEqualTo("660100-2026-0000001");
		assertThat(row.detail()).isEqualTo("申请人 110105********002X 受理");
		assertThat(row.occurredAt()).isEqualTo(Instant.parse("2026-09-30T02:00:00.123456Z"));
		assertThat(row.sealed()).isFalse();
		assertThat(row.seq()).isNull();
	}

	@Test
	void aStepsKeyMakesItsSecondAppendANoOpButRowsWithoutAKeyAllCount() {
		long before = entries.count();
		assertThat(entries.append(event("660100-2026-0000002", "x"), "660100-2026-0000002|t|ACCEPTED")).isTrue();
		assertThat(entries.append(event("660100-2026-0000002", "x"), "660100-2026-0000002|t|ACCEPTED")).isFalse();
		assertThat(entries.append(event("calendar 2027", "x"), null)).isTrue();
		assertThat(entries.append(event("calendar 2027", "x"), null)).isTrue();
		assertThat(entries.count()).isEqualTo(before + 3);
	}

	@Test
	void sealingTakesUnsealedRowsInOrderAndRefusesARowSealedMeanwhile() {
		entries.append(event("A", "1"), null);
		entries.append(event("B", "2"), null);
		entries.append(event("C", "3"), null);
		List<AuditEntry> open = entries.unsealed(10);
		assertThat(open).extracting(AuditEntry::subject).containsExactly("A", "B", "C");
		long last = entries.lastSealed().map(Link::seq).orElse(0L);

		entries.seal(List.of(new Sealing(open.get(0).id(), last + 1, "0".repeat(64), "a".repeat(64)),
				new Sealing(open.get(1).id(), last + 2, "a".repeat(64), "b".repeat(64))), AT);
		assertThat(entries.lastSealed()).contains(new Link(last + 2, "b".repeat(64)));
		assertThat(entries.unsealed(10)).extracting(AuditEntry::subject).containsExactly("C");
		assertThat(entries.unsealedCount()).isEqualTo(1);
		assertThat(entries.sealedAfter(last, 10)).extracting(AuditEntry::subject, AuditEntry::prevHash)
			.containsExactly(tuple("A", "0".repeat(64)), tuple("B", "a".repeat(64)));
		assertThat(entries.hashAt(last + 1)).contains("a".repeat(64));

		assertThatThrownBy(() -> entries
			.seal(List.of(new Sealing(open.get(1).id(), last + 3, "b".repeat(64), "c".repeat(64))), AT))
			.as("B is sealed already")
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aDayHasOneHead() {
		LocalDate day = LocalDate.of(2026, 9, 30);
		assertThat(entries.publishHead(day, new Link(7, "d".repeat(64)), AT)).isTrue();
		assertThat(entries.publishHead(day, new Link(9, "e".repeat(64)), AT)).isFalse();
		assertThat(entries.heads()).singleElement()
			.isEqualTo(new PublishedHead(day, 7, "d".repeat(64), Instant.parse("2026-09-30T02:00:00.123456Z")));
	}

}
