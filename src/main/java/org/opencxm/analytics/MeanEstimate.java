package org.opencxm.analytics;

import org.jspecify.annotations.Nullable;

/**
 * A mean as reported: with n, and with the standard deviation and 95% t interval when
 * there are at least two values.
 *
 * @param smallSample fewer than 30 values
 */
public record MeanEstimate(long count, double mean, @Nullable Double standardDeviation,
		@Nullable ConfidenceInterval interval, boolean smallSample) {

}
