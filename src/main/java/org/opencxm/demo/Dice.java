package org.opencxm.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The random choices of the demo, always from a fixed seed: each customer gets its own
 * sequence, so the same customer comes out the same however many others there are.
 */
record Dice(RandomGenerator random) {

	static final long SEED = 20_240_917L;

	static Dice of(String purpose, int index) {
		long salt = purpose.hashCode() * 0x9E3779B97F4A7C15L;
		return new Dice(new SplittableRandom(SEED ^ salt ^ (index * 0xC2B2AE3D27D4EB4FL)));
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	/** A whole number from {@code from} to {@code to}, both included. */
	int between(int from, int to) {
		return (to <= from) ? from : this.random.nextInt(from, to + 1);
	}

	double between(double from, double to) {
		return this.random.nextDouble(from, to);
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/** The index of one of the weights, each chosen in proportion to its weight. */
	int weighted(double... weights) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double point = this.random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			point -= weights[i];
			if (point < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/**
	 * A count around {@code mean} (at least 0), for how many things went wrong or how
	 * long something took.
	 */
	int around(double mean, double spread) {
		return (int) Math.max(0, Math.round(this.random.nextGaussian(mean, Math.max(0.01, spread))));
	}

}
