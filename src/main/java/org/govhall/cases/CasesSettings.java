package org.govhall.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of the {@code cases} module (ADR 0028). Public for one reason:
 * {@code warningDays} is the halls' one yellow threshold, which supervision's warnings
 * follow too (unless a stage has its own,
 * {@code govhall.supervision.yellow-days.<stage>}). The schedules of the jobs
 * ({@code govhall.cases.*-cron}) stay in their {@code @Scheduled} placeholders.
 *
 * @param warningDays a clock turns yellow (on case pages, in work lists and in
 * supervision's warnings) when this many working days or fewer remain
 * @param maxOpenPerItem open cases awaiting acceptance per applicant and item, online and
 * through agents
 * @param uploadQuota each account's uploads a day
 */
@ConfigurationProperties("govhall.cases")
@Validated
public record CasesSettings(@DefaultValue("2") @PositiveOrZero int warningDays,
		@DefaultValue("3") @PositiveOrZero int maxOpenPerItem, @DefaultValue @Valid UploadQuota uploadQuota) {

	/**
	 * An account's daily allowance of uploads: an applicant's is small, a window clerk's
	 * or agent's (who upload for many) larger.
	 *
	 * @param applicantFiles files an applicant may upload a day
	 * @param applicantSize bytes an applicant may upload a day
	 * @param intermediaryFiles files a window clerk or agent may upload a day
	 * @param intermediarySize bytes a window clerk or agent may upload a day
	 */
	public record UploadQuota(@DefaultValue("100") @PositiveOrZero int applicantFiles,
			@DefaultValue("100MB") DataSize applicantSize, @DefaultValue("2000") @PositiveOrZero int intermediaryFiles,
			@DefaultValue("2GB") DataSize intermediarySize) {
	}

}
