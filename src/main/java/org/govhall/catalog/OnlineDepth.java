package org.govhall.catalog;

/**
 * 网上办理深度: the four levels the national platform uses (◐, local guides): 一级 the guide is
 * online (信息发布), 二级 forms can be downloaded and visits booked (下载表格、在线预约), 三级 the
 * application is pre-reviewed online and one visit is left (网上预审), 四级 everything is done
 * online (全程网办).
 */
public enum OnlineDepth {

	LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4

}
