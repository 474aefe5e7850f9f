package org.opencxm.text;

/**
 * The sentiment of a score in words, at fixed thresholds.
 * <p>
 * Scores lie in [-1, 1]. A score of {@value #POSITIVE_THRESHOLD} or more is positive, a
 * score of {@value #NEGATIVE_THRESHOLD} or less is negative, anything between is neutral.
 * The thresholds sit just off zero so that a single weak word ("ok", "还行") still counts
 * while rounding noise from mixed comments does not.
 */
public enum SentimentLabel {

	POSITIVE, NEUTRAL, NEGATIVE;

	/** Lowest score labelled positive. */
	public static final double POSITIVE_THRESHOLD = 0.1;

	/** Highest score labelled negative. */
	public static final double NEGATIVE_THRESHOLD = -0.1;

	/**
	 * The label of a score.
	 * @param score a sentiment score in [-1, 1]
	 * @return positive, neutral or negative
	 */
	public static SentimentLabel of(double score) {
		if (score >= POSITIVE_THRESHOLD) {
			return POSITIVE;
		}
		return (score <= NEGATIVE_THRESHOLD) ? NEGATIVE : NEUTRAL;
	}

}
