package org.opencxm.analytics;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The weighted journey index: touchpoint scores combined by the touchpoints' weights,
 * children rolled up into their parents. Siblings' weights are normalised over the
 * siblings that have a score, so a touchpoint without responses does not pull the index
 * toward zero. The scores of different touchpoints rest on different responses, so the
 * variance of a weighted sum is the weighted sum of the variances with the squared
 * weights.
 */
final class WeightedIndex {

	private WeightedIndex() {
	}

	/**
	 * A score with the variance of its estimate (NaN where it cannot be estimated, e.g. a
	 * mean of one value) and the responses behind it.
	 */
	record Score(double value, double variance, long n) {

		Figure figure() {
			ConfidenceInterval interval = (Double.isNaN(this.variance)) ? null
					: ConfidenceInterval.around(this.value, Confidence.Z * Math.sqrt(this.variance));
			return Figure.of(this.n, this.value, interval);
		}

	}

	/**
	 * A touchpoint: its weight, whether it counts (inactive touchpoints do not), the
	 * score of its own responses and its children.
	 */
	record Node(String code, double weight, boolean active, @Nullable Score own, List<Node> children) {

	}

	/**
	 * A node's score: its children's, rolled up, where any child has one (the weights are
	 * set at the finer level, and a parent's own answers would count its subject a second
	 * time); otherwise its own responses'. Null without either, or when inactive.
	 */
	static @Nullable Score value(Node node) {
		if (!node.active()) {
			return null;
		}
		Score children = combine(node.children());
		return (children != null) ? children : node.own();
	}

	/**
	 * The weighted mean of the siblings that have a score, with weights normalised over
	 * them; null when none has one.
	 */
	static @Nullable Score combine(List<Node> siblings) {
		double total = 0;
		for (Node node : siblings) {
			if (value(node) != null) {
				total += node.weight();
			}
		}
		if (total <= 0) {
			return null;
		}
		double value = 0;
		double variance = 0;
		long n = 0;
		for (Node node : siblings) {
			Score score = value(node);
			if (score != null) {
				double share = node.weight() / total;
				value += share * score.value();
				variance += share * share * score.variance();
				n += score.n();
			}
		}
		return new Score(value, variance, n);
	}

	/** The unweighted mean of the scores that there are; null when there are none. */
	static @Nullable Score mean(List<@Nullable Score> scores) {
		List<Score> present = scores.stream().filter(java.util.Objects::nonNull).toList();
		if (present.isEmpty()) {
			return null;
		}
		double k = present.size();
		return new Score(present.stream().mapToDouble(Score::value).sum() / k,
				present.stream().mapToDouble(Score::variance).sum() / (k * k),
				present.stream().mapToLong(Score::n).sum());
	}

	/**
	 * Adds to {@code shares} each node's share of an index that gives the siblings
	 * together {@code scale}: what its score (or its children's) contributes.
	 */
	static void shares(List<Node> siblings, double scale, Map<String, Double> shares) {
		double total = 0;
		for (Node node : siblings) {
			if (value(node) != null) {
				total += node.weight();
			}
		}
		for (Node node : siblings) {
			if (value(node) == null) {
				continue;
			}
			double share = scale * node.weight() / total;
			shares.put(node.code(), share);
			if (combine(node.children()) != null) {
				shares(node.children(), share, shares);
			}
		}
	}

}
