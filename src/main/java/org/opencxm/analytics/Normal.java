package org.opencxm.analytics;

/**
 * The standard normal distribution. The cumulative distribution uses Marsaglia's series
 * near the centre and Laplace's continued fraction in the tails, so that small tail
 * probabilities keep their relative precision; the quantile refines the Abramowitz and
 * Stegun 26.2.23 approximation by Halley steps.
 */
final class Normal {

	private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

	private static final double SERIES_LIMIT = 3;

	private Normal() {
	}

	static double density(double x) {
		return Math.exp(-0.5 * x * x - LOG_SQRT_TWO_PI);
	}

	/** P(Z ≤ x). */
	static double cdf(double x) {
		if (x < -SERIES_LIMIT) {
			return upperTailByFraction(-x);
		}
		if (x > SERIES_LIMIT) {
			return 1 - upperTailByFraction(x);
		}
		// Marsaglia (2004): Φ(x) = 1/2 + φ(x) · (x + x³/3 + x⁵/(3·5) + ...).
		double sum = x;
		double previous = Double.NaN;
		double term = x;
		double square = x * x;
		for (int i = 1; sum != previous; i += 2) {
			previous = sum;
			term *= square / (i + 2);
			sum += term;
		}
		return 0.5 + sum * density(x);
	}

	/** P(Z > x). */
	static double upperTail(double x) {
		return (x > SERIES_LIMIT) ? upperTailByFraction(x) : 1 - cdf(x);
	}

	/** The x with P(Z ≤ x) = p. */
	static double quantile(double p) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("a probability in (0, 1) is needed, not " + p);
		}
		if (p > 0.5) {
			return -quantile(1 - p);
		}
		double t = Math.sqrt(-2 * Math.log(p));
		double x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
				/ (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
		for (int i = 0; i < 4; i++) {
			double error = cdf(x) - p;
			double u = error / density(x);
			double step = u / (1 + x * u / 2);
			x -= step;
			if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) {
				break;
			}
		}
		return x;
	}

	/** Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + ...)))) for x > 0, by Lentz's method. */
	private static double upperTailByFraction(double x) {
		double tiny = 1e-300;
		double f = x;
		double c = x;
		double d = 0;
		for (int j = 1; j < 10_000; j++) {
			d = x + j * d;
			d = (Math.abs(d) < tiny) ? 1 / tiny : 1 / d;
			c = x + j / c;
			if (Math.abs(c) < tiny) {
				c = tiny;
			}
			double delta = c * d;
			f *= delta;
			if (Math.abs(delta - 1) < 1e-16) {
				break;
			}
		}
		return density(x) / f;
	}

}
