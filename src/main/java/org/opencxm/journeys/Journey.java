package org.opencxm.journeys;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;

/**
 * A customer journey (客户之旅) as the API shows it: its lifecycle classes and its stages in
 * order, each stage with the tree of its touchpoints.
 */
public record Journey(long id, String code, LocalizedText name, @Nullable LocalizedText description,
		List<LifecycleClass> lifecycleClasses, List<Stage> stages) {

	public Journey {
		lifecycleClasses = List.copyOf(lifecycleClasses);
		stages = List.copyOf(stages);
	}

	/**
	 * A class of customers by where they are in their lifecycle (prospect 意向, contracted
	 * 签约, …); positions count from 1.
	 */
	@Schema(name = "JourneyLifecycleClass")
	public record LifecycleClass(String code, int position, LocalizedText name) {

	}

	/**
	 * A stage of the journey; positions count from 1. A stage may say which lifecycle
	 * class its customers are in.
	 */
	@Schema(name = "JourneyStage")
	public record Stage(long id, String code, int position, LocalizedText name, @Nullable String lifecycleClassCode,
			List<TouchpointNode> touchpoints) {

		public Stage {
			touchpoints = List.copyOf(touchpoints);
		}

	}

}
