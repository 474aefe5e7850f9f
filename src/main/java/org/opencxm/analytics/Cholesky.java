package org.opencxm.analytics;

/**
 * The Cholesky factor L of a symmetric positive definite matrix, A = L·Lᵀ, for solving
 * the normal equations. On a correlation matrix the j-th squared pivot is 1 − R² of
 * variable j regressed on the variables before it, so a tiny pivot names the variable
 * that the others (nearly) explain.
 */
final class Cholesky {

	/** Pivots² below this, relative to the diagonal, count as singular: R² > 1 − 10⁻⁸. */
	static final double SINGULAR_BELOW = 1e-8;

	private final double[][] lower;

	private Cholesky(double[][] lower) {
		this.lower = lower;
	}

	/**
	 * Factors A; throws {@link NotPositiveDefinite} naming the first dependent variable.
	 */
	static Cholesky of(double[][] a) {
		int n = a.length;
		double[][] lower = new double[n][n];
		for (int j = 0; j < n; j++) {
			double pivot = a[j][j];
			for (int k = 0; k < j; k++) {
				pivot -= lower[j][k] * lower[j][k];
			}
			if (!(pivot > SINGULAR_BELOW * a[j][j])) {
				throw new NotPositiveDefinite(j);
			}
			double root = Math.sqrt(pivot);
			lower[j][j] = root;
			for (int i = j + 1; i < n; i++) {
				double value = a[i][j];
				for (int k = 0; k < j; k++) {
					value -= lower[i][k] * lower[j][k];
				}
				lower[i][j] = value / root;
			}
		}
		return new Cholesky(lower);
	}

	/** x with A·x = b. */
	double[] solve(double[] b) {
		int n = b.length;
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			double value = b[i];
			for (int k = 0; k < i; k++) {
				value -= this.lower[i][k] * y[k];
			}
			y[i] = value / this.lower[i][i];
		}
		double[] x = new double[n];
		for (int i = n - 1; i >= 0; i--) {
			double value = y[i];
			for (int k = i + 1; k < n; k++) {
				value -= this.lower[k][i] * x[k];
			}
			x[i] = value / this.lower[i][i];
		}
		return x;
	}

	/** The matrix is singular or nearly so at the given variable. */
	static final class NotPositiveDefinite extends RuntimeException {

		private final int variable;

		NotPositiveDefinite(int variable) {
			super("not positive definite at variable " + variable, null, false, false);
			this.variable = variable;
		}

		int variable() {
			return this.variable;
		}

	}

}
