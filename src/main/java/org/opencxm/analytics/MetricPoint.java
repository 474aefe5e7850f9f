package org.opencxm.analytics;

import java.time.LocalDate;
import java.util.Map;

/**
 * One bucket of a metric series: the first day of its period, the codes of the dimensions
 * it is split by, and the figure.
 */
public record MetricPoint(LocalDate period, Map<String, String> group, Figure figure) {

	public MetricPoint {
		group = Map.copyOf(group);
	}

}
