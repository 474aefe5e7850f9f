package org.opencxm.analytics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ShrinkageTests {

	// Three stores with 4, 16 and 100 responses, means 8, 6 and 7, each with variance 4.
	private static final Moments SMALL = new Moments(4, 32, 3 * 4 + 4 * 64);

	private static final Moments MIDDLE = new Moments(16, 96, 15 * 4 + 16 * 36);

	private static final Moments LARGE = new Moments(100, 700, 99 * 4 + 100 * 49);

	private static final Moments REGION = SMALL.merge(MIDDLE).merge(LARGE);

	@Test
	void shrinksSmallUnitsMostTowardTheirParent() {
		// μ₀ = 828 / 120 = 6.9; σ² = 4; the unit means 8, 6, 7 vary by 1, of which
		// 4 · (1/4 + 1/16 + 1/100) / 3 = 0.43 is sampling noise: τ² = 0.57.
		// Weights nτ² / (nτ² + σ²): 2.28/6.28, 9.12/13.12, 57/61.
		Shrinkage shrinkage = Shrinkage.toward(REGION, List.of(SMALL, MIDDLE, LARGE));

		assertThat(shrinkage.priorMean()).isCloseTo(6.9, within(1e-12));
		assertThat(shrinkage.withinVariance()).isCloseTo(4, within(1e-12));
		assertThat(shrinkage.betweenVariance()).isCloseTo(0.57, within(1e-12));
		List<ShrunkenEstimate> estimates = shrinkage.estimates();
		assertThat(estimates.get(0).raw()).isEqualTo(8);
		assertThat(estimates.get(0).weight()).isCloseTo(2.28 / 6.28, within(1e-12));
		assertThat(estimates.get(0).shrunken()).isCloseTo(6.9 + 2.28 / 6.28 * 1.1, within(1e-12))
			.isCloseTo(7.29936, within(1e-5));
		assertThat(estimates.get(1).shrunken()).isCloseTo(6.9 - 9.12 / 13.12 * 0.9, within(1e-12))
			.isCloseTo(6.27439, within(1e-5));
		assertThat(estimates.get(2).shrunken()).isCloseTo(6.9 + 57.0 / 61 * 0.1, within(1e-12));
		// Posterior variance τ²σ² / (nτ² + σ²) = 2.28 / 6.28 for the small store.
		assertThat(estimates.get(0).interval().width() / 2).isCloseTo(Confidence.Z * Math.sqrt(2.28 / 6.28),
				within(1e-12));
	}

	@Test
	void equalsThePrecisionWeightedPosterior() {
		Shrinkage shrinkage = Shrinkage.toward(REGION, List.of(SMALL, MIDDLE, LARGE));
		double sigma2 = shrinkage.withinVariance();
		double tau2 = shrinkage.betweenVariance();

		for (int i = 0; i < 3; i++) {
			Moments unit = List.of(SMALL, MIDDLE, LARGE).get(i);
			double posterior = (unit.count() * unit.mean() / sigma2 + shrinkage.priorMean() / tau2)
					/ (unit.count() / sigma2 + 1 / tau2);
			assertThat(shrinkage.estimates().get(i).shrunken()).isCloseTo(posterior, within(1e-12));
		}
	}

	@Test
	void shrinksAlmostFullyWhenTheUnitsDoNotDifferBeyondNoise() {
		Moments a = new Moments(50, 350, 49 * 4 + 50 * 49);
		Moments b = new Moments(50, 350, 49 * 4 + 50 * 49);
		Shrinkage shrinkage = Shrinkage.toward(a.merge(b), List.of(a, b));

		// τ² is floored at σ² / 10,000: the parent weighs as much as 10,000 responses.
		assertThat(shrinkage.betweenVariance()).isCloseTo(4e-4, within(1e-12));
		assertThat(shrinkage.estimates().get(0).weight()).isCloseTo(50.0 / 10_050, within(1e-12));
	}

	@Test
	void leavesALoneUnitAsItIs() {
		Shrinkage shrinkage = Shrinkage.toward(REGION, List.of(MIDDLE, Moments.EMPTY));

		assertThat(shrinkage.betweenVariance()).isNull();
		assertThat(shrinkage.estimates().get(0).shrunken()).isEqualTo(6);
		assertThat(shrinkage.estimates().get(0).weight()).isEqualTo(1);
		ShrunkenEstimate empty = shrinkage.estimates().get(1);
		assertThat(empty.raw()).isNull();
		assertThat(empty.shrunken()).isCloseTo(6.9, within(1e-12));
		assertThat(empty.weight()).isZero();
		assertThat(empty.interval()).isNull();
	}

	@Test
	void shrinksNetPromoterScoresOnTheirScale() {
		NpsCounts small = new NpsCounts(8, 1, 1);
		NpsCounts large = new NpsCounts(300, 400, 300);
		NpsCounts other = new NpsCounts(120, 60, 120);
		NpsCounts region = small.merge(large).merge(other);
		Shrinkage nps = Shrinkage.npsToward(region, List.of(small, large, other));
		Shrinkage fraction = Shrinkage.toward(region.asMoments(),
				List.of(small.asMoments(), large.asMoments(), other.asMoments()));

		assertThat(nps.priorMean()).isCloseTo(100 * fraction.priorMean(), within(1e-10));
		assertThat(nps.betweenVariance()).isCloseTo(10_000 * fraction.betweenVariance(), within(1e-8));
		assertThat(nps.estimates().get(0).raw()).isCloseTo(70, within(1e-10));
		assertThat(nps.estimates().get(0).shrunken()).isCloseTo(100 * fraction.estimates().get(0).shrunken(),
				within(1e-10));
		// The small store's 70 moves most of the way toward the region's.
		assertThat(nps.estimates().get(0).shrunken()).isBetween(nps.priorMean(), 70.0);
		assertThat(nps.estimates().get(0).weight()).isLessThan(nps.estimates().get(1).weight());
	}

	@Test
	void needsAParentWithResponses() {
		assertThatIllegalArgumentException().isThrownBy(() -> Shrinkage.toward(Moments.EMPTY, List.of(SMALL)));
	}

}
