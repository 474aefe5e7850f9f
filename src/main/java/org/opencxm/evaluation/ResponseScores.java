package org.opencxm.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.opencxm.shared.SemModule;

/**
 * What the evaluation rules read from one response, whatever survey it came from. Every
 * part is optional.
 *
 * @param likelihoodToRecommend the NPS question, 0–10
 * @param satisfaction overall satisfaction (CSAT), 1–5, 5 best
 * @param effort customer effort (CES): "how much effort did you have to put in?", 1–7, 1
 * = very little; lower is better
 * @param semItems agreement items per SEM module, each 1–7
 * @param expectations expected/perceived pairs per attribute, each 1–7
 * @param stimulusIntensity how strongly the experience affected the customer, 1–7
 * @param participation how actively and fully the customer took part, 1–7
 */
public record ResponseScores(@Nullable Integer likelihoodToRecommend, @Nullable Integer satisfaction,
		@Nullable Integer effort, Map<SemModule, List<Double>> semItems, List<ExpectationItem> expectations,
		@Nullable Double stimulusIntensity, @Nullable Double participation) {

	public ResponseScores {
		if (likelihoodToRecommend != null) {
			NpsClass.of(likelihoodToRecommend);
		}
		if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
			throw new IllegalArgumentException("satisfaction is on 1..5, not " + satisfaction);
		}
		if (effort != null && (effort < 1 || effort > 7)) {
			throw new IllegalArgumentException("effort is on 1..7, not " + effort);
		}
		semItems = copyOf(semItems);
		expectations = List.copyOf(expectations);
		if (expectations.stream().map(ExpectationItem::attribute).distinct().count() < expectations.size()) {
			throw new IllegalArgumentException("each attribute has one pair of expectation items");
		}
		if (stimulusIntensity != null) {
			AgreementScale.check(stimulusIntensity, "stimulus intensity");
		}
		if (participation != null) {
			AgreementScale.check(participation, "participation");
		}
	}

	/** A response that answered none of what the rules read. */
	public static ResponseScores none() {
		return new ResponseScores(null, null, null, Map.of(), List.of(), null, null);
	}

	public ResponseScores withLikelihoodToRecommend(int value) {
		return new ResponseScores(value, this.satisfaction, this.effort, this.semItems, this.expectations,
				this.stimulusIntensity, this.participation);
	}

	public ResponseScores withSatisfaction(int value) {
		return new ResponseScores(this.likelihoodToRecommend, value, this.effort, this.semItems, this.expectations,
				this.stimulusIntensity, this.participation);
	}

	public ResponseScores withEffort(int value) {
		return new ResponseScores(this.likelihoodToRecommend, this.satisfaction, value, this.semItems,
				this.expectations, this.stimulusIntensity, this.participation);
	}

	/** These scores with the given items added to the module's. */
	public ResponseScores withSemItems(SemModule module, double... values) {
		Map<SemModule, List<Double>> items = new EnumMap<>(SemModule.class);
		items.putAll(this.semItems);
		List<Double> moduleItems = new ArrayList<>(items.getOrDefault(module, List.of()));
		for (double value : values) {
			moduleItems.add(value);
		}
		items.put(module, moduleItems);
		return new ResponseScores(this.likelihoodToRecommend, this.satisfaction, this.effort, items, this.expectations,
				this.stimulusIntensity, this.participation);
	}

	public ResponseScores withExpectation(String attribute, double expected, double perceived) {
		List<ExpectationItem> items = new ArrayList<>(this.expectations);
		items.add(new ExpectationItem(attribute, expected, perceived));
		return new ResponseScores(this.likelihoodToRecommend, this.satisfaction, this.effort, this.semItems, items,
				this.stimulusIntensity, this.participation);
	}

	public ResponseScores withStimulusIntensity(double value) {
		return new ResponseScores(this.likelihoodToRecommend, this.satisfaction, this.effort, this.semItems,
				this.expectations, value, this.participation);
	}

	public ResponseScores withParticipation(double value) {
		return new ResponseScores(this.likelihoodToRecommend, this.satisfaction, this.effort, this.semItems,
				this.expectations, this.stimulusIntensity, value);
	}

	private static Map<SemModule, List<Double>> copyOf(Map<SemModule, List<Double>> items) {
		Map<SemModule, List<Double>> copy = new EnumMap<>(SemModule.class);
		items.forEach((module, values) -> {
			if (!values.isEmpty()) {
				for (Double value : values) {
					AgreementScale.check(value, module + " item");
				}
				copy.put(module, List.copyOf(values));
			}
		});
		return Collections.unmodifiableMap(copy);
	}

}
