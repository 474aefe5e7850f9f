package org.opencxm.evaluation;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.opencxm.shared.SemModule;

/**
 * Turns one response's scores into what they mean, by the rules written in
 * {@code docs/experience-levels.md}. Pure: no state besides its thresholds.
 */
public final class ExperienceEvaluator {

	private final EvaluationProperties properties;

	public ExperienceEvaluator(EvaluationProperties properties) {
		this.properties = properties;
	}

	public ResponseEvaluation evaluate(ResponseScores scores) {
		Integer likelihood = scores.likelihoodToRecommend();
		Integer satisfaction = scores.satisfaction();
		Map<String, Double> gaps = new LinkedHashMap<>();
		for (ExpectationItem item : scores.expectations()) {
			gaps.put(item.attribute(), item.gap());
		}
		return new ResponseEvaluation((likelihood != null) ? NpsClass.of(likelihood) : null,
				(satisfaction != null) ? satisfaction >= 4 : null, scores.effort(), semScores(scores),
				Collections.unmodifiableMap(gaps), meanGap(scores.expectations()), assess(scores).orElse(null));
	}

	/**
	 * Each answered SEM module's score: its items' mean on 0–100, where an item x on 1–7
	 * counts (x − 1) / 6 · 100.
	 */
	public static Map<SemModule, Double> semScores(ResponseScores scores) {
		Map<SemModule, Double> result = new EnumMap<>(SemModule.class);
		scores.semItems().forEach((module, items) -> result.put(module, AgreementScale.toHundred(mean(items))));
		return Collections.unmodifiableMap(result);
	}

	/**
	 * The experience level of a response; empty where it has nothing to compare with an
	 * expectation.
	 */
	public Optional<ExperienceAssessment> assess(ResponseScores scores) {
		Expectation expectation = expectation(scores);
		if (expectation == null) {
			return Optional.empty();
		}
		Double intensity = scores.stimulusIntensity();
		Evidence intensityEvidence = Evidence.ITEM;
		if (intensity == null && !scores.semItems().isEmpty()) {
			intensity = mean(scores.semItems().values().stream().map(ExperienceEvaluator::mean).toList());
			intensityEvidence = Evidence.SEM_ITEMS;
		}
		else if (intensity == null) {
			intensityEvidence = Evidence.NONE;
		}
		Double participation = scores.participation();
		Evidence participationEvidence = (participation != null) ? Evidence.ITEM : Evidence.NONE;
		return Optional.of(switch (expectation.standing()) {
			case BELOW -> new ExperienceAssessment(ExperienceLevel.NEGATIVE, severity(participation),
					expectation.basis(), intensityEvidence, participationEvidence);
			case MET -> new ExperienceAssessment(ExperienceLevel.NONE, null, expectation.basis(), intensityEvidence,
					participationEvidence);
			case ABOVE -> new ExperienceAssessment(positiveLevel(strong(intensity), strong(participation)), null,
					expectation.basis(), intensityEvidence, participationEvidence);
		});
	}

	/** A customer's experience over their responses, with the configured half-life. */
	public Optional<CustomerExperienceScore> customerScore(Collection<DatedExperience> history, Instant now) {
		return CustomerExperienceScore.of(history, now, this.properties.halfLife());
	}

	private @Nullable Expectation expectation(ResponseScores scores) {
		Double gap = meanGap(scores.expectations());
		if (gap != null) {
			double tolerance = this.properties.gapTolerance();
			Standing standing = (gap <= -tolerance) ? Standing.BELOW
					: (gap >= tolerance) ? Standing.ABOVE : Standing.MET;
			return new Expectation(standing, ExpectationBasis.GAP_ITEMS);
		}
		Integer satisfaction = scores.satisfaction();
		if (satisfaction != null) {
			Standing standing = (satisfaction <= this.properties.satisfactionBelowAtMost()) ? Standing.BELOW
					: (satisfaction >= this.properties.satisfactionAboveAtLeast()) ? Standing.ABOVE : Standing.MET;
			return new Expectation(standing, ExpectationBasis.SATISFACTION);
		}
		Integer likelihood = scores.likelihoodToRecommend();
		if (likelihood != null) {
			Standing standing = switch (NpsClass.of(likelihood)) {
				case DETRACTOR -> Standing.BELOW;
				case PASSIVE -> Standing.MET;
				case PROMOTER -> Standing.ABOVE;
			};
			return new Expectation(standing, ExpectationBasis.LIKELIHOOD_TO_RECOMMEND);
		}
		return null;
	}

	private NegativeSeverity severity(@Nullable Double participation) {
		if (participation == null) {
			return NegativeSeverity.MODERATE;
		}
		if (participation >= this.properties.strongAtLeast()) {
			return NegativeSeverity.SEVERE;
		}
		return (participation <= this.properties.weakAtMost()) ? NegativeSeverity.MILD : NegativeSeverity.MODERATE;
	}

	private boolean strong(@Nullable Double value) {
		return value != null && value >= this.properties.strongAtLeast();
	}

	private static ExperienceLevel positiveLevel(boolean strongIntensity, boolean strongParticipation) {
		if (strongIntensity && strongParticipation) {
			return ExperienceLevel.HIGH;
		}
		return (strongIntensity || strongParticipation) ? ExperienceLevel.MEDIUM : ExperienceLevel.LOW;
	}

	private static @Nullable Double meanGap(List<ExpectationItem> items) {
		if (items.isEmpty()) {
			return null;
		}
		return mean(items.stream().map(ExpectationItem::gap).toList());
	}

	private static double mean(Collection<Double> values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return sum / values.size();
	}

	private enum Standing {

		BELOW, MET, ABOVE

	}

	private record Expectation(Standing standing, ExpectationBasis basis) {

	}

}
