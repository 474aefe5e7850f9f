package org.opencxm.analytics;

import java.util.Arrays;
import java.util.Random;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The Jacobi eigen solver and the Cholesky solver against Commons Math.
 */
class LinearAlgebraTests {

	@Test
	void jacobiFindsTheEigenvaluesCommonsMathFinds() {
		for (int size : new int[] { 1, 2, 5, 12, 15 }) {
			double[][] matrix = correlationLike(size, new Random(size));
			SymmetricEigen eigen = SymmetricEigen.of(matrix);
			double[] values = new double[size];
			for (int i = 0; i < size; i++) {
				values[i] = eigen.value(i);
			}
			double[] reference = new EigenDecomposition(RawRegression.matrix(matrix)).getRealEigenvalues();
			Arrays.sort(values);
			Arrays.sort(reference);
			for (int i = 0; i < size; i++) {
				assertThat(values[i]).isCloseTo(reference[i], within(1e-12));
			}
		}
	}

	@Test
	void jacobiVectorsAreOrthonormalAndRebuildTheMatrix() {
		double[][] matrix = correlationLike(12, new Random(1));
		SymmetricEigen eigen = SymmetricEigen.of(matrix);

		for (int i = 0; i < 12; i++) {
			for (int j = 0; j < 12; j++) {
				double rebuilt = 0;
				double dot = 0;
				for (int m = 0; m < 12; m++) {
					rebuilt += eigen.vector(i, m) * eigen.value(m) * eigen.vector(j, m);
					dot += eigen.vector(m, i) * eigen.vector(m, j);
				}
				assertThat(rebuilt).isCloseTo(matrix[i][j], within(1e-13));
				assertThat(dot).isCloseTo((i == j) ? 1 : 0, within(1e-13));
			}
		}
	}

	@Test
	void jacobiFromANearbyDecompositionGivesTheSameResult() {
		Random random = new Random(5);
		double[][] matrix = correlationLike(10, random);
		double[][] nearby = new double[10][10];
		for (int i = 0; i < 10; i++) {
			for (int j = 0; j <= i; j++) {
				nearby[i][j] = matrix[i][j] + ((i == j) ? 0 : 0.01 * random.nextGaussian());
				nearby[j][i] = nearby[i][j];
			}
		}
		SymmetricEigen direct = SymmetricEigen.of(nearby);
		SymmetricEigen warm = SymmetricEigen.near(nearby, SymmetricEigen.of(matrix));
		double[] outcome = new double[10];
		for (int i = 0; i < 10; i++) {
			outcome[i] = 0.05 * (i + 1);
		}

		double[] fromDirect = RelativeWeights.of(direct, outcome);
		double[] fromWarm = RelativeWeights.of(warm, outcome);
		for (int i = 0; i < 10; i++) {
			assertThat(fromWarm[i]).isCloseTo(fromDirect[i], within(1e-13));
		}
	}

	@Test
	void choleskySolvesLikeLuDecomposition() {
		double[][] matrix = correlationLike(8, new Random(9));
		double[] b = { 0.3, -0.2, 0.5, 0.1, 0.0, 0.4, -0.1, 0.2 };
		double[] solution = Cholesky.of(matrix).solve(b);
		RealMatrix reference = new LUDecomposition(RawRegression.matrix(matrix)).getSolver()
			.solve(RawRegression.matrix(new double[][] { b }).transpose());

		for (int i = 0; i < 8; i++) {
			assertThat(solution[i]).isCloseTo(reference.getEntry(i, 0), within(1e-12));
		}
	}

	@Test
	void choleskyNamesTheFirstDependentVariable() {
		// The third variable is the mean of the first two.
		double[][] matrix = { { 1, 0.2, 0.6, 0.1 }, { 0.2, 1, 0.6, 0.3 }, { 0.6, 0.6, 0.6, 0.2 },
				{ 0.1, 0.3, 0.2, 1 } };

		assertThatExceptionOfType(Cholesky.NotPositiveDefinite.class).isThrownBy(() -> Cholesky.of(matrix))
			.satisfies((ex) -> assertThat(ex.variable()).isEqualTo(2));
	}

	/**
	 * A random correlation matrix: the correlations of a few correlated random columns.
	 */
	private static double[][] correlationLike(int size, Random random) {
		double[][] rows = new double[200][size];
		for (double[] row : rows) {
			double factor = random.nextGaussian();
			for (int j = 0; j < size; j++) {
				row[j] = factor * (j % 3) / 2 + random.nextGaussian();
			}
		}
		if (size == 1) {
			return new double[][] { { 1 } };
		}
		return new PearsonsCorrelation(rows).getCorrelationMatrix().getData();
	}

}
