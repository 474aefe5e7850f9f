package org.opencxm.analytics;

import java.util.Random;

import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CrossProductsTests {

	@Test
	void giveTheCovarianceMatrixOfTheRows() {
		double[][] covariances = Swiss.crossProducts().covariances();
		double[][] reference = new Covariance(Swiss.ROWS).getCovarianceMatrix().getData();

		for (int a = 0; a < 6; a++) {
			for (int b = 0; b < 6; b++) {
				assertThat(covariances[a][b]).isCloseTo(reference[a][b], within(1e-9 * Math.abs(reference[a][b])));
			}
		}
	}

	@Test
	void mergeLikeAllRowsAtOnce() {
		Random random = new Random(3);
		CrossProducts.Accumulator all = CrossProducts.accumulator(3);
		CrossProducts.Accumulator first = CrossProducts.accumulator(3);
		CrossProducts.Accumulator second = CrossProducts.accumulator(3);
		for (int i = 0; i < 1000; i++) {
			double[] drivers = { random.nextInt(11), random.nextInt(11), random.nextInt(5) + 1 };
			double outcome = random.nextInt(11);
			all.add(drivers, outcome);
			((i % 3 == 0) ? first : second).add(drivers, outcome);
		}
		CrossProducts merged = first.toCrossProducts().merge(second.toCrossProducts());

		// Integer scores sum exactly, so the merged statistics are identical.
		assertThat(merged).isEqualTo(all.toCrossProducts());
		assertThat(merged.hashCode()).isEqualTo(all.toCrossProducts().hashCode());
		assertThat(merged.minus(second.toCrossProducts())).isEqualTo(first.toCrossProducts());
		assertThat(merged.count()).isEqualTo(1000);
	}

	@Test
	void roundTripThroughTheirStoredForm() {
		CrossProducts swiss = Swiss.crossProducts();
		CrossProducts restored = CrossProducts.of(swiss.count(), swiss.sums(), swiss.products());

		assertThat(restored).isEqualTo(swiss);
		assertThat(restored.drivers()).isEqualTo(5);
		assertThat(restored.variables()).isEqualTo(6);
		assertThat(restored.outcome()).isEqualTo(5);
		assertThat(restored.product(1, 4)).isEqualTo(restored.product(4, 1));
		double examinationTimesFertility = 0;
		for (double[] row : Swiss.ROWS) {
			examinationTimesFertility += row[1] * row[5];
		}
		assertThat(restored.product(1, 5)).isCloseTo(examinationTimesFertility, within(1e-9));
		assertThat(restored.sums()).hasSize(6);
		assertThat(restored.products()).hasSize(21);
	}

	@Test
	void cannotBeChangedThroughTheirArrays() {
		CrossProducts swiss = Swiss.crossProducts();
		double before = swiss.sum(0);
		swiss.sums()[0] = 0;
		swiss.products()[0] = 0;

		assertThat(swiss.sum(0)).isEqualTo(before);
		assertThat(swiss).isEqualTo(Swiss.crossProducts());
	}

	@Test
	void rejectWhatDoesNotFit() {
		assertThatIllegalArgumentException().isThrownBy(() -> CrossProducts.empty(0));
		assertThatIllegalArgumentException().isThrownBy(() -> CrossProducts.empty(16));
		assertThatIllegalArgumentException().isThrownBy(() -> CrossProducts.of(3, new double[3], new double[5]));
		assertThatIllegalArgumentException().isThrownBy(() -> CrossProducts.accumulator(2).add(new double[] { 1 }, 2));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CrossProducts.accumulator(1).add(new double[] { Double.NaN }, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> CrossProducts.empty(2).merge(CrossProducts.empty(3)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CrossProducts.empty(2).minus(Swiss.crossProducts().minus(Swiss.crossProducts())));
	}

}
