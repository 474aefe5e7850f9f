package org.opencxm.analytics;

/**
 * What one driver does to the outcome.
 *
 * @param driver its name
 * @param performance its mean score, on the drivers' common scale
 * @param correlation its correlation with the outcome
 * @param weight its standardized regression weight β
 * @param lmg its LMG (Shapley) share of R²
 * @param lmgPercent its LMG as a percentage of R²
 * @param johnson its Johnson relative weight
 * @param johnsonPercent its Johnson weight as a percentage of R²
 * @param quadrant where it sits by LMG importance and performance
 */
public record DriverImportance(String driver, double performance, double correlation, Estimate weight, Estimate lmg,
		double lmgPercent, Estimate johnson, double johnsonPercent, Quadrant quadrant) {

}
