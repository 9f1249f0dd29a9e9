package org.govhall.catalog;

/**
 * 实施主体性质 (GB/T 39046-2020 A.3): the implementing body is the authority the law names
 * (法定机关), an organisation a law or regulation authorises (授权组织, 行政许可法 第二十三条), or one
 * entrusted by an authority (受委托组织, 第二十四条).
 */
public enum BodyNature {

	STATUTORY("1"), AUTHORISED("2"), ENTRUSTED("3");

	private final String code;

	BodyNature(String code) {
		this.code = code;
	}

	/** The code of GB/T 39046 A.3. */
	public String code() {
		return code;
	}

}
