package org.opencxm.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.analytics.WeightedIndex.Node;
import org.opencxm.analytics.WeightedIndex.Score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeightedIndexTests {

	private static Node leaf(String code, double weight, Score score) {
		return new Node(code, weight, true, score, List.of());
	}

	@Test
	void childrenRollUpIntoTheirParentByTheirNormalisedWeights() {
		Node parent = new Node("a", 3, true, new Score(1, 0.5, 1),
				List.of(leaf("a1", 1, new Score(3, 1, 2)), leaf("a2", 3, new Score(4, 1, 2))));
		Score score = WeightedIndex.value(parent);
		assertThat(score.value()).isCloseTo(3.75, within(1e-12));
		assertThat(score.variance()).isCloseTo(1.0 / 16 + 9.0 / 16, within(1e-12));
		assertThat(score.n()).isEqualTo(4);
	}

	@Test
	void siblingsWithoutAScoreAreLeftOutOfTheNormalisation() {
		List<Node> siblings = List.of(leaf("a", 1, new Score(2, 0.1, 10)), new Node("b", 3, true, null, List.of()),
				leaf("c", 1, new Score(4, 0.1, 10)));
		assertThat(WeightedIndex.combine(siblings).value()).isCloseTo(3.0, within(1e-12));
		Map<String, Double> shares = new HashMap<>();
		WeightedIndex.shares(siblings, 1.0, shares);
		assertThat(shares).containsOnlyKeys("a", "c");
		assertThat(shares.get("a")).isCloseTo(0.5, within(1e-12));
	}

	@Test
	void anInactiveTouchpointDoesNotCount() {
		List<Node> siblings = List.of(leaf("a", 1, new Score(2, 0.1, 10)),
				new Node("b", 1, false, new Score(5, 0.1, 10), List.of()));
		assertThat(WeightedIndex.combine(siblings).value()).isEqualTo(2.0);
	}

	@Test
	void aParentWithoutScoredChildrenKeepsItsOwnScore() {
		Node parent = new Node("a", 1, true, new Score(4, 0.2, 5), List.of(new Node("a1", 1, true, null, List.of())));
		assertThat(WeightedIndex.value(parent).value()).isEqualTo(4.0);
	}

	@Test
	void anUnknownVarianceLeavesTheIndexWithoutAnInterval() {
		Score score = WeightedIndex
			.combine(List.of(leaf("a", 1, new Score(4, Double.NaN, 1)), leaf("b", 1, new Score(2, 0.5, 3))));
		assertThat(score.value()).isEqualTo(3.0);
		assertThat(score.figure().interval()).isNull();
		assertThat(score.figure().smallSample()).isTrue();
	}

	@Test
	void theJourneyIndexIsTheMeanOfTheStagesWithScores() {
		Score index = WeightedIndex
			.mean(java.util.Arrays.asList(new Score(3.5625, 0.4140625, 7), null, new Score(5, 0, 3)));
		assertThat(index.value()).isCloseTo(4.28125, within(1e-12));
		assertThat(index.variance()).isCloseTo(0.103515625, within(1e-12));
		assertThat(WeightedIndex.mean(java.util.Arrays.asList((Score) null))).isNull();
	}

}
