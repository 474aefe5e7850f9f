package org.opencxm.analytics;

import java.util.List;

/**
 * The delete-a-group jackknife (Quenouille 1956, Tukey 1958; per day as in Kott's
 * delete-a-group jackknife for surveys): with θ₋ᵢ the estimate without group i of g, Var
 * = (g − 1)/g · Σ(θ₋ᵢ − θ̄)², θ̄ the mean of the θ₋ᵢ.
 */
final class Jackknife {

	private Jackknife() {
	}

	/**
	 * The standard error of each statistic, from one array of statistics per left-out
	 * group.
	 */
	static double[] standardErrors(List<double[]> replicates) {
		int g = replicates.size();
		if (g < 2) {
			throw new IllegalArgumentException("a jackknife needs at least two groups");
		}
		int m = replicates.get(0).length;
		double[] means = new double[m];
		for (double[] replicate : replicates) {
			for (int j = 0; j < m; j++) {
				means[j] += replicate[j] / g;
			}
		}
		double[] squares = new double[m];
		for (double[] replicate : replicates) {
			for (int j = 0; j < m; j++) {
				double deviation = replicate[j] - means[j];
				squares[j] += deviation * deviation;
			}
		}
		double[] errors = new double[m];
		for (int j = 0; j < m; j++) {
			errors[j] = Math.sqrt((g - 1.0) / g * squares[j]);
		}
		return errors;
	}

}
