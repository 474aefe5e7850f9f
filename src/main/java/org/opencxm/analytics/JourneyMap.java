package org.opencxm.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;

/**
 * A journey's scores stage by stage and touchpoint by touchpoint, and its weighted index.
 *
 * @param indexMetric the metric the index combines
 * @param index the weighted journey index: the mean of the stages' indexes
 */
public record JourneyMap(String journey, LocalDate from, LocalDate to, String indexMetric, Figure index,
		List<Stage> stages) {

	public JourneyMap {
		stages = List.copyOf(stages);
	}

	/**
	 * A stage: the figures of all its responses (with or without a touchpoint), its index
	 * from its top-level touchpoints, and its share of the journey index.
	 *
	 * @param scores figures by metric code, for the metrics with any answers
	 */
	public record Stage(String code, LocalizedText name, Map<String, Figure> scores, @Nullable Figure index,
			double indexShare, List<Touchpoint> touchpoints) {

		public Stage {
			touchpoints = List.copyOf(touchpoints);
		}

	}

	/**
	 * A touchpoint: the figures of the responses given at it, its index (its children's,
	 * rolled up, or its own) and the share of the journey index that rests on it.
	 */
	public record Touchpoint(String code, LocalizedText name, double weight, boolean active, Map<String, Figure> scores,
			@Nullable Figure index, double indexShare, List<Touchpoint> children) {

		public Touchpoint {
			children = List.copyOf(children);
		}

	}

}
