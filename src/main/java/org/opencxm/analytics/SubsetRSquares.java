package org.opencxm.analytics;

/**
 * R² of the regression of the outcome on every subset of the drivers, from their
 * correlation matrix (outcome last), and the LMG decomposition built on them.
 * <p>
 * The subsets are visited depth first, adding drivers in increasing order; each step
 * takes the Schur complement of the added driver in the matrix of the drivers not yet
 * considered and the outcome (one step of Gaussian elimination, the sweep operator
 * restricted to what later steps read). The outcome's entry of that complement is its
 * residual variance 1 − R² given the subset. Every subset costs one update of at most (k
 * + 1)² entries and no step is ever undone, so no rounding error builds up across the 2^k
 * subsets.
 */
final class SubsetRSquares {

	private SubsetRSquares() {
	}

	/** R² indexed by the subset's bit mask (bit j set: driver j in the model). */
	static double[] of(double[][] correlations) {
		int p = correlations.length;
		int k = p - 1;
		double[] rSquares = new double[1 << k];
		double[][] levels = new double[k + 1][p * p];
		for (int i = 0; i < p; i++) {
			System.arraycopy(correlations[i], 0, levels[0], i * p, p);
		}
		visit(levels, 0, 0, 0, rSquares, p);
		return rSquares;
	}

	private static void visit(double[][] levels, int depth, int start, int mask, double[] rSquares, int p) {
		int outcome = p - 1;
		double[] a = levels[depth];
		double[] b = levels[depth + 1];
		for (int j = start; j < outcome; j++) {
			int jRow = j * p;
			double pivot = a[jRow + j];
			for (int u = j + 1; u < p; u++) {
				double factor = a[jRow + u] / pivot;
				int uRow = u * p;
				for (int v = u; v < p; v++) {
					b[uRow + v] = a[uRow + v] - factor * a[jRow + v];
				}
			}
			int subset = mask | (1 << j);
			rSquares[subset] = 1 - b[outcome * p + outcome];
			if (j + 1 < outcome) {
				visit(levels, depth + 1, j + 1, subset, rSquares, p);
			}
		}
	}

	/**
	 * The LMG share of each of k drivers: its increase in R² averaged over all k! orders
	 * of entry, which is the Shapley value Σ over S ∌ j of |S|!(k − |S| − 1)!/k! · (R²(S
	 * ∪ {j}) − R²(S)).
	 */
	static double[] lmg(double[] rSquares, int k) {
		double[] weights = weightsBySubset(k);
		double[] lmg = new double[k];
		int subsets = 1 << k;
		for (int j = 0; j < k; j++) {
			int bit = 1 << j;
			double sum = 0;
			// The subsets without j come in runs of 2^j between those with it.
			for (int base = 0; base < subsets; base += 2 * bit) {
				for (int mask = base; mask < base + bit; mask++) {
					sum += weights[mask] * (rSquares[mask | bit] - rSquares[mask]);
				}
			}
			lmg[j] = sum;
		}
		return lmg;
	}

	/**
	 * |S|!(k − |S| − 1)!/k! = 1 / (k · C(k − 1, |S|)) for every subset S, by bit mask.
	 */
	private static double[] weightsBySubset(int k) {
		double[] bySize = new double[k];
		double binomial = 1;
		for (int s = 0; s < k; s++) {
			bySize[s] = 1 / (k * binomial);
			binomial = binomial * (k - 1 - s) / (s + 1);
		}
		double[] weights = new double[1 << k];
		for (int mask = 0; mask < weights.length; mask++) {
			int size = Integer.bitCount(mask);
			weights[mask] = (size < k) ? bySize[size] : 0;
		}
		return weights;
	}

}
