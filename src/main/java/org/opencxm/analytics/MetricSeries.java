package org.opencxm.analytics;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A metric over a period, bucketed by grain and split by dimensions.
 */
public record MetricSeries(String metric, @Nullable String question, String grain, LocalDate from, LocalDate to,
		List<String> by, List<MetricPoint> points) {

	public MetricSeries {
		by = List.copyOf(by);
		points = List.copyOf(points);
	}

}
