package org.opencxm.evaluation;

/**
 * The five-level model of how an experience was lived (客户体验评价模型), from the stimulus
 * intensity of its content and the customer's participation, against their expectation.
 * The rules are in {@code docs/experience-levels.md}.
 */
public enum ExperienceLevel {

	/** Below expectation (消极的体验); worse the more the customer took part. */
	NEGATIVE,
	/** Met but did not exceed expectation (无体验). */
	NONE,
	/** Above expectation with weak stimulus and passive participation (低度). */
	LOW,
	/** Above expectation with either a strong stimulus or full participation (中度). */
	MEDIUM,
	/**
	 * Above expectation, strong stimulus and full participation: "customer scream" (高度,
	 * 客户尖叫).
	 */
	HIGH

}
