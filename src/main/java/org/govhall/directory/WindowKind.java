package org.govhall.directory;

/**
 * A comprehensive window (综合窗口) receives items of many departments; a dedicated one (专窗)
 * those of one.
 */
public enum WindowKind {

	COMPREHENSIVE, DEDICATED

}
