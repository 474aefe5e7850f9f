package org.opencxm.analytics;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One figure of a metric over one slice and period.
 *
 * @param n the responses (or answers) behind it
 * @param value NPS on −100..100, a mean, a share on 0..1, or a count; null without data
 * @param interval the 95% interval; null where there is none
 * @param smallSample fewer than 30 responses
 * @param levels for {@code experience-levels}: each level's share
 * @param previous with {@code compare=previous}: the previous period's figure
 * @param comparison with {@code compare=previous}: this period against the previous one
 */
public record Figure(long n, @Nullable Double value, @Nullable ConfidenceInterval interval, boolean smallSample,
		@Nullable Map<String, Figure> levels, @Nullable Figure previous, @Nullable Comparison comparison) {

	static Figure of(long n, @Nullable Double value, @Nullable ConfidenceInterval interval) {
		return new Figure(n, value, interval, n < 30, null, null, null);
	}

	Figure comparedWith(Figure previous, @Nullable Comparison comparison) {
		return new Figure(this.n, this.value, this.interval, this.smallSample, this.levels, previous, comparison);
	}

}
