package org.opencxm.analytics;

/**
 * A net promoter score with its 95% confidence interval, on the −100..100 scale. With p
 * and d the promoter and detractor shares of n responses, NPS = p − d and, from the
 * multinomial distribution, Var = (p + d − (p − d)²) / n; the interval is NPS ± z·√Var,
 * clipped to the scale.
 *
 * @param count the responses, n
 * @param score the NPS, −100..100
 * @param standardError √Var, in points of the −100..100 scale
 * @param interval the 95% interval, within −100..100
 * @param promoterPercent the promoters' share, 0..100
 * @param detractorPercent the detractors' share, 0..100
 * @param smallSample fewer than 30 responses
 */
public record NetPromoterScore(long count, double score, double standardError, ConfidenceInterval interval,
		double promoterPercent, double detractorPercent, boolean smallSample) {

	public static NetPromoterScore of(NpsCounts counts) {
		long n = counts.count();
		if (n == 0) {
			throw new IllegalArgumentException("a net promoter score needs at least one response");
		}
		double promoters = (double) counts.promoters() / n;
		double detractors = (double) counts.detractors() / n;
		double score = promoters - detractors;
		double standardError = Math.sqrt(variance(counts));
		double halfWidth = Confidence.Z * standardError;
		ConfidenceInterval interval = new ConfidenceInterval(Math.max(-1, score - halfWidth),
				Math.min(1, score + halfWidth));
		return new NetPromoterScore(n, 100 * score, 100 * standardError,
				new ConfidenceInterval(100 * interval.lower(), 100 * interval.upper()), 100 * promoters,
				100 * detractors, Confidence.small(n));
	}

	/** The variance of the NPS as a fraction: (p + d − (p − d)²) / n. */
	static double variance(NpsCounts counts) {
		long n = counts.count();
		double promoters = (double) counts.promoters() / n;
		double detractors = (double) counts.detractors() / n;
		double score = promoters - detractors;
		return Math.max(0, promoters + detractors - score * score) / n;
	}

}
