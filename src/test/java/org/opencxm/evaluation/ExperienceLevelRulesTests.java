package org.opencxm.evaluation;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.opencxm.shared.SemModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the table in docs/experience-levels.md, with the default thresholds.
 */
class ExperienceLevelRulesTests {

	private final ExperienceEvaluator evaluator = new ExperienceEvaluator(EvaluationProperties.defaults());

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					# case                                      | expected | perceived | csat | nps | sem | intensity | participation | level    | severity | basis                   | intensity from | participation from
					1 below, took full part                     | 6        | 5         | -    | -   | -   | -         | 6             | NEGATIVE | SEVERE   | GAP_ITEMS               | NONE           | ITEM
					2 below, took little part                   | 6        | 5         | -    | -   | -   | -         | 2             | NEGATIVE | MILD     | GAP_ITEMS               | NONE           | ITEM
					3 below, middling part                      | 6        | 5         | -    | -   | -   | -         | 4             | NEGATIVE | MODERATE | GAP_ITEMS               | NONE           | ITEM
					4 below, participation not asked            | 6        | 5         | -    | -   | -   | 7         | -             | NEGATIVE | MODERATE | GAP_ITEMS               | ITEM           | NONE
					5 below by exactly the tolerance            | 5        | 4.5       | -    | -   | -   | -         | -             | NEGATIVE | MODERATE | GAP_ITEMS               | NONE           | NONE
					6 met                                       | 5        | 5         | -    | -   | -   | 7         | 7             | NONE     | -        | GAP_ITEMS               | ITEM           | ITEM
					7 within the tolerance                      | 5        | 5.4       | -    | -   | -   | 7         | 7             | NONE     | -        | GAP_ITEMS               | ITEM           | ITEM
					8 above by exactly the tolerance            | 5        | 5.5       | -    | -   | -   | -         | -             | LOW      | -        | GAP_ITEMS               | NONE           | NONE
					9 above, strong stimulus, full part         | 4        | 6         | -    | -   | -   | 6         | 6             | HIGH     | -        | GAP_ITEMS               | ITEM           | ITEM
					10 above, strong stimulus, little part      | 4        | 6         | -    | -   | -   | 6         | 3             | MEDIUM   | -        | GAP_ITEMS               | ITEM           | ITEM
					11 above, weak stimulus, full part          | 4        | 6         | -    | -   | -   | 2         | 7             | MEDIUM   | -        | GAP_ITEMS               | ITEM           | ITEM
					12 above, weak stimulus, little part        | 4        | 6         | -    | -   | -   | 2         | 2             | LOW      | -        | GAP_ITEMS               | ITEM           | ITEM
					13 above, strong exactly at the threshold   | 4        | 6         | -    | -   | -   | 5         | 5             | HIGH     | -        | GAP_ITEMS               | ITEM           | ITEM
					14 above, just under the threshold          | 4        | 6         | -    | -   | -   | 4.9       | 5             | MEDIUM   | -        | GAP_ITEMS               | ITEM           | ITEM
					15 above, strong SEM items for intensity    | 4        | 6         | -    | -   | 6   | -         | 6             | HIGH     | -        | GAP_ITEMS               | SEM_ITEMS      | ITEM
					16 above, weak SEM items for intensity      | 4        | 6         | -    | -   | 3   | -         | 6             | MEDIUM   | -        | GAP_ITEMS               | SEM_ITEMS      | ITEM
					17 the intensity item wins over SEM items   | 4        | 6         | -    | -   | 6.5 | 2         | 2             | LOW      | -        | GAP_ITEMS               | ITEM           | ITEM
					18 above, participation not asked           | 4        | 6         | -    | -   | -   | 7         | -             | MEDIUM   | -        | GAP_ITEMS               | ITEM           | NONE
					19 above, neither asked                     | 4        | 6         | -    | -   | -   | -         | -             | LOW      | -        | GAP_ITEMS               | NONE           | NONE
					20 gap items win over satisfaction          | 4        | 6         | 1    | 0   | -   | -         | -             | LOW      | -        | GAP_ITEMS               | NONE           | NONE
					21 no gap items: very satisfied             | -        | -         | 5    | -   | -   | 6         | 6             | HIGH     | -        | SATISFACTION            | ITEM           | ITEM
					22 no gap items: satisfied                  | -        | -         | 4    | -   | -   | 6         | 6             | NONE     | -        | SATISFACTION            | ITEM           | ITEM
					23 no gap items: neutral                    | -        | -         | 3    | -   | -   | -         | -             | NONE     | -        | SATISFACTION            | NONE           | NONE
					24 no gap items: dissatisfied, full part    | -        | -         | 2    | -   | -   | -         | 6             | NEGATIVE | SEVERE   | SATISFACTION            | NONE           | ITEM
					25 satisfaction wins over NPS               | -        | -         | 5    | 0   | -   | -         | -             | LOW      | -        | SATISFACTION            | NONE           | NONE
					26 only NPS: promoter                       | -        | -         | -    | 9   | 6   | -         | 5             | HIGH     | -        | LIKELIHOOD_TO_RECOMMEND | SEM_ITEMS      | ITEM
					27 only NPS: passive                        | -        | -         | -    | 8   | -   | -         | -             | NONE     | -        | LIKELIHOOD_TO_RECOMMEND | NONE           | NONE
					28 only NPS: detractor                      | -        | -         | -    | 6   | -   | -         | 1             | NEGATIVE | MILD     | LIKELIHOOD_TO_RECOMMEND | NONE           | ITEM
					""")
	void assessesEachCaseOfTheTable(String name, @Nullable Double expected, @Nullable Double perceived,
			@Nullable Integer csat, @Nullable Integer nps, @Nullable Double sem, @Nullable Double intensity,
			@Nullable Double participation, ExperienceLevel level, @Nullable NegativeSeverity severity,
			ExpectationBasis basis, Evidence intensityFrom, Evidence participationFrom) {
		ResponseScores scores = ResponseScores.none();
		if (expected != null && perceived != null) {
			scores = scores.withExpectation("service", expected, perceived);
		}
		if (csat != null) {
			scores = scores.withSatisfaction(csat);
		}
		if (nps != null) {
			scores = scores.withLikelihoodToRecommend(nps);
		}
		if (sem != null) {
			scores = scores.withSemItems(SemModule.FEEL, sem - 0.5, sem + 0.5).withSemItems(SemModule.SENSE, sem);
		}
		if (intensity != null) {
			scores = scores.withStimulusIntensity(intensity);
		}
		if (participation != null) {
			scores = scores.withParticipation(participation);
		}

		assertThat(this.evaluator.assess(scores))
			.contains(new ExperienceAssessment(level, severity, basis, intensityFrom, participationFrom));
	}

}
