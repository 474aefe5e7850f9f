package org.opencxm.analytics;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Units ranked by the shrunken estimate of a metric, best first.
 */
public record UnitRanking(String metric, List<Entry> units) {

	public UnitRanking {
		units = List.copyOf(units);
	}

	/**
	 * One unit: its own figure and the estimate shrunk toward its parent's.
	 */
	public record Entry(String unit, @Nullable String parent, long n, @Nullable Double raw, double shrunken,
			double weight, @Nullable ConfidenceInterval interval, boolean smallSample) {

	}

}
