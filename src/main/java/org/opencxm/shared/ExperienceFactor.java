package org.opencxm.shared;

/**
 * The six factors that decide whether an experience is good or bad (体验要素): root causes of
 * cases and the aspects of comments are classified by them.
 */
public enum ExperienceFactor {

	/** 产品 */
	PRODUCT,
	/** 服务 */
	SERVICE,
	/** 关系 */
	RELATIONSHIP,
	/** 便利性 */
	CONVENIENCE,
	/** 品牌形象 */
	BRAND_IMAGE,
	/** 价格 */
	PRICE

}
