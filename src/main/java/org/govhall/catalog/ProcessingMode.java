package org.govhall.catalog;

/**
 * 即办件 (decided at the window the same day) or 承诺件 (decided within a promised limit), GB/T
 * 39046 A.6.
 */
public enum ProcessingMode {

	INSTANT, PROMISED

}
