package org.opencxm.analytics;

/**
 * Student's t distribution for any positive degrees of freedom, from the regularized
 * incomplete beta function (continued fraction as in Numerical Recipes, 3rd ed., 6.4) and
 * Lanczos' log-gamma. The quantile starts from the Cornish–Fisher expansion (Abramowitz
 * and Stegun 26.7.5), which alone is exact to double precision from 1,000 degrees of
 * freedom, and is otherwise refined by safeguarded Newton steps.
 */
final class StudentT {

	private static final double[] LANCZOS = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028,
			771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
			1.5056327351493116e-7 };

	private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

	private static final double CORNISH_FISHER_FROM = 1000;

	private static final double EXPANSION_FROM = 1e6;

	private StudentT() {
	}

	/** P(T ≤ t). */
	static double cdf(double t, double degreesOfFreedom) {
		double tail = upperTail(Math.abs(t), degreesOfFreedom);
		return (t >= 0) ? 1 - tail : tail;
	}

	/** P(T > t). */
	static double upperTail(double t, double degreesOfFreedom) {
		checkDegreesOfFreedom(degreesOfFreedom);
		if (Double.isInfinite(degreesOfFreedom)) {
			return Normal.upperTail(t);
		}
		if (degreesOfFreedom >= EXPANSION_FROM) {
			// F(t) = Φ(t) − φ(t)(t³ + t)/(4ν) + O(ν⁻²): exact to double precision here,
			// and
			// the continued fraction would need O(√ν) steps.
			return Normal.upperTail(t) + Normal.density(t) * (t * t * t + t) / (4 * degreesOfFreedom);
		}
		double square = t * t;
		// P(|T| > |t|) = I_x(ν/2, 1/2) with x = ν / (ν + t²); 1 − x is passed exactly.
		double both = regularizedBeta(degreesOfFreedom / (degreesOfFreedom + square),
				square / (degreesOfFreedom + square), degreesOfFreedom / 2, 0.5);
		return (t >= 0) ? both / 2 : 1 - both / 2;
	}

	/** P(|T| ≥ |t|): the two-sided p-value of a t statistic. */
	static double twoSidedP(double t, double degreesOfFreedom) {
		return Math.min(1, 2 * upperTail(Math.abs(t), degreesOfFreedom));
	}

	static double density(double t, double degreesOfFreedom) {
		double nu = degreesOfFreedom;
		return Math
			.exp(logGammaRatio(nu / 2, 0.5) - 0.5 * Math.log(nu * Math.PI) - (nu + 1) / 2 * Math.log1p(t * t / nu));
	}

	/** The t with P(T ≤ t) = p. */
	static double quantile(double p, double degreesOfFreedom) {
		checkDegreesOfFreedom(degreesOfFreedom);
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("a probability in (0, 1) is needed, not " + p);
		}
		if (p < 0.5) {
			return -quantile(1 - p, degreesOfFreedom);
		}
		if (p == 0.5) {
			return 0;
		}
		double z = Normal.quantile(p);
		if (Double.isInfinite(degreesOfFreedom)) {
			return z;
		}
		double t = cornishFisher(z, degreesOfFreedom);
		if (degreesOfFreedom >= CORNISH_FISHER_FROM) {
			return t;
		}
		return refine(1 - p, degreesOfFreedom, t);
	}

	/** Solves P(T > t) = q for t > 0 by Newton steps kept inside a shrinking bracket. */
	private static double refine(double q, double nu, double start) {
		double low = 0;
		double high = Double.POSITIVE_INFINITY;
		double t = start;
		for (int i = 0; i < 200; i++) {
			double excess = upperTail(t, nu) - q;
			if (excess > 0) {
				low = t;
			}
			else {
				high = t;
			}
			double next = t + excess / density(t, nu);
			if (!(next > low && next < high)) {
				next = Double.isInfinite(high) ? 2 * t : (low + high) / 2;
			}
			// Newton converges quadratically: a step this small leaves an error far below
			// it.
			if (Math.abs(next - t) <= 1e-11 * t) {
				return next;
			}
			t = next;
		}
		return t;
	}

	private static double cornishFisher(double x, double nu) {
		double x2 = x * x;
		double x3 = x2 * x;
		double x5 = x3 * x2;
		double x7 = x5 * x2;
		double x9 = x7 * x2;
		double g1 = (x3 + x) / 4;
		double g2 = (5 * x5 + 16 * x3 + 3 * x) / 96;
		double g3 = (3 * x7 + 19 * x5 + 17 * x3 - 15 * x) / 384;
		double g4 = (79 * x9 + 776 * x7 + 1482 * x5 - 1920 * x3 - 945 * x) / 92160;
		return x + g1 / nu + g2 / (nu * nu) + g3 / (nu * nu * nu) + g4 / (nu * nu * nu * nu);
	}

	/**
	 * I_x(a, b), given both x and y = 1 − x so that neither loses precision near 1.
	 */
	static double regularizedBeta(double x, double y, double a, double b) {
		if (x <= 0) {
			return 0;
		}
		if (y <= 0) {
			return 1;
		}
		// log1p of the smaller complement keeps ln x precise when x is near 1 and a is
		// large.
		double logX = (x > 0.5) ? Math.log1p(-y) : Math.log(x);
		double logY = (y > 0.5) ? Math.log1p(-x) : Math.log(y);
		double logPrefix = a * logX + b * logY - logBeta(a, b);
		if (x < (a + 1) / (a + b + 2)) {
			return Math.exp(logPrefix) * continuedFraction(x, a, b) / a;
		}
		return 1 - Math.exp(logPrefix) * continuedFraction(y, b, a) / b;
	}

	private static double continuedFraction(double x, double a, double b) {
		double tiny = 1e-300;
		double sum = a + b;
		double aPlusOne = a + 1;
		double aMinusOne = a - 1;
		double c = 1;
		double d = 1 - sum * x / aPlusOne;
		d = (Math.abs(d) < tiny) ? 1 / tiny : 1 / d;
		double h = d;
		// Convergence takes O(√max(a, b)) steps (Numerical Recipes 6.4).
		int limit = (int) Math.min(10_000_000, 200 + 50 * Math.sqrt(Math.max(a, b)));
		for (int m = 1; m <= limit; m++) {
			int m2 = 2 * m;
			double aa = m * (b - m) * x / ((aMinusOne + m2) * (a + m2));
			d = 1 + aa * d;
			d = (Math.abs(d) < tiny) ? 1 / tiny : 1 / d;
			c = 1 + aa / c;
			c = (Math.abs(c) < tiny) ? tiny : c;
			h *= d * c;
			aa = -(a + m) * (sum + m) * x / ((a + m2) * (aPlusOne + m2));
			d = 1 + aa * d;
			d = (Math.abs(d) < tiny) ? 1 / tiny : 1 / d;
			c = 1 + aa / c;
			c = (Math.abs(c) < tiny) ? tiny : c;
			double delta = d * c;
			h *= delta;
			if (Math.abs(delta - 1) < 1e-15) {
				break;
			}
		}
		return h;
	}

	private static double logBeta(double a, double b) {
		return logGamma(b) - logGammaRatio(a, b);
	}

	/**
	 * ln Γ(a + b) − ln Γ(a), without the cancellation of the plain difference for large
	 * a.
	 */
	private static double logGammaRatio(double a, double b) {
		if (a < 1e4) {
			return logGamma(a + b) - logGamma(a);
		}
		// Stirling's series for both terms, subtracted analytically; the error is O(a⁻³).
		double sum = a + b;
		return (a - 0.5) * Math.log1p(b / a) + b * Math.log(sum) - b + (1 / sum - 1 / a) / 12;
	}

	static double logGamma(double x) {
		if (x < 0.5) {
			return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
		}
		double shifted = x - 1;
		double series = LANCZOS[0];
		for (int i = 1; i < LANCZOS.length; i++) {
			series += LANCZOS[i] / (shifted + i);
		}
		double t = shifted + 7.5;
		return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
	}

	private static void checkDegreesOfFreedom(double degreesOfFreedom) {
		if (!(degreesOfFreedom > 0)) {
			throw new IllegalArgumentException("degrees of freedom must be positive, not " + degreesOfFreedom);
		}
	}

}
