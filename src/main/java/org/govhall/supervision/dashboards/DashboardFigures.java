package org.govhall.supervision.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * The figures of one dashboard row over a period. Rates and shares are fractions (0.75 is
 * 75 %) with four decimals, averages have two; each is absent when nothing was counted to
 * take it over.
 *
 * @param received cases received in the period (受理量)
 * @param completed cases decided in the period (办结量)
 * @param onTime completed within the promised limit, or the statutory one when nothing
 * was promised
 * @param early completed in fewer working days than promised (提前办结)
 * @param instant received as instant items (即办件)
 * @param online received online (网上办理)
 * @param onTimeRate {@code onTime / completed} (按时办结率)
 * @param earlyRate {@code early / completed} (提前办结率)
 * @param instantShare {@code instant / received} (即办件比例)
 * @param onlineShare {@code online / received} (网办率)
 * @param averageVisits on-site visits per completed case (跑动次数)
 * @param averageActualDays working days from acceptance to decision, over completed cases
 * that have them
 * @param averagePromisedDays promised limit, over completed cases that have one
 * @param averageStatutoryDays statutory limit, over completed cases that have one
 * @param compressionRatio {@code averagePromisedDays / averageStatutoryDays} (承诺时限压缩比)
 * @param overdue {@code overdueCompleted + overdueOpen}
 * @param overdueCompleted completed in the period after the limit
 * @param overdueOpen received in the period, still open and red now (not counted again
 * when decided late)
 * @param cards yellow and red cards issued in the period
 * @param redCards red cards issued in the period
 */
record DashboardFigures(long received, long completed, long onTime, long early, long instant, long online,
		@Nullable BigDecimal onTimeRate, @Nullable BigDecimal earlyRate, @Nullable BigDecimal instantShare,
		@Nullable BigDecimal onlineShare, @Nullable BigDecimal averageVisits, @Nullable BigDecimal averageActualDays,
		@Nullable BigDecimal averagePromisedDays, @Nullable BigDecimal averageStatutoryDays,
		@Nullable BigDecimal compressionRatio, long overdue, long overdueCompleted, long overdueOpen, long cards,
		long redCards) {

	static DashboardFigures of(DashboardCounts c) {
		BigDecimal promised = average(c.promisedSum(), c.promisedCount(), 10);
		BigDecimal statutory = average(c.statutorySum(), c.statutoryCount(), 10);
		BigDecimal ratio = promised == null || statutory == null || statutory.signum() == 0 ? null
				: promised.divide(statutory, 4, RoundingMode.HALF_UP);
		return new DashboardFigures(c.received(), c.completed(), c.onTime(), c.early(), c.instant(), c.online(),
				average(c.onTime(), c.completed(), 4), average(c.early(), c.completed(), 4),
				average(c.instant(), c.received(), 4), average(c.online(), c.received(), 4),
				average(c.visits(), c.completed(), 2), average(c.actualSum(), c.actualCount(), 2), scaled(promised, 2),
				scaled(statutory, 2), ratio, c.late() + c.overdueOpen(), c.late(), c.overdueOpen(), c.cards(),
				c.redCards());
	}

	private static @Nullable BigDecimal average(long sum, long count, int scale) {
		return count == 0 ? null
				: BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
	}

	private static @Nullable BigDecimal scaled(@Nullable BigDecimal value, int scale) {
		return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
	}

}
