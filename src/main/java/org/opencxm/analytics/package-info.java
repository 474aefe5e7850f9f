/**
 * Metric rollups and the statistics on them: mergeable moments and counts, confidence
 * intervals, significance tests, empirical Bayes shrinkage and key-driver (KX) analysis
 * from summed cross-products.
 */
@NullMarked
package org.opencxm.analytics;

import org.jspecify.annotations.NullMarked;
