package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.govhall.cases.CaseRecords.HistoryEntry;
import org.govhall.system.RepositoryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The case table and its history on H2 (PostgreSQL mode): a step starts from the case and
 * its history read in one statement (ADR 0034), which must be the case and the history as
 * they are stored, oldest line first, and the lines a step appends are those the next
 * read finds.
 */
@RepositoryTest
@Import(Cases.class)
class CasesRepositoryTests {

	@Autowired
	Cases cases;

	@Test
	void aCaseIsReadWithItsHistoryInTheOrderItWasWritten() {
		Case c = cases.insert(CaseTests.licence("2026-06-05"));
		c.drainEvents();
		Cases.WithHistory received = cases.findWithHistory(c.number()).orElseThrow();
		assertThat(received.c().state()).isEqualTo(CaseState.RECEIVED);
		assertThat(received.history()).extracting(HistoryEntry::action).containsExactly(CaseAction.RECEIVED);

		Case loaded = received.c();
		loaded.accept(CaseTests.CLERK, CaseTests.on("2026-06-08"), CaseTests.PLAIN);
		List<HistoryEntry> appended = cases.update(loaded);
		assertThat(appended).extracting(HistoryEntry::action).containsExactly(CaseAction.ACCEPTED);

		Cases.WithHistory accepted = cases.findWithHistory(c.number()).orElseThrow();
		assertThat(accepted.c().state()).isEqualTo(CaseState.ACCEPTED);
		assertThat(accepted.c().version()).isEqualTo(loaded.version());
		assertThat(accepted.history()).as("the same as the history read on its own")
			.isEqualTo(cases.history(accepted.c().id()));
		assertThat(accepted.history()).as("what was loaded and what the step appended")
			.containsExactly(received.history().get(0), appended.get(0));
	}

	@Test
	void anUnknownNumberFindsNothing() {
		assertThat(cases.findWithHistory("660100-2026-9999999")).isEmpty();
	}

}
