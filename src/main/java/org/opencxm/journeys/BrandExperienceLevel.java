package org.opencxm.journeys;

/**
 * The four levels of brand experience a touchpoint works on.
 */
public enum BrandExperienceLevel {

	/** 物质 */
	MATERIAL,
	/** 形象 */
	IMAGE,
	/** 服务 */
	SERVICE,
	/** 象征 */
	SYMBOLIC

}
