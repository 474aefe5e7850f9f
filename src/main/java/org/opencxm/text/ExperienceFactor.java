package org.opencxm.text;

/**
 * The six experience factors (体验要素) that decide whether an experience is good or bad.
 */
public enum ExperienceFactor {

	PRODUCT("产品", "product"), SERVICE("服务", "service"), RELATIONSHIP("关系", "relationship"),
	CONVENIENCE("便利性", "convenience"), BRAND_IMAGE("品牌形象", "brand image"), PRICE("价格", "price");

	private final String zh;

	private final String en;

	ExperienceFactor(String zh, String en) {
		this.zh = zh;
		this.en = en;
	}

	/**
	 * The Chinese name.
	 * @return e.g. 产品
	 */
	public String zh() {
		return this.zh;
	}

	/**
	 * The English name.
	 * @return e.g. product
	 */
	public String en() {
		return this.en;
	}

}
