package org.opencxm.analytics;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ComparisonTests {

	// R's sleep data: extra hours of sleep under two drugs, ten patients each.
	private static final double[] FIRST_DRUG = { 0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0 };

	private static final double[] SECOND_DRUG = { 1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4 };

	@Test
	void comparesMeansByWelchsTest() {
		// t.test(extra ~ group, data = sleep) in R: t = -1.8608, df = 17.776,
		// p-value = 0.07939, 95 percent confidence interval -3.3654832 0.2054832.
		Comparison comparison = Comparison.ofMeans(Moments.of(FIRST_DRUG), Moments.of(SECOND_DRUG)).orElseThrow();

		assertThat(comparison.method()).isEqualTo(Comparison.Method.WELCH_T);
		assertThat(comparison.difference()).isCloseTo(0.75 - 2.33, within(1e-12));
		assertThat(comparison.statistic()).isCloseTo(-1.8608, within(5e-5));
		assertThat(comparison.degreesOfFreedom()).isCloseTo(17.776, within(5e-4));
		assertThat(comparison.pValue()).isCloseTo(0.07939, within(5e-6));
		assertThat(comparison.differenceInterval().lower()).isCloseTo(-3.3654832, within(5e-8));
		assertThat(comparison.differenceInterval().upper()).isCloseTo(0.2054832, within(5e-8));
		assertThat(comparison.significant()).isFalse();
		assertThat(comparison.smallSample()).isTrue();
	}

	@Test
	void agreesWithCommonsMathOnWelchsTest() {
		double[] a = { 7.1, 6.8, 8.0, 7.7, 6.9, 7.5, 8.2, 7.0, 6.5, 7.9, 8.4, 7.2 };
		double[] b = { 6.2, 6.9, 5.8, 7.0, 6.1, 6.6, 5.9, 6.4 };
		Comparison comparison = Comparison.ofMeans(Moments.of(a), Moments.of(b)).orElseThrow();
		TTest reference = new TTest();

		assertThat(comparison.statistic()).isCloseTo(reference.t(a, b), within(1e-12));
		assertThat(comparison.pValue()).isCloseTo(reference.tTest(a, b), within(1e-10));
		assertThat(comparison.significant()).isTrue();
	}

	@Test
	void comparesSharesByTheTwoProportionTest() {
		// 45 of 100 against 30 of 100: pooled share 0.375, z = 0.15 / √(0.375 · 0.625 ·
		// 0.02);
		// z² is Pearson's χ² of the 2 × 2 table, n(ad − bc)² / (r₁r₂c₁c₂) = 4.8.
		Comparison comparison = Comparison.ofProportions(new Proportion(45, 100), new Proportion(30, 100))
			.orElseThrow();
		double chiSquared = 200.0 * Math.pow(45 * 70 - 55 * 30, 2) / (100.0 * 100 * 75 * 125);

		assertThat(chiSquared).isCloseTo(4.8, within(1e-12));
		assertThat(comparison.method()).isEqualTo(Comparison.Method.TWO_PROPORTION_Z);
		assertThat(comparison.statistic() * comparison.statistic()).isCloseTo(chiSquared, within(1e-12));
		assertThat(comparison.pValue())
			.isCloseTo(1 - new ChiSquaredDistribution(1).cumulativeProbability(chiSquared), within(1e-12))
			.isCloseTo(0.02846, within(5e-6));
		assertThat(comparison.difference()).isCloseTo(0.15, within(1e-12));
		// The interval of the difference uses the unpooled error √(0.45·0.55/100 +
		// 0.3·0.7/100).
		assertThat(comparison.differenceInterval().width() / 2)
			.isCloseTo(Confidence.Z * Math.sqrt(0.45 * 0.55 / 100 + 0.3 * 0.7 / 100), within(1e-12));
		assertThat(comparison.significant()).isTrue();
		assertThat(comparison.degreesOfFreedom()).isNull();
	}

	@Test
	void comparesNetPromoterScoresFromTheirVariances() {
		// 50/30/20 of 100 (NPS 30, Var 0.0061) against 30/40/30 of 200 (NPS 0,
		// Var (0.3 + 0.3 − 0) / 200 = 0.003): z = 0.3 / √0.0091.
		Comparison comparison = Comparison.ofNps(new NpsCounts(50, 30, 20), new NpsCounts(60, 80, 60)).orElseThrow();
		double z = 0.3 / Math.sqrt(0.0091);

		assertThat(comparison.method()).isEqualTo(Comparison.Method.NPS_Z);
		assertThat(comparison.difference()).isCloseTo(30, within(1e-12));
		assertThat(comparison.standardError()).isCloseTo(100 * Math.sqrt(0.0091), within(1e-12));
		assertThat(comparison.statistic()).isCloseTo(z, within(1e-12));
		assertThat(comparison.pValue()).isCloseTo(2 * (1 - Normal.cdf(z)), within(1e-14))
			.isCloseTo(0.0016617, within(1e-7));
		assertThat(comparison.significant()).isTrue();
		assertThat(comparison.differenceInterval().lower()).isCloseTo(30 - 1.959964 * 100 * Math.sqrt(0.0091),
				within(1e-4));
	}

	@Test
	void flagsSmallSlices() {
		assertThat(Comparison.ofNps(new NpsCounts(10, 5, 5), new NpsCounts(100, 50, 50)).orElseThrow().smallSample())
			.isTrue();
		assertThat(Comparison.ofNps(new NpsCounts(20, 5, 5), new NpsCounts(100, 50, 50)).orElseThrow().smallSample())
			.isFalse();
	}

	@Test
	void givesNoTestWithoutDataOrVariation() {
		assertThat(Comparison.ofMeans(Moments.of(1), Moments.of(1, 2, 3))).isEmpty();
		assertThat(Comparison.ofMeans(Moments.of(4, 4, 4), Moments.of(4, 4))).isEmpty();
		assertThat(Comparison.ofNps(NpsCounts.EMPTY, new NpsCounts(1, 1, 1))).isEmpty();
		assertThat(Comparison.ofNps(new NpsCounts(5, 0, 0), new NpsCounts(7, 0, 0))).isEmpty();
		assertThat(Comparison.ofProportions(new Proportion(0, 10), new Proportion(0, 20))).isEmpty();
		assertThat(Comparison.ofProportions(Proportion.EMPTY, new Proportion(3, 20))).isEmpty();
	}

}
