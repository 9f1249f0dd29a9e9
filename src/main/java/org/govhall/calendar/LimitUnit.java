package org.govhall.calendar;

/** The unit of a time limit: working days (行政许可法 第八十二条) or calendar days. */
public enum LimitUnit {

	WORKING_DAY, CALENDAR_DAY

}
