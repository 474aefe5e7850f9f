package org.opencxm.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class KeyDriverAnalysisTests {

	private static final double EXACT = 1e-10;

	@Test
	void reproducesThePublishedSwissRegression() {
		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(Swiss.DRIVERS, Swiss.crossProducts());

		// summary(lm(Fertility ~ ., data = swiss)) in R: Multiple R-squared 0.7067 and
		// the
		// slopes below, printed to five decimals.
		assertThat(analysis.rSquared().value()).isCloseTo(0.7067, within(5e-5));
		double[] published = { -0.17211, -0.25801, -0.87094, 0.10412, 1.07705 };
		double outcomeDeviation = column(Swiss.ROWS, 5).standardDeviation();
		for (int j = 0; j < 5; j++) {
			double slope = analysis.drivers().get(j).weight().value() * outcomeDeviation
					/ column(Swiss.ROWS, j).standardDeviation();
			assertThat(slope).as(Swiss.DRIVERS.get(j)).isCloseTo(published[j], within(5.1e-6));
		}
		assertThat(analysis.count()).isEqualTo(47);
	}

	@Test
	void matchesLeastSquaresOnTheRawRows() {
		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(Swiss.DRIVERS, Swiss.crossProducts());
		double[] coefficients = RawRegression.coefficients(Swiss.ROWS);
		double outcomeDeviation = column(Swiss.ROWS, 5).standardDeviation();

		assertThat(analysis.rSquared().value()).isCloseTo(RawRegression.rSquared(Swiss.ROWS, List.of(0, 1, 2, 3, 4)),
				within(EXACT));
		for (int j = 0; j < 5; j++) {
			double standardized = coefficients[j + 1] * column(Swiss.ROWS, j).standardDeviation() / outcomeDeviation;
			assertThat(analysis.drivers().get(j).weight().value()).isCloseTo(standardized, within(EXACT));
			assertThat(analysis.drivers().get(j).performance()).isCloseTo(column(Swiss.ROWS, j).mean(), within(EXACT));
		}
	}

	@Test
	void subsetRSquaresMatchRegressionsOnTheRawRows() {
		double[][] correlations = correlations(Swiss.crossProducts());
		double[] rSquares = SubsetRSquares.of(correlations);

		assertThat(rSquares[0]).isZero();
		for (int mask = 1; mask < 32; mask++) {
			List<Integer> subset = new ArrayList<>();
			for (int j = 0; j < 5; j++) {
				if ((mask & (1 << j)) != 0) {
					subset.add(j);
				}
			}
			assertThat(rSquares[mask]).as("subset %s", subset)
				.isCloseTo(RawRegression.rSquared(Swiss.ROWS, subset), within(EXACT));
		}
	}

	@Test
	void lmgMatchesTheAverageIncreaseOverEveryOrderOfEntry() {
		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(Swiss.DRIVERS, Swiss.crossProducts());
		double[] byPermutations = RawRegression.lmgByPermutations(Swiss.ROWS);

		for (int j = 0; j < 5; j++) {
			assertThat(analysis.drivers().get(j).lmg().value()).as(Swiss.DRIVERS.get(j))
				.isCloseTo(byPermutations[j], within(EXACT));
		}
	}

	@Test
	void lmgAndJohnsonWeightsAddUpToRSquared() {
		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(Swiss.DRIVERS, Swiss.crossProducts());

		double lmg = analysis.drivers().stream().mapToDouble((driver) -> driver.lmg().value()).sum();
		double johnson = analysis.drivers().stream().mapToDouble((driver) -> driver.johnson().value()).sum();
		assertThat(lmg).isCloseTo(analysis.rSquared().value(), within(EXACT));
		assertThat(johnson).isCloseTo(analysis.rSquared().value(), within(EXACT));
		assertThat(analysis.drivers().stream().mapToDouble(DriverImportance::lmgPercent).sum()).isCloseTo(100,
				within(1e-8));
		assertThat(analysis.drivers().stream().mapToDouble(DriverImportance::johnsonPercent).sum()).isCloseTo(100,
				within(1e-8));
	}

	@Test
	void johnsonWeightsMatchAnEigenDecompositionByCommonsMath() {
		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(Swiss.DRIVERS, Swiss.crossProducts());
		double[] reference = RawRegression.johnson(Swiss.ROWS);

		for (int j = 0; j < 5; j++) {
			assertThat(analysis.drivers().get(j).johnson().value()).as(Swiss.DRIVERS.get(j))
				.isCloseTo(reference[j], within(EXACT));
		}
	}

	@Test
	void twoDriversMatchTheClosedForms() {
		// r(y, x1) = 0.5, r(y, x2) = 0.4, r(x1, x2) = 0.3.
		double r1 = 0.5;
		double r2 = 0.4;
		double r12 = 0.3;
		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(List.of("x1", "x2"),
				fromCorrelations(new double[][] { { 1, r12, r1 }, { r12, 1, r2 }, { r1, r2, 1 } }));

		double rSquared = (r1 * r1 + r2 * r2 - 2 * r1 * r2 * r12) / (1 - r12 * r12);
		assertThat(analysis.rSquared().value()).isCloseTo(rSquared, within(EXACT))
			.isCloseTo(0.29 / 0.91, within(EXACT));
		// Standardized weights: β1 = (r1 − r12·r2) / (1 − r12²).
		assertThat(analysis.drivers().get(0).weight().value()).isCloseTo((r1 - r12 * r2) / (1 - r12 * r12),
				within(EXACT));
		// LMG of two drivers: the mean of entering first (r²) and second (R² − the
		// other's r²).
		assertThat(analysis.drivers().get(0).lmg().value()).isCloseTo((r1 * r1 + rSquared - r2 * r2) / 2,
				within(EXACT));
		assertThat(analysis.drivers().get(1).lmg().value()).isCloseTo((r2 * r2 + rSquared - r1 * r1) / 2,
				within(EXACT));
		// Johnson: R_xx^½ = [[a, b], [b, a]], a, b = (√(1 + r12) ± √(1 − r12)) / 2, and
		// R_xx^−½ = [[a, −b], [−b, a]] / √(1 − r12²).
		double a = (Math.sqrt(1 + r12) + Math.sqrt(1 - r12)) / 2;
		double b = (Math.sqrt(1 + r12) - Math.sqrt(1 - r12)) / 2;
		double beta1 = (a * r1 - b * r2) / Math.sqrt(1 - r12 * r12);
		double beta2 = (a * r2 - b * r1) / Math.sqrt(1 - r12 * r12);
		assertThat(analysis.drivers().get(0).johnson().value()).isCloseTo(a * a * beta1 * beta1 + b * b * beta2 * beta2,
				within(EXACT));
		assertThat(analysis.drivers().get(1).johnson().value()).isCloseTo(b * b * beta1 * beta1 + a * a * beta2 * beta2,
				within(EXACT));
	}

	@Test
	void uncorrelatedDriversGetTheirSquaredCorrelationsByEveryMeasure() {
		double[] r = { 0.5, 0.3, -0.1 };
		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(List.of("a", "b", "c"), fromCorrelations(
				new double[][] { { 1, 0, 0, r[0] }, { 0, 1, 0, r[1] }, { 0, 0, 1, r[2] }, { r[0], r[1], r[2], 1 } }));

		assertThat(analysis.rSquared().value()).isCloseTo(0.35, within(EXACT));
		for (int j = 0; j < 3; j++) {
			DriverImportance driver = analysis.drivers().get(j);
			assertThat(driver.weight().value()).isCloseTo(r[j], within(EXACT));
			assertThat(driver.lmg().value()).isCloseTo(r[j] * r[j], within(EXACT));
			assertThat(driver.johnson().value()).isCloseTo(r[j] * r[j], within(EXACT));
			assertThat(driver.correlation()).isCloseTo(r[j], within(EXACT));
		}
	}

	@Test
	void mergedDailyStatisticsGiveTheSameAnalysisAsAllRowsAtOnce() {
		List<CrossProducts> days = new ArrayList<>();
		CrossProducts.Accumulator day = CrossProducts.accumulator(5);
		for (int i = 0; i < Swiss.ROWS.length; i++) {
			day.add(Swiss.drivers(Swiss.ROWS[i]), Swiss.outcome(Swiss.ROWS[i]));
			if (i % 8 == 7 || i == Swiss.ROWS.length - 1) {
				days.add(day.toCrossProducts());
				day = CrossProducts.accumulator(5);
			}
		}
		KeyDriverAnalysis byDays = KeyDriverAnalysis.of(Swiss.DRIVERS, days);
		KeyDriverAnalysis atOnce = KeyDriverAnalysis.of(Swiss.DRIVERS, Swiss.crossProducts());

		assertThat(byDays.days()).isEqualTo(6);
		assertThat(byDays.count()).isEqualTo(atOnce.count());
		assertThat(byDays.rSquared().value()).isCloseTo(atOnce.rSquared().value(), within(1e-12));
		for (int j = 0; j < 5; j++) {
			DriverImportance merged = byDays.drivers().get(j);
			DriverImportance whole = atOnce.drivers().get(j);
			assertThat(merged.weight().value()).isCloseTo(whole.weight().value(), within(1e-12));
			assertThat(merged.lmg().value()).isCloseTo(whole.lmg().value(), within(1e-12));
			assertThat(merged.johnson().value()).isCloseTo(whole.johnson().value(), within(1e-12));
			assertThat(merged.performance()).isCloseTo(whole.performance(), within(1e-12));
			assertThat(merged.quadrant()).isEqualTo(whole.quadrant());
			assertThat(merged.lmg().interval()).isNotNull();
			assertThat(whole.lmg().interval()).isNull();
		}
	}

	@Test
	void identicalDaysGiveIntervalsOfZeroWidth() {
		CrossProducts sameEveryDay = Swiss.crossProducts();
		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(Swiss.DRIVERS,
				List.of(sameEveryDay, sameEveryDay, sameEveryDay, CrossProducts.empty(5), sameEveryDay));

		assertThat(analysis.days()).isEqualTo(4);
		assertThat(analysis.count()).isEqualTo(4 * 47);
		assertThat(analysis.rSquared().value())
			.isCloseTo(KeyDriverAnalysis.of(Swiss.DRIVERS, sameEveryDay).rSquared().value(), within(1e-12));
		assertThat(analysis.rSquared().standardError()).isCloseTo(0, within(1e-12));
		for (DriverImportance driver : analysis.drivers()) {
			assertThat(driver.weight().standardError()).isCloseTo(0, within(1e-12));
			assertThat(driver.lmg().standardError()).isCloseTo(0, within(1e-12));
			assertThat(driver.johnson().standardError()).isCloseTo(0, within(1e-12));
			assertThat(driver.lmg().interval().width()).isCloseTo(0, within(1e-11));
		}
	}

	@Test
	void jackknifeErrorOfAConstantEffectMatchesItsAsymptoticError() {
		// One driver with a correlation of 0.5 every day: the weight is r, whose standard
		// error is about (1 − ρ²) / √n = 0.75 / √10,000 = 0.0075.
		Random random = new Random(42);
		List<CrossProducts> days = new ArrayList<>();
		for (int d = 0; d < 100; d++) {
			CrossProducts.Accumulator day = CrossProducts.accumulator(1);
			for (int i = 0; i < 100; i++) {
				double x = random.nextGaussian();
				day.add(new double[] { x }, 0.5 * x + Math.sqrt(0.75) * random.nextGaussian());
			}
			days.add(day.toCrossProducts());
		}
		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(List.of("x"), days);
		Estimate weight = analysis.drivers().get(0).weight();

		assertThat(weight.standardError()).isBetween(0.0075 * 0.75, 0.0075 * 1.25);
		assertThat(weight.interval().contains(0.5)).isTrue();
		assertThat(analysis.rSquared().interval().contains(0.25)).isTrue();
		assertThat(analysis.drivers().get(0).lmg().value()).isCloseTo(analysis.rSquared().value(), within(EXACT));
	}

	@Test
	void jackknifeOfDailyMeansGivesTheStandardErrorOfTheMeanOfDays() {
		// With equal days, θ₋ᵢ − θ̄ = −(mᵢ − m̄)/(g − 1), so the jackknife variance is
		// s²/g.
		double[] dayMeans = { 3, 5, 4, 8, 6, 4 };
		int g = dayMeans.length;
		double total = 0;
		for (double mean : dayMeans) {
			total += mean;
		}
		List<double[]> replicates = new ArrayList<>();
		for (double mean : dayMeans) {
			replicates.add(new double[] { (total - mean) / (g - 1) });
		}

		assertThat(Jackknife.standardErrors(replicates)[0]).isCloseTo(Math.sqrt(Moments.of(dayMeans).variance() / g),
				within(1e-14));
	}

	@Test
	void placesDriversInQuadrantsAndRanksTheOnesToFixFirst() {
		// Uncorrelated drivers, so each one's LMG is its squared correlation: 0.25,
		// 0.2025,
		// 0.04, 0.01, 0.0025, mean 0.101. Mean performance 7.4.
		double[] r = { 0.5, 0.45, 0.2, 0.1, 0.05 };
		double[] means = { 6, 5, 8, 9, 9 };
		double[][] covariance = new double[6][6];
		for (int i = 0; i < 6; i++) {
			covariance[i][i] = 1;
		}
		for (int j = 0; j < 5; j++) {
			covariance[j][5] = r[j];
			covariance[5][j] = r[j];
		}
		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(List.of("waiting", "handover", "staff", "signage", "parking"),
				fromMoments(1000, new double[] { 6, 5, 8, 9, 9, 7 }, covariance));

		assertThat(analysis.drivers()).extracting(DriverImportance::quadrant)
			.containsExactly(Quadrant.FIX_FIRST, Quadrant.FIX_FIRST, Quadrant.POSSIBLE_OVERKILL,
					Quadrant.POSSIBLE_OVERKILL, Quadrant.POSSIBLE_OVERKILL);
		assertThat(analysis.fixFirst()).containsExactly("waiting", "handover");
		assertThat(analysis.drivers()).extracting(DriverImportance::performance)
			.containsExactly(means[0], means[1], means[2], means[3], means[4]);

		KeyDriverAnalysis mixed = KeyDriverAnalysis.of(List.of("a", "b", "c", "d"),
				fromMoments(1000, new double[] { 6, 8, 5, 9, 0 }, new double[][] { { 1, 0, 0, 0, 0.6 },
						{ 0, 1, 0, 0, 0.4 }, { 0, 0, 1, 0, 0.2 }, { 0, 0, 0, 1, 0.1 }, { 0.6, 0.4, 0.2, 0.1, 1 } }));
		assertThat(mixed.drivers()).extracting(DriverImportance::quadrant)
			.containsExactly(Quadrant.FIX_FIRST, Quadrant.KEEP_UP, Quadrant.LOW_PRIORITY, Quadrant.POSSIBLE_OVERKILL);
		assertThat(mixed.fixFirst()).containsExactly("a");
	}

	@Test
	void analysesFifteenDriversExactly() {
		Random random = new Random(7);
		CrossProducts.Accumulator accumulator = CrossProducts.accumulator(15);
		double[] scores = new double[15];
		for (int i = 0; i < 2000; i++) {
			double factor = random.nextGaussian();
			double outcome = 0;
			for (int j = 0; j < 15; j++) {
				scores[j] = factor + random.nextGaussian();
				outcome += 0.05 * (j + 1) * scores[j];
			}
			accumulator.add(scores, outcome + random.nextGaussian());
		}
		List<String> names = new ArrayList<>();
		for (int j = 0; j < 15; j++) {
			names.add("d" + j);
		}

		KeyDriverAnalysis analysis = KeyDriverAnalysis.of(names, accumulator.toCrossProducts());

		assertThat(analysis.drivers().stream().mapToDouble((driver) -> driver.lmg().value()).sum())
			.isCloseTo(analysis.rSquared().value(), within(1e-9));
		assertThat(analysis.drivers()).allSatisfy((driver) -> assertThat(driver.lmg().value()).isPositive());
		// The drivers' effects grow with their index, and so does their importance.
		assertThat(analysis.drivers().get(14).lmg().value()).isGreaterThan(analysis.drivers().get(0).lmg().value());
	}

	@Test
	void rejectsADriverThatDoesNotVary() {
		CrossProducts.Accumulator accumulator = CrossProducts.accumulator(2);
		for (int i = 0; i < 10; i++) {
			accumulator.add(new double[] { i, 4 }, i % 3);
		}
		assertThatExceptionOfType(KeyDriverException.class)
			.isThrownBy(() -> KeyDriverAnalysis.of(List.of("speed", "parking"), accumulator.toCrossProducts()))
			.withMessageContaining("'parking' does not vary");
	}

	@Test
	void rejectsAnOutcomeThatDoesNotVary() {
		CrossProducts.Accumulator accumulator = CrossProducts.accumulator(1);
		for (int i = 0; i < 10; i++) {
			accumulator.add(new double[] { i }, 9);
		}
		assertThatExceptionOfType(KeyDriverException.class)
			.isThrownBy(() -> KeyDriverAnalysis.of(List.of("speed"), accumulator.toCrossProducts()))
			.withMessageContaining("the outcome does not vary");
	}

	@Test
	void rejectsDriversThatExplainOneAnother() {
		CrossProducts.Accumulator accumulator = CrossProducts.accumulator(3);
		for (int i = 0; i < 20; i++) {
			double a = i % 7;
			double b = (i * 3) % 5;
			accumulator.add(new double[] { a, b, 2 * a - b + 1 }, a + b + (i % 2));
		}
		assertThatExceptionOfType(KeyDriverException.class)
			.isThrownBy(() -> KeyDriverAnalysis.of(List.of("staff", "speed", "overall"), accumulator.toCrossProducts()))
			.withMessageContaining("'overall' is a linear combination");
	}

	@Test
	void rejectsTooFewResponses() {
		CrossProducts.Accumulator accumulator = CrossProducts.accumulator(3);
		for (int i = 0; i < 4; i++) {
			accumulator.add(new double[] { i, i * i, i % 2 }, i);
		}
		assertThatExceptionOfType(KeyDriverException.class)
			.isThrownBy(() -> KeyDriverAnalysis.of(List.of("a", "b", "c"), accumulator.toCrossProducts()))
			.withMessageContaining("at least 5 complete responses");
	}

	@Test
	void rejectsNamesThatDoNotFitTheStatistics() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KeyDriverAnalysis.of(List.of("a", "b"), Swiss.crossProducts()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KeyDriverAnalysis.of(List.of("a", "a", "b", "c", "d"), Swiss.crossProducts()));
	}

	private static Moments column(double[][] rows, int column) {
		Moments moments = Moments.EMPTY;
		for (double[] row : rows) {
			moments = moments.with(row[column]);
		}
		return moments;
	}

	private static double[][] correlations(CrossProducts statistics) {
		double[][] covariances = statistics.covariances();
		int p = covariances.length;
		double[][] correlations = new double[p][p];
		for (int a = 0; a < p; a++) {
			for (int b = 0; b < p; b++) {
				correlations[a][b] = covariances[a][b] / Math.sqrt(covariances[a][a] * covariances[b][b]);
			}
		}
		return correlations;
	}

	/** Statistics whose correlation matrix is the given one (means zero, n = 1,000). */
	private static CrossProducts fromCorrelations(double[][] correlations) {
		return fromMoments(1000, new double[correlations.length], correlations);
	}

	/** Statistics of n responses with the given means and covariance matrix. */
	static CrossProducts fromMoments(long n, double[] means, double[][] covariance) {
		int p = means.length;
		double[] sums = new double[p];
		double[] products = new double[p * (p + 1) / 2];
		int at = 0;
		for (int a = 0; a < p; a++) {
			sums[a] = n * means[a];
			for (int b = a; b < p; b++) {
				products[at++] = (n - 1) * covariance[a][b] + n * means[a] * means[b];
			}
		}
		return CrossProducts.of(n, sums, products);
	}

}
