package org.opencxm.analytics;

import org.junit.jupiter.api.Test;

import org.opencxm.evaluation.NpsClass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class NetPromoterScoreTests {

	@Test
	void scoresTheSharesWithTheirMultinomialInterval() {
		// 50 promoters, 30 passives, 20 detractors: NPS = 0.5 − 0.2 = 0.3;
		// Var = (0.5 + 0.2 − 0.3²) / 100 = 0.0061; 1.959964 · √0.0061 = 0.153078.
		NetPromoterScore nps = new NpsCounts(50, 30, 20).score();

		assertThat(nps.count()).isEqualTo(100);
		assertThat(nps.score()).isCloseTo(30, within(1e-12));
		assertThat(nps.standardError()).isCloseTo(100 * Math.sqrt(0.0061), within(1e-12));
		assertThat(nps.interval().lower()).isCloseTo(14.6922, within(1e-4));
		assertThat(nps.interval().upper()).isCloseTo(45.3078, within(1e-4));
		assertThat(nps.promoterPercent()).isCloseTo(50, within(1e-12));
		assertThat(nps.detractorPercent()).isCloseTo(20, within(1e-12));
		assertThat(nps.smallSample()).isFalse();
	}

	@Test
	void hasTheVarianceOfTheMeanOfPlusOneZeroMinusOneScores() {
		// Each promoter counts +1, passive 0, detractor −1: the NPS is their mean, and
		// its
		// variance the population variance of those scores over n.
		NpsCounts counts = new NpsCounts(37, 41, 22);
		double[] scores = new double[100];
		for (int i = 0; i < 100; i++) {
			scores[i] = (i < 37) ? 1 : (i < 78) ? 0 : -1;
		}
		Moments moments = Moments.of(scores);
		double populationVariance = moments.variance() * 99 / 100;

		assertThat(counts.score().score()).isCloseTo(100 * moments.mean(), within(1e-12));
		assertThat(counts.score().standardError()).isCloseTo(100 * Math.sqrt(populationVariance / 100), within(1e-12));
		assertThat(counts.asMoments()).isEqualTo(moments);
	}

	@Test
	void staysWithinTheScale() {
		NetPromoterScore allPromoters = new NpsCounts(12, 0, 0).score();
		NetPromoterScore nearlyAll = new NpsCounts(0, 1, 11).score();

		assertThat(allPromoters.score()).isEqualTo(100);
		assertThat(allPromoters.interval()).isEqualTo(new ConfidenceInterval(100, 100));
		assertThat(nearlyAll.interval().lower()).isEqualTo(-100);
		assertThat(nearlyAll.smallSample()).isTrue();
	}

	@Test
	void countsClassesAndMerges() {
		NpsCounts counts = NpsCounts.EMPTY.with(NpsClass.PROMOTER)
			.with(NpsClass.PROMOTER)
			.with(NpsClass.PASSIVE)
			.with(NpsClass.DETRACTOR);

		assertThat(counts).isEqualTo(new NpsCounts(2, 1, 1));
		assertThat(counts.merge(new NpsCounts(1, 2, 3))).isEqualTo(new NpsCounts(3, 3, 4));
		assertThat(counts.score().score()).isCloseTo(25, within(1e-12));
	}

	@Test
	void needsAResponse() {
		assertThatIllegalArgumentException().isThrownBy(NpsCounts.EMPTY::score);
		assertThatIllegalArgumentException().isThrownBy(() -> new NpsCounts(-1, 0, 0));
	}

}
