package org.opencxm.analytics;

/**
 * The eigen-decomposition A = V·diag(λ)·Vᵀ of a small symmetric matrix by the cyclic
 * Jacobi method (Golub and Van Loan, Matrix Computations, 4th ed., 8.5): plane rotations
 * that zero one off-diagonal entry at a time until the off-diagonal part vanishes. Slower
 * than tridiagonal QR for large matrices, but simple, accurate to the last digits even
 * for small eigenvalues, and fast enough for the at most 15 drivers of a key-driver
 * analysis.
 */
final class SymmetricEigen {

	private static final int MAX_SWEEPS = 100;

	private final double[] values;

	private final double[][] vectors;

	private SymmetricEigen(double[] values, double[][] vectors) {
		this.values = values;
		this.vectors = vectors;
	}

	static SymmetricEigen of(double[][] matrix) {
		int n = matrix.length;
		double[][] a = new double[n][];
		for (int i = 0; i < n; i++) {
			a[i] = matrix[i].clone();
		}
		double[][] v = new double[n][n];
		for (int i = 0; i < n; i++) {
			v[i][i] = 1;
		}
		return diagonalize(a, v);
	}

	/**
	 * The decomposition of a matrix close to one already decomposed (a jackknife
	 * replicate is the total less one day): rotated into the known eigenvectors first, it
	 * is nearly diagonal, and Jacobi converges quadratically from there.
	 */
	static SymmetricEigen near(double[][] matrix, SymmetricEigen known) {
		int n = matrix.length;
		double[][] g = known.vectors;
		double[][] ag = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int k = 0; k < n; k++) {
				double aik = matrix[i][k];
				for (int j = 0; j < n; j++) {
					ag[i][j] += aik * g[k][j];
				}
			}
		}
		double[][] a = new double[n][n];
		for (int k = 0; k < n; k++) {
			for (int i = 0; i < n; i++) {
				double gki = g[k][i];
				for (int j = 0; j < n; j++) {
					a[i][j] += gki * ag[k][j];
				}
			}
		}
		double[][] v = new double[n][];
		for (int i = 0; i < n; i++) {
			v[i] = g[i].clone();
		}
		return diagonalize(a, v);
	}

	private static SymmetricEigen diagonalize(double[][] a, double[][] v) {
		int n = a.length;
		for (int sweep = 0; sweep < MAX_SWEEPS && !diagonal(a); sweep++) {
			for (int p = 0; p < n - 1; p++) {
				for (int q = p + 1; q < n; q++) {
					if (a[p][q] != 0) {
						rotate(a, v, p, q);
					}
				}
			}
		}
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = a[i][i];
		}
		return new SymmetricEigen(values, v);
	}

	/** The eigenvalues, in no particular order. */
	double value(int i) {
		return this.values[i];
	}

	/** Component {@code row} of the eigenvector of eigenvalue {@code column}. */
	double vector(int row, int column) {
		return this.vectors[row][column];
	}

	int size() {
		return this.values.length;
	}

	/** Zeroes a[p][q] by A ← Jᵀ·A·J, and accumulates V ← V·J. */
	private static void rotate(double[][] a, double[][] v, int p, int q) {
		double tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
		double t = Math.signum(tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
		if (tau == 0) {
			t = 1;
		}
		double c = 1 / Math.sqrt(1 + t * t);
		double s = t * c;
		int n = a.length;
		for (int k = 0; k < n; k++) {
			double kp = a[k][p];
			double kq = a[k][q];
			a[k][p] = c * kp - s * kq;
			a[k][q] = s * kp + c * kq;
		}
		for (int k = 0; k < n; k++) {
			double pk = a[p][k];
			double qk = a[q][k];
			a[p][k] = c * pk - s * qk;
			a[q][k] = s * pk + c * qk;
		}
		a[p][q] = 0;
		a[q][p] = 0;
		for (int k = 0; k < n; k++) {
			double kp = v[k][p];
			double kq = v[k][q];
			v[k][p] = c * kp - s * kq;
			v[k][q] = s * kp + c * kq;
		}
	}

	private static boolean diagonal(double[][] a) {
		double off = 0;
		double diagonal = 0;
		for (int i = 0; i < a.length; i++) {
			diagonal += a[i][i] * a[i][i];
			for (int j = i + 1; j < a.length; j++) {
				off += a[i][j] * a[i][j];
			}
		}
		return off <= 1e-32 * diagonal;
	}

}
