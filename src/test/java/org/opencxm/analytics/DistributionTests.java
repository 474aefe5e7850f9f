package org.opencxm.analytics;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The distributions against printed tables and against Apache Commons Math, an
 * independent implementation.
 */
class DistributionTests {

	private static final double[] DEGREES_OF_FREEDOM = { 1, 2, 3.5, 5, 10, 17.776, 29, 100, 999, 1000, 5000, 1e5, 1e6,
			1e7 };

	@Test
	void normalQuantilesMatchTheTables() {
		assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
		assertThat(Normal.quantile(0.95)).isCloseTo(1.6448536269514722, within(1e-14));
		assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-15));
		assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-13));
	}

	@Test
	void normalDistributionAgreesWithCommonsMath() {
		NormalDistribution reference = new NormalDistribution(0, 1);
		for (double x = -9; x <= 9; x += 0.0625) {
			double expected = reference.cumulativeProbability(x);
			assertThat(Normal.cdf(x)).as("cdf(%s)", x).isCloseTo(expected, within(1e-15 + 1e-12 * expected));
		}
		for (double p = 0.0005; p < 1; p += 0.0005) {
			assertThat(Normal.quantile(p)).as("quantile(%s)", p)
				.isCloseTo(reference.inverseCumulativeProbability(p), within(1e-9));
			assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-15));
		}
	}

	@Test
	void normalUpperTailKeepsItsRelativePrecision() {
		// 1 − Φ(6) = 9.865876450376946e-10 and 1 − Φ(10) = 7.619853024160527e-24.
		assertThat(Normal.upperTail(6)).isCloseTo(9.865876450376946e-10, within(1e-22));
		assertThat(Normal.upperTail(10)).isCloseTo(7.619853024160527e-24, within(1e-36));
	}

	@Test
	void studentQuantilesMatchTheClosedForms() {
		// ν = 1 is the Cauchy distribution: t = tan(π(p − 1/2)).
		assertThat(StudentT.quantile(0.975, 1)).isCloseTo(Math.tan(Math.PI * 0.475), within(1e-11));
		// ν = 2: t = (2p − 1) / √(2p(1 − p)).
		assertThat(StudentT.quantile(0.975, 2)).isCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), within(1e-12));
		assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.228138851986, within(1e-12));
		assertThat(evenDegreesCdf(StudentT.quantile(0.975, 10), 10)).isCloseTo(0.975, within(1e-15));
		assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.042272456301, within(1e-12));
		assertThat(evenDegreesCdf(StudentT.quantile(0.975, 30), 30)).isCloseTo(0.975, within(1e-15));
		assertThat(StudentT.quantile(0.025, 30)).isCloseTo(-StudentT.quantile(0.975, 30), within(1e-15));
		assertThat(StudentT.quantile(0.975, Double.POSITIVE_INFINITY)).isCloseTo(1.959963984540054, within(1e-14));
	}

	@Test
	void studentDistributionMatchesTheClosedFormForEvenDegrees() {
		for (int df = 2; df <= 40; df += 2) {
			for (double t = -6; t <= 6; t += 0.25) {
				assertThat(StudentT.cdf(t, df)).as("cdf(%s, %s)", t, df)
					.isCloseTo(evenDegreesCdf(t, df), within(1e-14));
			}
		}
	}

	/**
	 * Abramowitz and Stegun 26.7.3: for even ν, P(|T| < t) = sin θ (1 + cos²θ / 2 + 1·3
	 * cos⁴θ / (2·4) + ... + 1·3···(ν − 3) cos^(ν−2)θ / (2·4···(ν − 2))), θ =
	 * arctan(t/√ν).
	 */
	private static double evenDegreesCdf(double t, int df) {
		double theta = Math.atan(t / Math.sqrt(df));
		double cosSquared = Math.cos(theta) * Math.cos(theta);
		double sum = 1;
		double term = 1;
		for (int k = 1; k < df / 2; k++) {
			term *= (2.0 * k - 1) / (2.0 * k) * cosSquared;
			sum += term;
		}
		return (1 + Math.sin(theta) * sum) / 2;
	}

	@Test
	void studentDistributionAgreesWithCommonsMath() {
		for (double df : DEGREES_OF_FREEDOM) {
			TDistribution reference = new TDistribution(null, df, 1e-14);
			for (double t = -12; t <= 12; t += 0.125) {
				double expected = reference.cumulativeProbability(t);
				// Commons Math's own continued fraction loses digits at millions of
				// degrees of freedom.
				double relative = (df < 1e6) ? 1e-9 : 1e-8;
				assertThat(StudentT.cdf(t, df)).as("cdf(%s, %s)", t, df)
					.isCloseTo(expected, within(1e-13 + relative * expected));
			}
			for (double p : new double[] { 0.0001, 0.005, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.995,
					0.9999 }) {
				double quantile = StudentT.quantile(p, df);
				assertThat(quantile).as("quantile(%s, %s)", p, df)
					.isCloseTo(reference.inverseCumulativeProbability(p), within(1e-8 * Math.max(1, quantile)));
				assertThat(StudentT.cdf(quantile, df)).isCloseTo(p, within(1e-11));
			}
		}
	}

	@Test
	void studentDensityAgreesWithCommonsMath() {
		for (double df : new double[] { 1, 4.5, 30, 1e6 }) {
			TDistribution reference = new TDistribution(null, df, 1e-14);
			for (double t = -5; t <= 5; t += 0.5) {
				assertThat(StudentT.density(t, df)).isCloseTo(reference.density(t),
						within(1e-9 * reference.density(t)));
			}
		}
	}

	@Test
	void logGammaAgreesWithCommonsMath() {
		for (double x = 0.1; x < 200; x *= 1.3) {
			assertThat(StudentT.logGamma(x)).as("lnΓ(%s)", x)
				.isCloseTo(Gamma.logGamma(x), within(1e-13 * Math.max(1, Math.abs(Gamma.logGamma(x)))));
		}
	}

}
