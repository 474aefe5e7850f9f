package org.opencxm.analytics;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One key-driver fit from summed cross-products: correlations, standardized regression
 * weights, R², LMG and Johnson's relative weights.
 */
final class KeyDriverModel {

	/** A variance this small relative to the mean square counts as none. */
	private static final double NO_VARIANCE = 1e-12;

	private KeyDriverModel() {
	}

	/**
	 * The figures of one fit, and the eigen-decomposition that nearby fits can start
	 * from.
	 */
	record Fit(double rSquared, double[] correlations, double[] weights, double[] lmg, double[] johnson,
			SymmetricEigen eigen) {

		/**
		 * R², then each driver's weight, LMG and Johnson weight: what the jackknife
		 * varies.
		 */
		double[] statistics() {
			int k = this.weights.length;
			double[] statistics = new double[1 + 3 * k];
			statistics[0] = this.rSquared;
			System.arraycopy(this.weights, 0, statistics, 1, k);
			System.arraycopy(this.lmg, 0, statistics, 1 + k, k);
			System.arraycopy(this.johnson, 0, statistics, 1 + 2 * k, k);
			return statistics;
		}

	}

	static Fit fit(CrossProducts statistics, List<String> drivers) {
		return fit(statistics, drivers, null);
	}

	/**
	 * A fit of statistics close to those of {@code near}, if given, which speeds it up.
	 */
	static Fit fit(CrossProducts statistics, List<String> drivers, @Nullable Fit near) {
		int k = statistics.drivers();
		if (statistics.count() < k + 2) {
			throw new KeyDriverException("a key-driver analysis of " + k + " drivers needs at least " + (k + 2)
					+ " complete responses, not " + statistics.count());
		}
		double[][] correlations = correlations(statistics, drivers);
		double[][] driverCorrelations = new double[k][k];
		double[] outcomeCorrelations = new double[k];
		for (int i = 0; i < k; i++) {
			System.arraycopy(correlations[i], 0, driverCorrelations[i], 0, k);
			outcomeCorrelations[i] = correlations[i][k];
		}
		Cholesky cholesky;
		try {
			cholesky = Cholesky.of(driverCorrelations);
		}
		catch (Cholesky.NotPositiveDefinite ex) {
			throw new KeyDriverException("the drivers (nearly) explain one another: '" + drivers.get(ex.variable())
					+ "' is a linear combination of the drivers before it (R² above 1 − 10⁻⁸); drop or merge one");
		}
		double[] weights = cholesky.solve(outcomeCorrelations);
		double rSquared = 0;
		for (int i = 0; i < k; i++) {
			rSquared += weights[i] * outcomeCorrelations[i];
		}
		double[] lmg = SubsetRSquares.lmg(SubsetRSquares.of(correlations), k);
		SymmetricEigen eigen = (near != null) ? SymmetricEigen.near(driverCorrelations, near.eigen())
				: SymmetricEigen.of(driverCorrelations);
		double[] johnson = RelativeWeights.of(eigen, outcomeCorrelations);
		return new Fit(rSquared, outcomeCorrelations, weights, lmg, johnson, eigen);
	}

	private static double[][] correlations(CrossProducts statistics, List<String> drivers) {
		double[][] covariances = statistics.covariances();
		int p = covariances.length;
		double[] deviations = new double[p];
		for (int a = 0; a < p; a++) {
			double meanSquare = statistics.product(a, a) / statistics.count();
			if (!(covariances[a][a] > NO_VARIANCE * Math.max(1, meanSquare))) {
				String name = (a < drivers.size()) ? "driver '" + drivers.get(a) + "'" : "the outcome";
				throw new KeyDriverException(name + " does not vary, so it cannot explain or be explained");
			}
			deviations[a] = Math.sqrt(covariances[a][a]);
		}
		double[][] correlations = new double[p][p];
		for (int a = 0; a < p; a++) {
			correlations[a][a] = 1;
			for (int b = a + 1; b < p; b++) {
				double r = covariances[a][b] / (deviations[a] * deviations[b]);
				correlations[a][b] = r;
				correlations[b][a] = r;
			}
		}
		return correlations;
	}

}
