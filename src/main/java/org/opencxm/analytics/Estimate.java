package org.opencxm.analytics;

import org.jspecify.annotations.Nullable;

/**
 * A figure of a key-driver analysis with its delete-a-day jackknife standard error and
 * 95% interval; both {@code null} when fewer than two days have data.
 */
public record Estimate(double value, @Nullable Double standardError, @Nullable ConfidenceInterval interval) {

}
