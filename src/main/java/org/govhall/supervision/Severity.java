package org.govhall.supervision;

/**
 * How grave an irregularity is, and so what it brings: a serious one a yellow card (黄牌)
 * to the responsible department, a critical one a red card (红牌) at once.
 */
enum Severity {

	/** Recorded and counted in the dashboards; no card. */
	MINOR,
	/** A yellow card. */
	SERIOUS,
	/** A red card. */
	CRITICAL

}
