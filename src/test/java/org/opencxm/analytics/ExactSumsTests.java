package org.opencxm.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExactSumsTests {

	@Test
	void sumsOfRoundedScoresDoNotDependOnTheOrderTheyAreAddedIn() {
		Random random = new Random(7);
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < 50_000; i++) {
			// SEM module scores are means of items on a 0–100 scale: 66.666…, 83.333…
			values.add(Rollup.exact(100.0 * random.nextInt(31) / 30));
		}
		double[] forward = sums(values);
		Collections.shuffle(values, random);
		double[] shuffled = sums(values);
		assertThat(shuffled).containsExactly(forward);
		assertThat(Math.abs(Rollup.exact(200.0 / 3) - 200.0 / 3)).isLessThan(0.0005);
	}

	@Test
	void withoutRoundingTheOrderChangesTheSum() {
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			values.add(100.0 * (i % 31) / 30);
		}
		double forward = sums(values)[1];
		Collections.reverse(values);
		assertThat(sums(values)[1]).isNotEqualTo(forward);
	}

	private static double[] sums(List<Double> values) {
		double sum = 0;
		double squares = 0;
		for (double value : values) {
			sum += value;
			squares += value * value;
		}
		return new double[] { sum, squares };
	}

}
