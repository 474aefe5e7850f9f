package org.opencxm.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * The summed counts and sums of several responses for one aggregate row, in the order of
 * {@link Rollup#COUNTS}: counts as longs, sums as doubles.
 */
final class RowSums {

	private final long[] counts = new long[Rollup.COUNTS.size()];

	private final double[] sums = new double[Rollup.COUNTS.size()];

	private final boolean[] whole = new boolean[Rollup.COUNTS.size()];

	void add(List<Object> values) {
		for (int v = 0; v < values.size(); v++) {
			if (values.get(v) instanceof Long count) {
				this.counts[v] += count;
				this.whole[v] = true;
			}
			else {
				this.sums[v] += (Double) values.get(v);
			}
		}
	}

	List<Object> values() {
		List<Object> values = new ArrayList<>(this.counts.length);
		for (int v = 0; v < this.counts.length; v++) {
			values.add(this.whole[v] ? (Object) this.counts[v] : (Object) this.sums[v]);
		}
		return values;
	}

}
