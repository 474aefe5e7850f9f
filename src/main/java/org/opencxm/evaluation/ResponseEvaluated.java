package org.opencxm.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;
import org.opencxm.shared.SemModule;

/**
 * A recorded response was evaluated: what it means, with everything an aggregate or an
 * alert needs to place it, captured at evaluation time so that a rebuild from the stored
 * evaluations gives the same numbers as the incremental path.
 *
 * @param localDay the day of submission in the time zone of the response's org unit (the
 * company's default zone without one)
 * @param ces the CES answer as given, 1–7, 7 = very easy
 * @param scores every numeric answer by question code (NPS, CSAT, CES, ratings, SEM
 * items, intensity, participation, and each expectation/perception pair's gap as
 * {@code code.gap})
 */
public record ResponseEvaluated(long responseId, long surveyId, long surveyVersionId, @Nullable Long customerId,
		@Nullable Long touchpointId, @Nullable Long stageId, @Nullable Long unitId, @Nullable Long staffId,
		@Nullable Channel channel, Instant submittedAt, LocalDate localDay, @Nullable String lifecycleClass,
		@Nullable String valueTier, String ageBand, @Nullable Integer nps, @Nullable NpsClass npsClass,
		@Nullable Integer csat, @Nullable Boolean csatTopTwoBox, @Nullable Integer ces,
		Map<SemModule, Double> semScores, @Nullable Double meanExpectationGap,
		@Nullable ExperienceLevel experienceLevel, @Nullable NegativeSeverity severity, @Nullable Double intensity,
		@Nullable Double participation, Map<String, Double> scores) {

	public ResponseEvaluated {
		semScores = Map.copyOf(semScores);
		scores = Map.copyOf(scores);
	}

}
