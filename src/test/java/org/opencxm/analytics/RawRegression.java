package org.opencxm.analytics;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Independent reference computations on raw rows (drivers then outcome), with Commons
 * Math: QR least squares, brute-force LMG over every order, Johnson's weights from its
 * eigen-decomposition.
 */
final class RawRegression {

	private RawRegression() {
	}

	/**
	 * R² of the outcome on the drivers in {@code subset} (by index), intercept included.
	 */
	static double rSquared(double[][] rows, List<Integer> subset) {
		if (subset.isEmpty()) {
			return 0;
		}
		double[] y = new double[rows.length];
		double[][] x = new double[rows.length][subset.size()];
		int outcome = rows[0].length - 1;
		for (int i = 0; i < rows.length; i++) {
			y[i] = rows[i][outcome];
			for (int j = 0; j < subset.size(); j++) {
				x[i][j] = rows[i][subset.get(j)];
			}
		}
		OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
		ols.newSampleData(y, x);
		return ols.calculateRSquared();
	}

	/** The raw (unstandardized) coefficients, intercept first. */
	static double[] coefficients(double[][] rows) {
		int k = rows[0].length - 1;
		double[] y = new double[rows.length];
		double[][] x = new double[rows.length][k];
		for (int i = 0; i < rows.length; i++) {
			y[i] = rows[i][k];
			System.arraycopy(rows[i], 0, x[i], 0, k);
		}
		OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
		ols.newSampleData(y, x);
		return ols.estimateRegressionParameters();
	}

	/** Each driver's increase in R² averaged over all k! orders of entry. */
	static double[] lmgByPermutations(double[][] rows) {
		int k = rows[0].length - 1;
		double[] lmg = new double[k];
		List<List<Integer>> orders = permutations(k);
		for (List<Integer> order : orders) {
			List<Integer> entered = new ArrayList<>();
			double before = 0;
			for (int driver : order) {
				entered.add(driver);
				double after = rSquared(rows, entered);
				lmg[driver] += (after - before) / orders.size();
				before = after;
			}
		}
		return lmg;
	}

	/** Johnson's weights through Commons Math's eigen-decomposition and LU inverse. */
	static double[] johnson(double[][] rows) {
		int k = rows[0].length - 1;
		RealMatrix correlations = new PearsonsCorrelation(rows).getCorrelationMatrix();
		RealMatrix rxx = correlations.getSubMatrix(0, k - 1, 0, k - 1);
		RealMatrix rxy = correlations.getSubMatrix(0, k - 1, k, k);
		EigenDecomposition eigen = new EigenDecomposition(rxx);
		RealMatrix root = eigen.getSquareRoot();
		RealMatrix beta = new LUDecomposition(root).getSolver().getInverse().multiply(rxy);
		double[] weights = new double[k];
		for (int j = 0; j < k; j++) {
			for (int m = 0; m < k; m++) {
				weights[j] += Math.pow(root.getEntry(j, m), 2) * Math.pow(beta.getEntry(m, 0), 2);
			}
		}
		return weights;
	}

	static RealMatrix matrix(double[][] values) {
		return new Array2DRowRealMatrix(values);
	}

	private static List<List<Integer>> permutations(int k) {
		List<List<Integer>> result = new ArrayList<>();
		permute(new ArrayList<>(), k, result);
		return result;
	}

	private static void permute(List<Integer> prefix, int k, List<List<Integer>> result) {
		if (prefix.size() == k) {
			result.add(List.copyOf(prefix));
			return;
		}
		for (int i = 0; i < k; i++) {
			if (!prefix.contains(i)) {
				prefix.add(i);
				permute(prefix, k, result);
				prefix.remove(prefix.size() - 1);
			}
		}
	}

}
