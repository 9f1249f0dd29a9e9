package org.govhall.supervision;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of the {@code supervision} module (ADR 0028): its own under
 * {@code govhall.supervision}, where the dashboards read ({@code govhall.reporting}) and
 * the node's name. The schedule of the nightly run
 * ({@code govhall.supervision.daily-cron}) stays in its {@code @Scheduled} placeholder.
 *
 * @param supervision the rules of electronic supervision (电子监察)
 * @param reporting where the dashboards read
 * @param nodeName the name of this node in the record of the nightly run; unset: the
 * JVM's name (pid@host)
 * @param cases {@code govhall.cases.warning-days}, the halls' one warning threshold
 */
@ConfigurationProperties("govhall")
@Validated
public record SupervisionSettings(@DefaultValue @Valid Rules supervision, @DefaultValue @Valid Reporting reporting,
		@Nullable String nodeName, @DefaultValue @Valid Hall cases) {

	/**
	 * The hall's one warning threshold, which the case pages and work lists read too
	 * ({@code CasesSettings}): read by key, so that supervision runs without the cases
	 * module's beans (its module tests start it alone).
	 *
	 * @param warningDays a clock turns yellow when this many working days or fewer remain
	 */
	public record Hall(@DefaultValue("2") @PositiveOrZero int warningDays) {
	}

	/**
	 * The rules of electronic supervision.
	 *
	 * @param maxSuspensionDays a suspension longer than this many days is an irregularity
	 * @param cardAnswerDays working days a department has to answer a card
	 * @param redCardAfter yellow cards of a department within a year after which the next
	 * one is red
	 * @param yellowDays per stage ({@code acceptance}, {@code decision}, {@code opinion},
	 * {@code delivery}): a stage turns yellow when this many working days or fewer
	 * remain; a stage without one follows {@code govhall.cases.warning-days}, the halls'
	 * one threshold
	 * @param delegation the tracking of delegated powers
	 */
	public record Rules(@DefaultValue("60") @Positive int maxSuspensionDays,
			@DefaultValue("5") @Positive int cardAnswerDays, @DefaultValue("3") @Positive int redCardAfter,
			@DefaultValue Map<Stage, @PositiveOrZero Integer> yellowDays, @DefaultValue Delegation delegation) {
	}

	/**
	 * The tracking of delegated powers (下放事项).
	 *
	 * @param aboveShare a county handling more than this share of a delegated item's
	 * cases above it is flagged, between 0 and 1
	 */
	public record Delegation(@DefaultValue("0.5") double aboveShare) {
	}

	/**
	 * Where the dashboards read.
	 *
	 * @param datasource a PostgreSQL streaming replica; none: the primary
	 */
	public record Reporting(@DefaultValue @Valid Datasource datasource) {
	}

	/**
	 * A read-only replica (GOVHALL_REPORTING_DB_*).
	 *
	 * @param url its JDBC URL; empty: the dashboards read the primary
	 * @param username its user; unset: the primary's
	 * @param password its password; unset: the primary's
	 * @param poolSize the largest number of connections to it
	 */
	public record Datasource(@DefaultValue("") String url, @Nullable String username, @Nullable String password,
			@DefaultValue("4") @Positive int poolSize) {
	}

}
