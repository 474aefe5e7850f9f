package org.opencxm.analytics;

/**
 * A two-sided 95% confidence interval.
 */
public record ConfidenceInterval(double lower, double upper) {

	public ConfidenceInterval {
		if (!(lower <= upper)) {
			throw new IllegalArgumentException("an interval needs lower <= upper, not " + lower + ", " + upper);
		}
	}

	static ConfidenceInterval around(double estimate, double halfWidth) {
		return new ConfidenceInterval(estimate - halfWidth, estimate + halfWidth);
	}

	public boolean contains(double value) {
		return value >= this.lower && value <= this.upper;
	}

	public double width() {
		return this.upper - this.lower;
	}

}
