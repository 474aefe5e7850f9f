package org.opencxm.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.opencxm.analytics.CrossProducts;
import org.opencxm.analytics.KeyDriverAnalysis;

/**
 * Times a full key-driver analysis (regression, LMG over all subsets, Johnson's weights
 * and the delete-a-day jackknife, which repeats all of it once per day) over 12 drivers
 * and 730 days of daily cross-products, the shape of two years of data in any volume.
 * Run with {@code ./mvnw -q test-compile exec:java
 * -Dexec.mainClass=org.opencxm.bench.KeyDriverBenchmark}.
 */
public final class KeyDriverBenchmark {

	private static final int DRIVERS = 12;

	private static final int DAYS = 730;

	private static final int RESPONSES_PER_DAY = 200;

	private static final int RUNS = 30;

	private KeyDriverBenchmark() {
	}

	public static void main(String[] args) {
		List<String> names = new ArrayList<>();
		for (int j = 0; j < DRIVERS; j++) {
			names.add("touchpoint-" + (j + 1));
		}
		List<CrossProducts> days = syntheticDays(new Random(20240601));
		for (int i = 0; i < 10; i++) {
			KeyDriverAnalysis.of(names, days);
		}
		long[] nanos = new long[RUNS];
		KeyDriverAnalysis analysis = null;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			analysis = KeyDriverAnalysis.of(names, days);
			nanos[i] = System.nanoTime() - start;
		}
		long totalOnlyStart = System.nanoTime();
		CrossProducts total = days.stream().reduce(CrossProducts.empty(DRIVERS), CrossProducts::merge);
		for (int i = 0; i < RUNS; i++) {
			KeyDriverAnalysis.of(names, total);
		}
		double totalOnly = (System.nanoTime() - totalOnlyStart) / 1e6 / RUNS;
		Arrays.sort(nanos);
		System.out.printf("key-driver analysis, %d drivers, %d days (%d responses), %d runs on %d processors%n",
				DRIVERS, DAYS, (long) DAYS * RESPONSES_PER_DAY, RUNS, Runtime.getRuntime().availableProcessors());
		System.out.printf("  with the delete-a-day jackknife: p50 %.1f ms, p90 %.1f ms, min %.1f ms%n",
				nanos[RUNS / 2] / 1e6, nanos[RUNS * 9 / 10] / 1e6, nanos[0] / 1e6);
		System.out.printf("  one fit of the totals (merge + regression + LMG + Johnson): %.2f ms%n", totalOnly);
		System.out.printf("  R² %.3f, fix first: %s%n", analysis.rSquared().value(), analysis.fixFirst());
	}

	/**
	 * Drivers that share a common factor (so they correlate, as touchpoint scores do), on a
	 * 0–10 scale, and an outcome that depends on each with a different weight.
	 */
	private static List<CrossProducts> syntheticDays(Random random) {
		double[] effects = new double[DRIVERS];
		double[] levels = new double[DRIVERS];
		for (int j = 0; j < DRIVERS; j++) {
			effects[j] = 0.05 + 0.4 * random.nextDouble();
			levels[j] = 5.5 + 2.5 * random.nextDouble();
		}
		List<CrossProducts> days = new ArrayList<>(DAYS);
		double[] scores = new double[DRIVERS];
		for (int day = 0; day < DAYS; day++) {
			CrossProducts.Accumulator accumulator = CrossProducts.accumulator(DRIVERS);
			for (int r = 0; r < RESPONSES_PER_DAY; r++) {
				double factor = random.nextGaussian();
				double outcome = 0;
				for (int j = 0; j < DRIVERS; j++) {
					scores[j] = clamp(Math.round(levels[j] + 1.2 * factor + 1.5 * random.nextGaussian()));
					outcome += effects[j] * (scores[j] - levels[j]);
				}
				accumulator.add(scores, clamp(Math.round(7 + outcome + 1.5 * random.nextGaussian())));
			}
			days.add(accumulator.toCrossProducts());
		}
		return days;
	}

	private static double clamp(double score) {
		return Math.max(0, Math.min(10, score));
	}

}
