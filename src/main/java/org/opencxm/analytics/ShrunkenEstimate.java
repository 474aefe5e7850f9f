package org.opencxm.analytics;

import org.jspecify.annotations.Nullable;

/**
 * One unit's mean shrunk toward its parent's.
 *
 * @param count the unit's responses
 * @param raw the unit's own mean; {@code null} without responses
 * @param shrunken the posterior mean
 * @param weight the weight of the unit's own mean, n/σ² / (n/σ² + 1/τ²): 0 means all
 * parent, 1 means all own
 * @param interval the 95% interval from the posterior variance 1 / (n/σ² + 1/τ²);
 * {@code null} where the variances could not be estimated
 */
public record ShrunkenEstimate(long count, @Nullable Double raw, double shrunken, double weight,
		@Nullable ConfidenceInterval interval) {

}
