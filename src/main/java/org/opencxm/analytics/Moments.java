package org.opencxm.analytics;

/**
 * The mergeable sufficient statistics of a numeric measure: count, sum and sum of
 * squares. Two slices merge by adding them, so any period or slice is a sum of stored
 * rows.
 */
public record Moments(long count, double sum, double sumOfSquares) {

	public static final Moments EMPTY = new Moments(0, 0, 0);

	public Moments {
		if (count < 0) {
			throw new IllegalArgumentException("a count cannot be negative");
		}
	}

	public static Moments of(double... values) {
		Moments moments = EMPTY;
		for (double value : values) {
			moments = moments.with(value);
		}
		return moments;
	}

	public Moments with(double value) {
		return new Moments(this.count + 1, this.sum + value, this.sumOfSquares + value * value);
	}

	public Moments merge(Moments other) {
		return new Moments(this.count + other.count, this.sum + other.sum, this.sumOfSquares + other.sumOfSquares);
	}

	/** These moments without a part of them, e.g. a total without one day. */
	public Moments minus(Moments part) {
		return new Moments(this.count - part.count, this.sum - part.sum, this.sumOfSquares - part.sumOfSquares);
	}

	public double mean() {
		requireAtLeast(1);
		return this.sum / this.count;
	}

	/** The sample variance, with n − 1 in the denominator. */
	public double variance() {
		requireAtLeast(2);
		// Rounding can leave a tiny negative number where all values are equal.
		return Math.max(0, (this.sumOfSquares - this.sum * (this.sum / this.count)) / (this.count - 1));
	}

	public double standardDeviation() {
		return Math.sqrt(variance());
	}

	/** The standard error of the mean, s / √n. */
	public double standardError() {
		return Math.sqrt(variance() / this.count);
	}

	/** The 95% t interval of the mean: x̄ ± t(0.975, n − 1) · s / √n. */
	public ConfidenceInterval meanInterval() {
		return ConfidenceInterval.around(mean(), Confidence.t(this.count - 1) * standardError());
	}

	/**
	 * The mean with n, standard deviation and interval where there are enough values for
	 * them.
	 */
	public MeanEstimate estimate() {
		requireAtLeast(1);
		if (this.count < 2) {
			return new MeanEstimate(this.count, mean(), null, null, true);
		}
		return new MeanEstimate(this.count, mean(), standardDeviation(), meanInterval(), Confidence.small(this.count));
	}

	private void requireAtLeast(long needed) {
		if (this.count < needed) {
			throw new IllegalStateException("needs at least " + needed + " values, has " + this.count);
		}
	}

}
