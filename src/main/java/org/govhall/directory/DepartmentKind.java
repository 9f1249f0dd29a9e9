package org.govhall.directory;

/**
 * Whether a department is an organ of government or a public utility (公共企事业单位) that
 * publishes services.
 */
public enum DepartmentKind {

	GOVERNMENT, SCHOOL, HOSPITAL, TELECOM, WATER, POWER, HEATING, OTHER_UTILITY;

}
