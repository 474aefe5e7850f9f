package org.opencxm.analytics;

import org.junit.jupiter.api.Test;

import org.opencxm.evaluation.ExperienceLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExperienceCountsTests {

	@Test
	void countsEachLevelAndMerges() {
		ExperienceCounts counts = ExperienceCounts.EMPTY;
		for (ExperienceLevel level : ExperienceLevel.values()) {
			counts = counts.with(level);
		}
		counts = counts.with(ExperienceLevel.HIGH).merge(new ExperienceCounts(3, 0, 0, 0, 1));

		assertThat(counts).isEqualTo(new ExperienceCounts(4, 1, 1, 1, 3));
		assertThat(counts.count()).isEqualTo(10);
		assertThat(counts.of(ExperienceLevel.NEGATIVE)).isEqualTo(4);
		assertThat(counts.share(ExperienceLevel.HIGH).share()).isCloseTo(0.3, within(1e-15));
	}

}
