package org.opencxm.analytics;

/**
 * Johnson's relative weights (Johnson 2000, Multivariate Behavioral Research 35(1)): with
 * R_xx = V·diag(λ)·Vᵀ, the drivers' best orthogonal approximations Z have loadings Λ =
 * R_xx^½ = V·diag(√λ)·Vᵀ; the outcome's weights on Z are β* = R_xx^−½·r_xy; the weight of
 * driver j is εⱼ = Σₘ Λⱼₘ²·β*ₘ², and the weights sum to R².
 */
final class RelativeWeights {

	private RelativeWeights() {
	}

	static double[] of(double[][] driverCorrelations, double[] outcomeCorrelations) {
		return of(SymmetricEigen.of(driverCorrelations), outcomeCorrelations);
	}

	/** The weights, given the eigen-decomposition of the drivers' correlation matrix. */
	static double[] of(SymmetricEigen eigen, double[] outcomeCorrelations) {
		int k = outcomeCorrelations.length;
		double[][] root = new double[k][k];
		double[][] inverseRoot = new double[k][k];
		for (int i = 0; i < k; i++) {
			for (int j = i; j < k; j++) {
				double rootSum = 0;
				double inverseSum = 0;
				for (int m = 0; m < k; m++) {
					double lambda = eigen.value(m);
					double product = eigen.vector(i, m) * eigen.vector(j, m);
					rootSum += product * Math.sqrt(lambda);
					inverseSum += product / Math.sqrt(lambda);
				}
				root[i][j] = rootSum;
				root[j][i] = rootSum;
				inverseRoot[i][j] = inverseSum;
				inverseRoot[j][i] = inverseSum;
			}
		}
		double[] betaSquared = new double[k];
		for (int m = 0; m < k; m++) {
			double beta = 0;
			for (int j = 0; j < k; j++) {
				beta += inverseRoot[m][j] * outcomeCorrelations[j];
			}
			betaSquared[m] = beta * beta;
		}
		double[] weights = new double[k];
		for (int j = 0; j < k; j++) {
			double sum = 0;
			for (int m = 0; m < k; m++) {
				sum += root[j][m] * root[j][m] * betaSquared[m];
			}
			weights[j] = sum;
		}
		return weights;
	}

}
