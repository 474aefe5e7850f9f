package org.opencxm.actions;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.SemModule;

/**
 * What alert rules look at in one survey response and its evaluation: where it came from
 * (customer, touchpoint, stage, unit, the customer's segments), its scores (NPS 0–10 and
 * class PROMOTER / PASSIVE / DETRACTOR, CSAT, CES, SEM module scores), its five-level
 * experience level (NEGATIVE, NONE, LOW, MEDIUM, HIGH), its answers by question code (as
 * text; numbers compare as numbers), its comment texts, their sentiment (−1 to 1, the
 * lowest of the comments) and the workspace themes and experience factors the text
 * analysis found in them. Anything unknown is null or empty, and a condition on it does
 * not match.
 */
public record AlertInput(long responseId, @Nullable Long customerId, @Nullable Long touchpointId,
		@Nullable Long stageId, @Nullable Long unitId, Set<String> segments, @Nullable Integer nps,
		@Nullable String npsClass, @Nullable Double csat, @Nullable Double ces, Map<SemModule, Double> sem,
		@Nullable String experienceLevel, Map<String, String> answers, List<String> comments,
		@Nullable Double sentiment, Set<String> themes, Set<ExperienceFactor> factors) {

	public AlertInput {
		segments = (segments != null) ? Set.copyOf(segments) : Set.of();
		sem = (sem != null) ? Map.copyOf(sem) : Map.of();
		answers = (answers != null) ? Map.copyOf(answers) : Map.of();
		comments = (comments != null) ? List.copyOf(comments) : List.of();
		themes = (themes != null) ? Set.copyOf(themes) : Set.of();
		factors = (factors != null) ? Set.copyOf(factors) : Set.of();
	}

	/**
	 * A response whose comments name no theme or factor (or were not analysed).
	 */
	public AlertInput(long responseId, @Nullable Long customerId, @Nullable Long touchpointId, @Nullable Long stageId,
			@Nullable Long unitId, Set<String> segments, @Nullable Integer nps, @Nullable String npsClass,
			@Nullable Double csat, @Nullable Double ces, Map<SemModule, Double> sem, @Nullable String experienceLevel,
			Map<String, String> answers, List<String> comments, @Nullable Double sentiment) {
		this(responseId, customerId, touchpointId, stageId, unitId, segments, nps, npsClass, csat, ces, sem,
				experienceLevel, answers, comments, sentiment, Set.of(), Set.of());
	}

}
