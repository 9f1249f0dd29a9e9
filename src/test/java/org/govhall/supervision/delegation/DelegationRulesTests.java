package org.govhall.supervision.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 下放不到位 threshold and the percentages, without a database. */
class DelegationRulesTests {

	@Test
	void notDelegatedInPracticeWhenTheShareHandledAboveExceedsTheThreshold() {
		// default 0.5: more county applicants' cases handled above than in the county
		assertThat(DelegationTracking.notDelegatedInPractice(2, 3, 0.5)).isTrue();
		assertThat(DelegationTracking.notDelegatedInPractice(0, 1, 0.5)).isTrue();
		assertThat(DelegationTracking.notDelegatedInPractice(3, 3, 0.5)).as("as many, not more").isFalse();
		assertThat(DelegationTracking.notDelegatedInPractice(4, 2, 0.5)).isFalse();
		assertThat(DelegationTracking.notDelegatedInPractice(0, 0, 0.5)).as("no case, no judgement").isFalse();
		// 0: any case handled above
		assertThat(DelegationTracking.notDelegatedInPractice(99, 1, 0)).isTrue();
		assertThat(DelegationTracking.notDelegatedInPractice(99, 0, 0)).isFalse();
		// 1: never
		assertThat(DelegationTracking.notDelegatedInPractice(0, 5, 1)).isFalse();
	}

	@Test
	void percentagesHaveOneDecimalAndADashForNone() {
		assertThat(DelegationOverview.percent(4.0 / 6)).isEqualTo("66.7%");
		assertThat(DelegationOverview.percent(1.0 / 3)).isEqualTo("33.3%");
		assertThat(DelegationOverview.percent(0.5)).isEqualTo("50%");
		assertThat(DelegationOverview.percent(1.0)).isEqualTo("100%");
		assertThat(DelegationOverview.percent(0.0)).isEqualTo("0%");
		assertThat(DelegationOverview.percent(null)).isEqualTo("—");
	}

}
