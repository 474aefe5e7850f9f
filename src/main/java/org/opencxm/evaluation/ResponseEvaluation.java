package org.opencxm.evaluation;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.opencxm.shared.SemModule;

/**
 * What one response means. Every part is {@code null} (or empty) where the response did
 * not answer what it needs.
 *
 * @param npsClass the class of the likelihood-to-recommend answer
 * @param csatTopTwoBox whether satisfaction was 4 or 5 on its 1–5 scale
 * @param effort the customer effort answer, 1–7, lower is better
 * @param semScores each answered SEM module's score, 0–100
 * @param expectationGaps perceived minus expected per attribute, on the 1–7 scale's units
 * @param meanExpectationGap the mean of those gaps
 * @param experience the experience level, when there is a basis for it
 */
public record ResponseEvaluation(@Nullable NpsClass npsClass, @Nullable Boolean csatTopTwoBox, @Nullable Integer effort,
		Map<SemModule, Double> semScores, Map<String, Double> expectationGaps, @Nullable Double meanExpectationGap,
		@Nullable ExperienceAssessment experience) {

}
