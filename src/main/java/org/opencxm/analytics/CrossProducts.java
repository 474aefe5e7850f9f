package org.opencxm.analytics;

import java.util.Arrays;

/**
 * The mergeable sufficient statistics of a key-driver analysis: the count n, the sum of
 * each variable and the sums of the cross-products of every pair, the drivers being
 * variables 0..k−1 and the outcome variable k. Two slices merge by adding them element by
 * element, so a regression over any period or slice needs only the summed rows, never the
 * responses. Only responses that answered every driver and the outcome are counted.
 * <p>
 * A value: immutable, compared by content. The cross-products are kept packed, row by
 * row, as the upper triangle (a, b) with a ≤ b, which is also how they are stored.
 */
public final class CrossProducts {

	/** The most drivers an analysis takes: LMG visits all 2^k subsets. */
	public static final int MAX_DRIVERS = 15;

	private final int drivers;

	private final long count;

	private final double[] sums;

	private final double[] products;

	private CrossProducts(int drivers, long count, double[] sums, double[] products) {
		this.drivers = drivers;
		this.count = count;
		this.sums = sums;
		this.products = products;
	}

	public static CrossProducts empty(int drivers) {
		checkDrivers(drivers);
		return new CrossProducts(drivers, 0, new double[drivers + 1], new double[packedSize(drivers + 1)]);
	}

	/**
	 * Statistics as stored: {@code sums} has one entry per driver and then the outcome,
	 * {@code products} the packed upper triangle of the cross-products in the same order.
	 */
	public static CrossProducts of(long count, double[] sums, double[] products) {
		int drivers = sums.length - 1;
		checkDrivers(drivers);
		if (products.length != packedSize(sums.length)) {
			throw new IllegalArgumentException(
					"expected " + packedSize(sums.length) + " cross-products for " + drivers + " drivers");
		}
		if (count < 0) {
			throw new IllegalArgumentException("a count cannot be negative");
		}
		return new CrossProducts(drivers, count, sums.clone(), products.clone());
	}

	public static Accumulator accumulator(int drivers) {
		checkDrivers(drivers);
		return new Accumulator(drivers);
	}

	public int drivers() {
		return this.drivers;
	}

	/** The drivers and the outcome: k + 1. */
	public int variables() {
		return this.drivers + 1;
	}

	/** The index of the outcome among the variables: k. */
	public int outcome() {
		return this.drivers;
	}

	public long count() {
		return this.count;
	}

	public double sum(int variable) {
		return this.sums[variable];
	}

	/** Σ xₐ·x_b over the counted responses. */
	public double product(int a, int b) {
		return this.products[index(Math.min(a, b), Math.max(a, b), variables())];
	}

	public double[] sums() {
		return this.sums.clone();
	}

	/** The packed upper triangle, row by row. */
	public double[] products() {
		return this.products.clone();
	}

	public double mean(int variable) {
		if (this.count == 0) {
			throw new IllegalStateException("no responses");
		}
		return this.sums[variable] / this.count;
	}

	public CrossProducts merge(CrossProducts other) {
		return combine(other, 1);
	}

	/** These statistics without a part of them, e.g. a total without one day. */
	public CrossProducts minus(CrossProducts part) {
		return combine(part, -1);
	}

	/**
	 * The sample covariance matrix, (Σxₐx_b − Σxₐ·Σx_b / n) / (n − 1), of all variables.
	 */
	double[][] covariances() {
		int p = variables();
		double[][] covariances = new double[p][p];
		double n = this.count;
		for (int a = 0; a < p; a++) {
			for (int b = a; b < p; b++) {
				double value = (product(a, b) - this.sums[a] * (this.sums[b] / n)) / (n - 1);
				covariances[a][b] = value;
				covariances[b][a] = value;
			}
		}
		return covariances;
	}

	private CrossProducts combine(CrossProducts other, int sign) {
		if (other.drivers != this.drivers) {
			throw new IllegalArgumentException(
					"cannot combine statistics of " + this.drivers + " and " + other.drivers + " drivers");
		}
		double[] sums = this.sums.clone();
		for (int i = 0; i < sums.length; i++) {
			sums[i] += sign * other.sums[i];
		}
		double[] products = this.products.clone();
		for (int i = 0; i < products.length; i++) {
			products[i] += sign * other.products[i];
		}
		long count = this.count + sign * other.count;
		if (count < 0) {
			throw new IllegalArgumentException("cannot take away more responses than there are");
		}
		return new CrossProducts(this.drivers, count, sums, products);
	}

	static int packedSize(int variables) {
		return variables * (variables + 1) / 2;
	}

	private static int index(int a, int b, int variables) {
		return a * variables - a * (a - 1) / 2 + (b - a);
	}

	private static void checkDrivers(int drivers) {
		if (drivers < 1 || drivers > MAX_DRIVERS) {
			throw new IllegalArgumentException(
					"a key-driver analysis takes 1 to " + MAX_DRIVERS + " drivers, not " + drivers);
		}
	}

	@Override
	public boolean equals(Object other) {
		return this == other
				|| (other instanceof CrossProducts that && this.drivers == that.drivers && this.count == that.count
						&& Arrays.equals(this.sums, that.sums) && Arrays.equals(this.products, that.products));
	}

	@Override
	public int hashCode() {
		return 31 * (31 * Long.hashCode(this.count) + Arrays.hashCode(this.sums)) + Arrays.hashCode(this.products);
	}

	@Override
	public String toString() {
		return "CrossProducts[drivers=" + this.drivers + ", count=" + this.count + ", sums="
				+ Arrays.toString(this.sums) + ", products=" + Arrays.toString(this.products) + "]";
	}

	/**
	 * Adds responses one by one, e.g. when rebuilding from raw responses. Not
	 * thread-safe.
	 */
	public static final class Accumulator {

		private final int drivers;

		private long count;

		private final double[] sums;

		private final double[] products;

		private Accumulator(int drivers) {
			this.drivers = drivers;
			this.sums = new double[drivers + 1];
			this.products = new double[packedSize(drivers + 1)];
		}

		/** Counts one response that answered every driver and the outcome. */
		public Accumulator add(double[] driverScores, double outcome) {
			if (driverScores.length != this.drivers) {
				throw new IllegalArgumentException(
						"expected " + this.drivers + " driver scores, got " + driverScores.length);
			}
			int p = this.drivers + 1;
			int at = 0;
			for (int a = 0; a < p; a++) {
				double x = (a < this.drivers) ? driverScores[a] : outcome;
				if (!Double.isFinite(x)) {
					throw new IllegalArgumentException("scores must be finite numbers");
				}
				this.sums[a] += x;
				for (int b = a; b < p; b++) {
					this.products[at++] += x * ((b < this.drivers) ? driverScores[b] : outcome);
				}
			}
			this.count++;
			return this;
		}

		public CrossProducts toCrossProducts() {
			return new CrossProducts(this.drivers, this.count, this.sums.clone(), this.products.clone());
		}

	}

}
