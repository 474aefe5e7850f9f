package org.opencxm.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * Key experiences (KX): how much each driver (a touchpoint's CSAT, an SEM module's score)
 * moves an outcome (likelihood to recommend), from summed cross-products alone. Gives the
 * standardized regression weights, R², each driver's share of R² by LMG (Shapley, exact
 * over all 2^k subsets) and by Johnson's relative weights, delete-a-group jackknife
 * intervals from the daily statistics, and an importance × performance quadrant per
 * driver. The formulas and their sources are in {@code docs/statistics.md}.
 *
 * @param count the complete responses analysed
 * @param days the days with responses; the jackknife leaves out each day, or with more
 * than 60 days each of 60 runs of consecutive days; 0 when only a total was given
 * @param rSquared the share of the outcome's variance the drivers explain together
 * @param drivers one per driver, in the order given
 * @param fixFirst the drivers in the {@link Quadrant#FIX_FIRST} quadrant, most important
 * (by LMG) first
 */
public record KeyDriverAnalysis(long count, int days, Estimate rSquared, List<DriverImportance> drivers,
		List<String> fixFirst) {

	/** The most groups the jackknife leaves out one at a time. */
	static final int MAX_GROUPS = 60;

	public KeyDriverAnalysis {
		drivers = List.copyOf(drivers);
		fixFirst = List.copyOf(fixFirst);
	}

	/** The analysis of the given totals, without intervals. */
	public static KeyDriverAnalysis of(List<String> drivers, CrossProducts total) {
		checkNames(drivers, total);
		return assemble(drivers, total, KeyDriverModel.fit(total, drivers), 0, 0, null);
	}

	/**
	 * The analysis of the sum of the given days, with intervals from the delete-a-day (or
	 * delete-a-group) jackknife over the days that have responses.
	 */
	public static KeyDriverAnalysis of(List<String> drivers, List<CrossProducts> days) {
		if (days.isEmpty()) {
			throw new KeyDriverException("a key-driver analysis needs at least one day of responses");
		}
		CrossProducts total = CrossProducts.empty(days.get(0).drivers());
		List<CrossProducts> answered = new ArrayList<>();
		for (CrossProducts day : days) {
			total = total.merge(day);
			if (day.count() > 0) {
				answered.add(day);
			}
		}
		checkNames(drivers, total);
		KeyDriverModel.Fit fit = KeyDriverModel.fit(total, drivers);
		if (answered.size() < 2) {
			return assemble(drivers, total, fit, answered.size(), answered.size(), null);
		}
		List<CrossProducts> groups = groups(answered);
		CrossProducts all = total;
		// The replicates are independent fits: they run in parallel, and the result does
		// not depend on how they were scheduled.
		List<Replicate> replicates = IntStream.range(0, groups.size()).parallel().mapToObj((i) -> {
			try {
				return new Replicate(KeyDriverModel.fit(all.minus(groups.get(i)), drivers, fit).statistics(), null);
			}
			catch (KeyDriverException ex) {
				return new Replicate(null,
						"without its " + ((groups.size() < answered.size()) ? "days" : "day") + " " + (i + 1) + " of "
								+ groups.size() + " the data cannot carry the analysis (" + ex.getMessage()
								+ "): choose a longer period");
			}
		}).toList();
		List<double[]> statistics = new ArrayList<>(replicates.size());
		for (Replicate replicate : replicates) {
			if (replicate.statistics() == null) {
				throw new KeyDriverException(String.valueOf(replicate.failure()));
			}
			statistics.add(replicate.statistics());
		}
		return assemble(drivers, total, fit, answered.size(), groups.size(), Jackknife.standardErrors(statistics));
	}

	/**
	 * The jackknife's groups: each day its own up to {@link #MAX_GROUPS} days, beyond
	 * that runs of consecutive days of (nearly) equal length. Every replicate refits all
	 * 2^k subsets for LMG, so a replicate per day of a two-year period would take
	 * seconds; sixty groups give the interval nearly as well (Kott's delete-a-group
	 * jackknife).
	 */
	static List<CrossProducts> groups(List<CrossProducts> days) {
		if (days.size() <= MAX_GROUPS) {
			return days;
		}
		List<CrossProducts> groups = new ArrayList<>(MAX_GROUPS);
		for (int g = 0; g < MAX_GROUPS; g++) {
			int from = (int) ((long) g * days.size() / MAX_GROUPS);
			int to = (int) ((long) (g + 1) * days.size() / MAX_GROUPS);
			CrossProducts group = days.get(from);
			for (int d = from + 1; d < to; d++) {
				group = group.merge(days.get(d));
			}
			groups.add(group);
		}
		return groups;
	}

	private static KeyDriverAnalysis assemble(List<String> names, CrossProducts total, KeyDriverModel.Fit fit, int days,
			int groups, double @Nullable [] standardErrors) {
		int k = names.size();
		double t = (standardErrors != null) ? Confidence.t(groups - 1) : Double.NaN;
		double meanImportance = 0;
		double meanPerformance = 0;
		for (int j = 0; j < k; j++) {
			meanImportance += fit.lmg()[j] / k;
			meanPerformance += total.mean(j) / k;
		}
		List<DriverImportance> drivers = new ArrayList<>(k);
		for (int j = 0; j < k; j++) {
			double performance = total.mean(j);
			drivers.add(new DriverImportance(names.get(j), performance, fit.correlations()[j],
					estimate(fit.weights()[j], standardErrors, 1 + j, t),
					estimate(fit.lmg()[j], standardErrors, 1 + k + j, t), percentOf(fit.lmg()[j], fit.rSquared()),
					estimate(fit.johnson()[j], standardErrors, 1 + 2 * k + j, t),
					percentOf(fit.johnson()[j], fit.rSquared()),
					Quadrant.of(fit.lmg()[j] > meanImportance, performance < meanPerformance)));
		}
		List<String> fixFirst = drivers.stream()
			.filter((driver) -> driver.quadrant() == Quadrant.FIX_FIRST)
			.sorted(Comparator.comparingDouble((DriverImportance driver) -> -driver.lmg().value())
				.thenComparingDouble(DriverImportance::performance))
			.map(DriverImportance::driver)
			.toList();
		return new KeyDriverAnalysis(total.count(), days, estimate(fit.rSquared(), standardErrors, 0, t), drivers,
				fixFirst);
	}

	private record Replicate(double @Nullable [] statistics, @Nullable String failure) {

	}

	private static Estimate estimate(double value, double @Nullable [] standardErrors, int index, double t) {
		if (standardErrors == null) {
			return new Estimate(value, null, null);
		}
		double error = standardErrors[index];
		return new Estimate(value, error, ConfidenceInterval.around(value, t * error));
	}

	private static double percentOf(double part, double whole) {
		return (whole > 0) ? 100 * part / whole : 0;
	}

	private static void checkNames(List<String> drivers, CrossProducts total) {
		if (drivers.size() != total.drivers()) {
			throw new IllegalArgumentException(
					"named " + drivers.size() + " drivers for statistics of " + total.drivers());
		}
		if (new HashSet<>(drivers).size() != drivers.size()) {
			throw new IllegalArgumentException("driver names must be distinct");
		}
	}

}
