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
		// The last two drivers are unrolled below: they are three quarters of all
		// subsets.
		for (int j = start; j < outcome - 2; j++) {
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
			visit(levels, depth + 1, j + 1, subset, rSquares, p);
		}
		int last = outcome - 1;
		double lastLast = a[last * p + last];
		double lastOutcome = a[last * p + outcome];
		double outcomeOutcome = a[outcome * p + outcome];
		if (start <= last - 1) {
			int second = last - 1;
			double pivot = a[second * p + second];
			double secondLast = a[second * p + last];
			double secondOutcome = a[second * p + outcome];
			double residualLastLast = lastLast - secondLast * secondLast / pivot;
			double residualLastOutcome = lastOutcome - secondLast * secondOutcome / pivot;
			double residualOutcome = outcomeOutcome - secondOutcome * secondOutcome / pivot;
			int subset = mask | (1 << second);
			rSquares[subset] = 1 - residualOutcome;
			rSquares[subset | (1 << last)] = 1
					- (residualOutcome - residualLastOutcome * residualLastOutcome / residualLastLast);
		}
		if (start <= last) {
			rSquares[mask | (1 << last)] = 1 - (outcomeOutcome - lastOutcome * lastOutcome / lastLast);
		}
	}

	/**
	 * The LMG share of each of k drivers: its increase in R² averaged over all k! orders
	 * of entry, which is the Shapley value Σ over S ∌ j of w(|S|)·(R²(S ∪ {j}) − R²(S)),
	 * w(s) = s!(k − s − 1)!/k!.
	 * <p>
	 * Summed over T = S ∪ {j} instead, that is Σ over T ∋ j of (w(|T| − 1) +
	 * w(|T|))·R²(T) less C = Σ over all T of w(|T|)·R²(T) (with w(k) = 0): one weighted
	 * value per subset, and for each driver the sum of those over the subsets that
	 * contain it. Those k sums come from pairwise block totals in 2^(k+1) additions
	 * rather than k·2^(k−1).
	 */
	static double[] lmg(double[] rSquares, int k) {
		double[] weights = new double[k + 1];
		double binomial = 1;
		for (int s = 0; s < k; s++) {
			// w(s) = 1 / (k · C(k − 1, s)).
			weights[s] = 1 / (k * binomial);
			binomial = binomial * (k - 1 - s) / (s + 1);
		}
		double[] withDriver = new double[k + 1];
		for (int s = 0; s <= k; s++) {
			withDriver[s] = ((s > 0) ? weights[s - 1] : 0) + weights[s];
		}
		double[] blocks = new double[rSquares.length];
		double common = 0;
		for (int mask = 0; mask < rSquares.length; mask++) {
			int size = Integer.bitCount(mask);
			blocks[mask] = withDriver[size] * rSquares[mask];
			common += weights[size] * rSquares[mask];
		}
		// Pass j turns blocks of 2^j subsets into blocks of 2^(j+1); the odd blocks of
		// pass j
		// are exactly the subsets that contain driver j.
		double[] lmg = new double[k];
		int count = rSquares.length;
		for (int j = 0; j < k; j++) {
			double containing = 0;
			count >>= 1;
			for (int i = 0; i < count; i++) {
				double without = blocks[2 * i];
				double with = blocks[2 * i + 1];
				containing += with;
				blocks[i] = without + with;
			}
			lmg[j] = containing - common;
		}
		return lmg;
	}

}
