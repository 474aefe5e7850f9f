package org.opencxm.bench;

import java.lang.management.ManagementFactory;
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

	private static final int MOST_DRIVERS = 15;

	private static final int DAYS = 730;

	private static final int RESPONSES_PER_DAY = 200;

	private static final int RUNS = 30;

	private KeyDriverBenchmark() {
	}

	public static void main(String[] args) {
		List<String> names = names(DRIVERS);
		List<CrossProducts> days = syntheticDays(new Random(20240601), DRIVERS);
		for (int i = 0; i < 10; i++) {
			KeyDriverAnalysis.of(names, days);
		}
		long[] nanos = new long[RUNS];
		KeyDriverAnalysis analysis = null;
		long cpuStart = processCpuNanos();
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			analysis = KeyDriverAnalysis.of(names, days);
			nanos[i] = System.nanoTime() - start;
		}
		double cpuPerRun = (processCpuNanos() - cpuStart) / 1e6 / RUNS;
		long totalOnlyStart = System.nanoTime();
		CrossProducts total = days.stream().reduce(CrossProducts.empty(DRIVERS), CrossProducts::merge);
		for (int i = 0; i < RUNS; i++) {
			KeyDriverAnalysis.of(names, total);
		}
		double totalOnly = (System.nanoTime() - totalOnlyStart) / 1e6 / RUNS;
		Arrays.sort(nanos);
		System.out.printf(
				"key-driver analysis, %d drivers, %d days (%d responses), %d runs on %d processors (load average %.1f)%n",
				DRIVERS, DAYS, (long) DAYS * RESPONSES_PER_DAY, RUNS, Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.printf("  with the delete-a-day jackknife: p50 %.1f ms, p90 %.1f ms, min %.1f ms%n",
				nanos[RUNS / 2] / 1e6, nanos[RUNS * 9 / 10] / 1e6, nanos[0] / 1e6);
		System.out.printf("  processor time per analysis, all threads together: %.1f ms%n", cpuPerRun);
		System.out.printf("  one fit of the totals (merge + regression + LMG + Johnson): %.2f ms%n", totalOnly);
		System.out.printf("  R² %.3f, fix first: %s%n", analysis.rSquared().value(), analysis.fixFirst());

		List<String> most = names(MOST_DRIVERS);
		List<CrossProducts> mostDays = syntheticDays(new Random(7), MOST_DRIVERS);
		CrossProducts mostTotal = mostDays.stream()
			.reduce(CrossProducts.empty(MOST_DRIVERS), CrossProducts::merge);
		for (int i = 0; i < 20; i++) {
			KeyDriverAnalysis.of(most, mostTotal);
		}
		long fitStart = System.nanoTime();
		for (int i = 0; i < RUNS; i++) {
			KeyDriverAnalysis.of(most, mostTotal);
		}
		double mostFit = (System.nanoTime() - fitStart) / 1e6 / RUNS;
		KeyDriverAnalysis.of(most, mostDays);
		long jackknifeStart = System.nanoTime();
		for (int i = 0; i < 3; i++) {
			KeyDriverAnalysis.of(most, mostDays);
		}
		double mostJackknife = (System.nanoTime() - jackknifeStart) / 1e6 / 3;
		System.out.printf("%d drivers (2^%d subsets): one fit %.2f ms, with the jackknife over %d days %.0f ms%n",
				MOST_DRIVERS, MOST_DRIVERS, mostFit, DAYS, mostJackknife);
	}

	private static List<String> names(int drivers) {
		List<String> names = new ArrayList<>();
		for (int j = 0; j < drivers; j++) {
			names.add("touchpoint-" + (j + 1));
		}
		return names;
	}

	/**
	 * Drivers that share a common factor (so they correlate, as touchpoint scores do), on a
	 * 0–10 scale, and an outcome that depends on each with a different weight.
	 */
	private static List<CrossProducts> syntheticDays(Random random, int drivers) {
		double[] effects = new double[drivers];
		double[] levels = new double[drivers];
		for (int j = 0; j < drivers; j++) {
			effects[j] = 0.05 + 0.4 * random.nextDouble();
			levels[j] = 5.5 + 2.5 * random.nextDouble();
		}
		List<CrossProducts> days = new ArrayList<>(DAYS);
		double[] scores = new double[drivers];
		for (int day = 0; day < DAYS; day++) {
			CrossProducts.Accumulator accumulator = CrossProducts.accumulator(drivers);
			for (int r = 0; r < RESPONSES_PER_DAY; r++) {
				double factor = random.nextGaussian();
				double outcome = 0;
				for (int j = 0; j < drivers; j++) {
					scores[j] = clamp(Math.round(levels[j] + 1.2 * factor + 1.5 * random.nextGaussian()));
					outcome += effects[j] * (scores[j] - levels[j]);
				}
				accumulator.add(scores, clamp(Math.round(7 + outcome + 1.5 * random.nextGaussian())));
			}
			days.add(accumulator.toCrossProducts());
		}
		return days;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static double clamp(double score) {
		return Math.max(0, Math.min(10, score));
	}

}
