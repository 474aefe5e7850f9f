package org.opencxm.analytics;

/**
 * The confidence level and small-sample limit every figure uses.
 */
final class Confidence {

	/** Two-sided 95%. */
	static final double LEVEL = 0.95;

	/** Significance level of the comparisons. */
	static final double ALPHA = 1 - LEVEL;

	/** Slices with fewer responses are flagged. */
	static final long SMALL_SAMPLE_BELOW = 30;

	/** z for a two-sided 95% interval, 1.959964. */
	static final double Z = Normal.quantile(1 - ALPHA / 2);

	private Confidence() {
	}

	/** t for a two-sided 95% interval with the given degrees of freedom. */
	static double t(double degreesOfFreedom) {
		return StudentT.quantile(1 - ALPHA / 2, degreesOfFreedom);
	}

	static boolean small(long count) {
		return count < SMALL_SAMPLE_BELOW;
	}

}
