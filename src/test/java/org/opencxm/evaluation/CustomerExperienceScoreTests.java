package org.opencxm.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CustomerExperienceScoreTests {

	private static final Instant NOW = Instant.parse("2026-03-15T08:00:00Z");

	private static final ExperienceAssessment HIGH = ExperienceEvaluatorTests.assessment(ExperienceLevel.HIGH, null);

	private static final ExperienceAssessment SEVERE = ExperienceEvaluatorTests.assessment(ExperienceLevel.NEGATIVE,
			NegativeSeverity.SEVERE);

	private final ExperienceEvaluator evaluator = new ExperienceEvaluator(EvaluationProperties.defaults());

	@Test
	void countsAResponseOneHalfLifeOldHalf() {
		// A delight now (100, weight 1) and a severe failure 90 days ago (−100, weight
		// 1/2):
		// (100 − 50) / 1.5 = 33.3.
		CustomerExperienceScore score = this.evaluator
			.customerScore(List.of(new DatedExperience(NOW, HIGH), new DatedExperience(days(90), SEVERE)), NOW)
			.orElseThrow();

		assertThat(score.score()).isCloseTo(100.0 / 3, within(1e-9));
		assertThat(score.weight()).isCloseTo(1.5, within(1e-12));
		assertThat(score.responses()).isEqualTo(2);
	}

	@Test
	void letsOldExperiencesFade() {
		List<DatedExperience> history = List.of(new DatedExperience(days(720), HIGH),
				new DatedExperience(days(1), SEVERE));

		double score = CustomerExperienceScore.of(history, NOW, Duration.ofDays(90)).orElseThrow().score();
		// Weights 2^(−8) and 2^(−1/90): the recent failure dominates.
		double old = Math.pow(2, -8);
		double recent = Math.pow(2, -1.0 / 90);
		assertThat(score).isCloseTo((100 * old - 100 * recent) / (old + recent), within(1e-9)).isLessThan(-99);
	}

	@Test
	void countsAFutureDateAsNow() {
		CustomerExperienceScore score = CustomerExperienceScore
			.of(List.of(new DatedExperience(NOW.plusSeconds(3600), HIGH)), NOW, Duration.ofDays(90))
			.orElseThrow();

		assertThat(score.weight()).isEqualTo(1);
		assertThat(score.score()).isEqualTo(100);
	}

	@Test
	void hasNoScoreWithoutResponses() {
		assertThat(this.evaluator.customerScore(List.of(), NOW)).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CustomerExperienceScore.of(List.of(), NOW, Duration.ZERO));
	}

	private static Instant days(int ago) {
		return NOW.minus(Duration.ofDays(ago));
	}

}
