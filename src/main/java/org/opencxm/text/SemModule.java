package org.opencxm.text;

/**
 * Schmitt's strategic experiential modules (五种体验) a comment speaks to.
 */
public enum SemModule {

	SENSE("感官", "sense"), FEEL("情感", "feel"), THINK("思考", "think"), ACT("行动", "act"), RELATE("关联", "relate");

	private final String zh;

	private final String en;

	SemModule(String zh, String en) {
		this.zh = zh;
		this.en = en;
	}

	/**
	 * The Chinese name.
	 * @return e.g. 感官
	 */
	public String zh() {
		return this.zh;
	}

	/**
	 * The English name.
	 * @return e.g. sense
	 */
	public String en() {
		return this.en;
	}

}
