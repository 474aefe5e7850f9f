package org.opencxm.analytics;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Whether two independent slices differ: the difference (first minus second), the test
 * suited to the metric, its two-sided p-value and a 95% interval of the difference.
 *
 * @param method the test
 * @param difference first minus second, in the metric's units (NPS points, the measure's
 * units, or a share 0..1)
 * @param standardError the standard error the test statistic divides by
 * @param statistic z or t
 * @param degreesOfFreedom Welch–Satterthwaite degrees of freedom of a t test;
 * {@code null} for z tests
 * @param pValue the two-sided p-value
 * @param significant {@code pValue < 0.05}
 * @param differenceInterval the 95% interval of the difference
 * @param smallSample either slice has fewer than 30 responses
 */
public record Comparison(Method method, double difference, double standardError, double statistic,
		@Nullable Double degreesOfFreedom, double pValue, boolean significant, ConfidenceInterval differenceInterval,
		boolean smallSample) {

	/** The tests. */
	public enum Method {

		/**
		 * Two NPS from independent samples: z from the sum of their multinomial
		 * variances.
		 */
		NPS_Z,
		/** Two means: Welch's t test, unequal variances. */
		WELCH_T,
		/** Two shares: the pooled two-proportion z test. */
		TWO_PROPORTION_Z

	}

	/**
	 * z = (NPS₁ − NPS₂) / √(Var₁ + Var₂), each Var from {@link NetPromoterScore}. Empty
	 * when a slice has no responses or neither varies.
	 */
	public static Optional<Comparison> ofNps(NpsCounts first, NpsCounts second) {
		if (first.count() == 0 || second.count() == 0) {
			return Optional.empty();
		}
		double difference = first.asMoments().mean() - second.asMoments().mean();
		double standardError = Math.sqrt(NetPromoterScore.variance(first) + NetPromoterScore.variance(second));
		if (standardError == 0) {
			return Optional.empty();
		}
		double z = difference / standardError;
		return Optional.of(new Comparison(Method.NPS_Z, 100 * difference, 100 * standardError, z, null,
				twoSidedNormal(z), twoSidedNormal(z) < Confidence.ALPHA,
				ConfidenceInterval.around(100 * difference, 100 * Confidence.Z * standardError),
				Confidence.small(first.count()) || Confidence.small(second.count())));
	}

	/**
	 * Welch's t test: t = (x̄₁ − x̄₂) / √(s₁²/n₁ + s₂²/n₂) with ν = (s₁²/n₁ + s₂²/n₂)² /
	 * ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)). Empty when a slice has fewer than two
	 * values or neither varies.
	 */
	public static Optional<Comparison> ofMeans(Moments first, Moments second) {
		if (first.count() < 2 || second.count() < 2) {
			return Optional.empty();
		}
		double a = first.variance() / first.count();
		double b = second.variance() / second.count();
		double standardError = Math.sqrt(a + b);
		if (standardError == 0) {
			return Optional.empty();
		}
		double degreesOfFreedom = (a + b) * (a + b) / (a * a / (first.count() - 1) + b * b / (second.count() - 1));
		double difference = first.mean() - second.mean();
		double t = difference / standardError;
		double p = StudentT.twoSidedP(t, degreesOfFreedom);
		return Optional
			.of(new Comparison(Method.WELCH_T, difference, standardError, t, degreesOfFreedom, p, p < Confidence.ALPHA,
					ConfidenceInterval.around(difference, Confidence.t(degreesOfFreedom) * standardError),
					Confidence.small(first.count()) || Confidence.small(second.count())));
	}

	/**
	 * The pooled two-proportion z test: z = (p₁ − p₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)) with
	 * p̂ the pooled share; the interval of the difference uses the unpooled standard
	 * error. Empty when a slice is empty or the pooled share is 0 or 1.
	 */
	public static Optional<Comparison> ofProportions(Proportion first, Proportion second) {
		if (first.count() == 0 || second.count() == 0) {
			return Optional.empty();
		}
		double n1 = first.count();
		double n2 = second.count();
		double pooled = (first.successes() + second.successes()) / (n1 + n2);
		double standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
		if (standardError == 0) {
			return Optional.empty();
		}
		double p1 = first.share();
		double p2 = second.share();
		double difference = p1 - p2;
		double z = difference / standardError;
		double unpooled = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
		return Optional.of(new Comparison(Method.TWO_PROPORTION_Z, difference, standardError, z, null,
				twoSidedNormal(z), twoSidedNormal(z) < Confidence.ALPHA,
				ConfidenceInterval.around(difference, Confidence.Z * unpooled),
				first.smallSample() || second.smallSample()));
	}

	private static double twoSidedNormal(double z) {
		return Math.min(1, 2 * Normal.upperTail(Math.abs(z)));
	}

}
