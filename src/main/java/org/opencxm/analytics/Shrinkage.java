package org.opencxm.analytics;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Empirical Bayes shrinkage of sibling units' means toward their parent's, for rankings
 * that small units would otherwise top or tail by chance. Each unit's true mean is taken
 * as drawn from N(μ₀, τ²) and its observed mean as N(θ, σ²/n); the posterior mean is
 * (n·x̄/σ² + μ₀/τ²) / (n/σ² + 1/τ²). μ₀ is the parent's mean, σ² the pooled within-unit
 * variance, and τ² the between-unit variance by the method of moments: the variance of
 * the unit means less the mean sampling variance σ²/nᵢ, floored at σ²/10,000 so that the
 * parent never outweighs ten thousand of a unit's own responses.
 *
 * @param priorMean μ₀
 * @param withinVariance σ²
 * @param betweenVariance τ²; {@code null} when fewer than two units have responses or
 * nothing varies, and then nothing is shrunk
 * @param estimates one per unit, in the order given
 */
public record Shrinkage(double priorMean, double withinVariance, @Nullable Double betweenVariance,
		List<ShrunkenEstimate> estimates) {

	static final double FLOOR_RATIO = 1e-4;

	public Shrinkage {
		estimates = List.copyOf(estimates);
	}

	/** Shrinks each unit's mean of a measure toward the parent's. */
	public static Shrinkage toward(Moments parent, List<Moments> units) {
		if (parent.count() == 0) {
			throw new IllegalArgumentException("the parent needs responses to shrink toward");
		}
		double priorMean = parent.mean();
		double within = withinVariance(parent, units);
		Double between = betweenVariance(units, within);
		List<ShrunkenEstimate> estimates = new ArrayList<>(units.size());
		for (Moments unit : units) {
			estimates.add(estimate(unit, priorMean, within, between));
		}
		return new Shrinkage(priorMean, within, between, estimates);
	}

	/** Shrinks each unit's NPS toward the parent's, on the −100..100 scale. */
	public static Shrinkage npsToward(NpsCounts parent, List<NpsCounts> units) {
		Shrinkage fraction = toward(parent.asMoments(), units.stream().map(NpsCounts::asMoments).toList());
		Double between = fraction.betweenVariance();
		return new Shrinkage(100 * fraction.priorMean(), 10_000 * fraction.withinVariance(),
				(between != null) ? 10_000 * between : null,
				fraction.estimates().stream().map(Shrinkage::inPoints).toList());
	}

	private static ShrunkenEstimate estimate(Moments unit, double priorMean, double within, @Nullable Double between) {
		long n = unit.count();
		if (n == 0) {
			ConfidenceInterval interval = (between != null)
					? ConfidenceInterval.around(priorMean, Confidence.Z * Math.sqrt(between)) : null;
			return new ShrunkenEstimate(0, null, priorMean, 0, interval);
		}
		double raw = unit.mean();
		if (between == null) {
			return new ShrunkenEstimate(n, raw, raw, 1,
					ConfidenceInterval.around(raw, Confidence.Z * Math.sqrt(within / n)));
		}
		double ownPrecision = n / within;
		double priorPrecision = 1 / between;
		double weight = ownPrecision / (ownPrecision + priorPrecision);
		double posteriorVariance = 1 / (ownPrecision + priorPrecision);
		return new ShrunkenEstimate(n, raw, weight * raw + (1 - weight) * priorMean, weight, ConfidenceInterval
			.around(weight * raw + (1 - weight) * priorMean, Confidence.Z * Math.sqrt(posteriorVariance)));
	}

	/**
	 * Σ(nᵢ − 1)sᵢ² / Σ(nᵢ − 1); the parent's variance where no unit has two responses.
	 */
	private static double withinVariance(Moments parent, List<Moments> units) {
		double squares = 0;
		long degrees = 0;
		for (Moments unit : units) {
			if (unit.count() >= 2) {
				squares += (unit.count() - 1) * unit.variance();
				degrees += unit.count() - 1;
			}
		}
		if (degrees > 0) {
			return squares / degrees;
		}
		return (parent.count() >= 2) ? parent.variance() : 0;
	}

	private static @Nullable Double betweenVariance(List<Moments> units, double within) {
		List<Moments> answered = units.stream().filter((unit) -> unit.count() > 0).toList();
		if (answered.size() < 2 || within == 0) {
			return null;
		}
		double meanOfMeans = 0;
		double meanSamplingVariance = 0;
		for (Moments unit : answered) {
			meanOfMeans += unit.mean();
			meanSamplingVariance += within / unit.count();
		}
		meanOfMeans /= answered.size();
		meanSamplingVariance /= answered.size();
		double spread = 0;
		for (Moments unit : answered) {
			spread += (unit.mean() - meanOfMeans) * (unit.mean() - meanOfMeans);
		}
		spread /= answered.size() - 1;
		return Math.max(FLOOR_RATIO * within, spread - meanSamplingVariance);
	}

	private static ShrunkenEstimate inPoints(ShrunkenEstimate fraction) {
		Double raw = fraction.raw();
		ConfidenceInterval interval = fraction.interval();
		return new ShrunkenEstimate(fraction.count(), (raw != null) ? 100 * raw : null, 100 * fraction.shrunken(),
				fraction.weight(),
				(interval != null) ? new ConfidenceInterval(100 * interval.lower(), 100 * interval.upper()) : null);
	}

}
