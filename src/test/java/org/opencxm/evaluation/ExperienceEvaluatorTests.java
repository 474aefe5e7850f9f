package org.opencxm.evaluation;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.opencxm.shared.SemModule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

class ExperienceEvaluatorTests {

	private final ExperienceEvaluator evaluator = new ExperienceEvaluator(EvaluationProperties.defaults());

	@Test
	void classifiesLikelihoodToRecommend() {
		assertThat(NpsClass.of(0)).isEqualTo(NpsClass.DETRACTOR);
		assertThat(NpsClass.of(6)).isEqualTo(NpsClass.DETRACTOR);
		assertThat(NpsClass.of(7)).isEqualTo(NpsClass.PASSIVE);
		assertThat(NpsClass.of(8)).isEqualTo(NpsClass.PASSIVE);
		assertThat(NpsClass.of(9)).isEqualTo(NpsClass.PROMOTER);
		assertThat(NpsClass.of(10)).isEqualTo(NpsClass.PROMOTER);
		assertThatIllegalArgumentException().isThrownBy(() -> NpsClass.of(11));
		assertThatIllegalArgumentException().isThrownBy(() -> NpsClass.of(-1));
	}

	@Test
	void tellsWhatAResponseMeans() {
		ResponseEvaluation evaluation = this.evaluator.evaluate(ResponseScores.none()
			.withLikelihoodToRecommend(9)
			.withSatisfaction(4)
			.withEffort(2)
			.withSemItems(SemModule.SENSE, 7, 4)
			.withSemItems(SemModule.THINK, 1)
			.withExpectation("waiting time", 5, 3)
			.withExpectation("staff", 4, 7)
			.withStimulusIntensity(6)
			.withParticipation(6));

		assertThat(evaluation.npsClass()).isEqualTo(NpsClass.PROMOTER);
		assertThat(evaluation.csatTopTwoBox()).isTrue();
		assertThat(evaluation.effort()).isEqualTo(2);
		// (7 − 1)/6·100 = 100 and (4 − 1)/6·100 = 50 average to 75; 1 is 0.
		assertThat(evaluation.semScores()).containsExactly(entry(SemModule.SENSE, 75.0), entry(SemModule.THINK, 0.0));
		assertThat(evaluation.expectationGaps()).containsExactly(entry("waiting time", -2.0), entry("staff", 3.0));
		assertThat(evaluation.meanExpectationGap()).isEqualTo(0.5);
		assertThat(evaluation.experience().level()).isEqualTo(ExperienceLevel.HIGH);
	}

	@Test
	void countsOnlyFourAndFiveAsTopTwoBox() {
		assertThat(this.evaluator.evaluate(ResponseScores.none().withSatisfaction(3)).csatTopTwoBox()).isFalse();
		assertThat(this.evaluator.evaluate(ResponseScores.none().withSatisfaction(5)).csatTopTwoBox()).isTrue();
	}

	@Test
	void leavesOutWhatWasNotAnswered() {
		ResponseEvaluation evaluation = this.evaluator.evaluate(ResponseScores.none().withStimulusIntensity(7));

		assertThat(evaluation.npsClass()).isNull();
		assertThat(evaluation.csatTopTwoBox()).isNull();
		assertThat(evaluation.effort()).isNull();
		assertThat(evaluation.semScores()).isEmpty();
		assertThat(evaluation.expectationGaps()).isEmpty();
		assertThat(evaluation.meanExpectationGap()).isNull();
		assertThat(evaluation.experience()).isNull();
	}

	@Test
	void scoresSemModulesOnAHundredPointScale() {
		Map<SemModule, Double> scores = ExperienceEvaluator.semScores(ResponseScores.none()
			.withSemItems(SemModule.FEEL, 1, 2, 3)
			.withSemItems(SemModule.RELATE, 5.5)
			.withSemItems(SemModule.ACT));

		assertThat(scores).hasSize(2);
		assertThat(scores.get(SemModule.FEEL)).isCloseTo(100.0 / 6, within(1e-12));
		assertThat(scores.get(SemModule.RELATE)).isCloseTo(75, within(1e-12));
	}

	@Test
	void rejectsAnswersOffTheirScales() {
		assertThatIllegalArgumentException().isThrownBy(() -> ResponseScores.none().withSatisfaction(6));
		assertThatIllegalArgumentException().isThrownBy(() -> ResponseScores.none().withSatisfaction(0));
		assertThatIllegalArgumentException().isThrownBy(() -> ResponseScores.none().withEffort(8));
		assertThatIllegalArgumentException().isThrownBy(() -> ResponseScores.none().withLikelihoodToRecommend(11));
		assertThatIllegalArgumentException().isThrownBy(() -> ResponseScores.none().withSemItems(SemModule.FEEL, 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> ResponseScores.none().withExpectation("x", 8, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> ResponseScores.none().withExpectation(" ", 2, 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResponseScores.none().withExpectation("x", 2, 1).withExpectation("x", 3, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> ResponseScores.none().withParticipation(7.5));
		assertThatIllegalArgumentException().isThrownBy(() -> ResponseScores.none().withStimulusIntensity(Double.NaN));
	}

	@Test
	void followsConfiguredThresholds() {
		ExperienceEvaluator strict = new ExperienceEvaluator(
				new EvaluationProperties(1.5, 6.5, 2, 3, 5, Duration.ofDays(30)));
		ResponseScores scores = ResponseScores.none().withExpectation("staff", 4, 5).withStimulusIntensity(6);

		assertThat(strict.assess(scores).orElseThrow().level()).isEqualTo(ExperienceLevel.NONE);
		assertThat(strict.assess(ResponseScores.none().withExpectation("staff", 3, 5).withStimulusIntensity(6))
			.orElseThrow()
			.level()).isEqualTo(ExperienceLevel.LOW);
		assertThat(strict.assess(ResponseScores.none().withSatisfaction(3)).orElseThrow().level())
			.isEqualTo(ExperienceLevel.NEGATIVE);
		assertThat(
				strict.assess(ResponseScores.none().withSatisfaction(2).withParticipation(3)).orElseThrow().severity())
			.isEqualTo(NegativeSeverity.MODERATE);
	}

	@Test
	void givesPointsInEqualStepsOfAThird() {
		assertThat(assessment(ExperienceLevel.HIGH, null).points()).isEqualTo(100);
		assertThat(assessment(ExperienceLevel.MEDIUM, null).points()).isCloseTo(66.667, within(1e-3));
		assertThat(assessment(ExperienceLevel.LOW, null).points()).isCloseTo(33.333, within(1e-3));
		assertThat(assessment(ExperienceLevel.NONE, null).points()).isZero();
		assertThat(assessment(ExperienceLevel.NEGATIVE, NegativeSeverity.MILD).points()).isCloseTo(-33.333,
				within(1e-3));
		assertThat(assessment(ExperienceLevel.NEGATIVE, NegativeSeverity.MODERATE).points()).isCloseTo(-66.667,
				within(1e-3));
		assertThat(assessment(ExperienceLevel.NEGATIVE, NegativeSeverity.SEVERE).points()).isEqualTo(-100);
		assertThatIllegalArgumentException().isThrownBy(() -> assessment(ExperienceLevel.NEGATIVE, null));
		assertThatIllegalArgumentException().isThrownBy(() -> assessment(ExperienceLevel.HIGH, NegativeSeverity.MILD));
	}

	static ExperienceAssessment assessment(ExperienceLevel level, NegativeSeverity severity) {
		return new ExperienceAssessment(level, severity, ExpectationBasis.GAP_ITEMS, Evidence.ITEM, Evidence.ITEM);
	}

}
