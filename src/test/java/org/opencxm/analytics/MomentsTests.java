package org.opencxm.analytics;

import java.util.Arrays;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

class MomentsTests {

	private static final double[] VALUES = { 2, 4, 4, 4, 5, 5, 7, 9 };

	@Test
	void giveTheMeanAndTheSampleVariance() {
		Moments moments = Moments.of(VALUES);

		assertThat(moments.count()).isEqualTo(8);
		assertThat(moments.mean()).isEqualTo(5);
		// Σ(x − 5)² = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32, over n − 1 = 7.
		assertThat(moments.variance()).isCloseTo(32.0 / 7, within(1e-14));
		assertThat(moments.standardDeviation()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-14));
		assertThat(moments.standardError()).isCloseTo(Math.sqrt(32.0 / 7 / 8), within(1e-14));
	}

	@Test
	void giveTheTIntervalOfTheMean() {
		ConfidenceInterval interval = Moments.of(VALUES).meanInterval();

		double t = new TDistribution(7).inverseCumulativeProbability(0.975);
		double halfWidth = t * Math.sqrt(32.0 / 7 / 8);
		assertThat(t).isCloseTo(2.364624, within(1e-6));
		assertThat(interval.lower()).isCloseTo(5 - halfWidth, within(1e-9));
		assertThat(interval.upper()).isCloseTo(5 + halfWidth, within(1e-9));
	}

	@Test
	void mergeLikeAllValuesAtOnce() {
		Moments merged = Moments.of(2, 4, 4).merge(Moments.of(4, 5)).merge(Moments.EMPTY).merge(Moments.of(5, 7, 9));

		assertThat(merged).isEqualTo(Moments.of(VALUES));
		assertThat(merged.minus(Moments.of(5, 7, 9))).isEqualTo(Moments.of(2, 4, 4, 4, 5));
	}

	@Test
	void keepTheirPrecisionFarFromZero() {
		double[] shifted = Arrays.stream(VALUES).map((x) -> x + 1e6).toArray();

		assertThat(Moments.of(shifted).variance()).isCloseTo(32.0 / 7, within(1e-6));
	}

	@Test
	void neverReportANegativeVarianceForEqualValues() {
		for (double value : new double[] { 0.1, 0.3, 0.7, 1.1, 2.9, 1e8 + 0.1 }) {
			double[] values = new double[9];
			Arrays.fill(values, value);
			assertThat(Moments.of(values).variance()).isNotNegative().isCloseTo(0, within(1e-15 * value * value));
		}
	}

	@Test
	void estimateWithoutSpreadFromOneValue() {
		MeanEstimate estimate = Moments.of(7).estimate();

		assertThat(estimate.mean()).isEqualTo(7);
		assertThat(estimate.standardDeviation()).isNull();
		assertThat(estimate.interval()).isNull();
		assertThat(estimate.smallSample()).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> Moments.of(7).variance());
		assertThatIllegalStateException().isThrownBy(Moments.EMPTY::mean);
	}

	@Test
	void flagSamplesUnderThirty() {
		double[] values = new double[30];
		Arrays.fill(values, 3);
		values[0] = 4;

		assertThat(Moments.of(Arrays.copyOf(values, 29)).estimate().smallSample()).isTrue();
		assertThat(Moments.of(values).estimate().smallSample()).isFalse();
		assertThat(Moments.of(values).estimate().interval()).isNotNull();
	}

}
