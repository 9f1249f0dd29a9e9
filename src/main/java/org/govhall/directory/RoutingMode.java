package org.govhall.directory;

/**
 * How a department's online and agent cases get their first handler (首办负责人) on receipt:
 * in turn among its window clerks on duty, or always the named duty clerk (值班窗口人员) while
 * that clerk is on duty.
 */
public enum RoutingMode {

	ROUND_ROBIN, DUTY_CLERK

}
