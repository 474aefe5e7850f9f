package org.opencxm.analytics;

/**
 * The mergeable count of responses that meet a condition, such as CSAT top-two-box, among
 * all counted.
 */
public record Proportion(long successes, long count) {

	public static final Proportion EMPTY = new Proportion(0, 0);

	public Proportion {
		if (successes < 0 || count < successes) {
			throw new IllegalArgumentException("needs 0 <= successes <= count");
		}
	}

	public Proportion with(boolean success) {
		return new Proportion(this.successes + (success ? 1 : 0), this.count + 1);
	}

	public Proportion merge(Proportion other) {
		return new Proportion(this.successes + other.successes, this.count + other.count);
	}

	/** The share, 0..1. */
	public double share() {
		requireSome();
		return (double) this.successes / this.count;
	}

	/**
	 * The 95% Wilson score interval of the share (Wilson 1927), which unlike the plain
	 * normal interval stays within 0..1 and keeps its coverage near the edges.
	 */
	public ConfidenceInterval interval() {
		requireSome();
		double z = Confidence.Z;
		double n = this.count;
		double p = share();
		double denominator = 1 + z * z / n;
		double centre = (p + z * z / (2 * n)) / denominator;
		double halfWidth = z / denominator * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
		return new ConfidenceInterval(Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth));
	}

	/** Fewer than 30 counted. */
	public boolean smallSample() {
		return Confidence.small(this.count);
	}

	private void requireSome() {
		if (this.count == 0) {
			throw new IllegalStateException("a share needs at least one count");
		}
	}

}
