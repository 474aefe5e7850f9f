package org.opencxm.evaluation;

/**
 * The class of a 0–10 likelihood-to-recommend answer.
 */
public enum NpsClass {

	/** 9–10. */
	PROMOTER,
	/** 7–8. */
	PASSIVE,
	/** 0–6. */
	DETRACTOR;

	public static NpsClass of(int likelihoodToRecommend) {
		if (likelihoodToRecommend < 0 || likelihoodToRecommend > 10) {
			throw new IllegalArgumentException("likelihood to recommend is on 0..10, not " + likelihoodToRecommend);
		}
		if (likelihoodToRecommend >= 9) {
			return PROMOTER;
		}
		return (likelihoodToRecommend >= 7) ? PASSIVE : DETRACTOR;
	}

}
