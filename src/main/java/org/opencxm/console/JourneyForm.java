package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Journey;
import org.opencxm.journeys.JourneyRequest;
import org.opencxm.shared.LocalizedText;

/**
 * The journey form: its names and its stages in order, one row each. Rows are added,
 * moved and removed by re-drawing the form ({@link #apply}) before it is saved.
 */
record JourneyForm(@Nullable String code, @Nullable String nameZh, @Nullable String nameEn,
		@Nullable String descriptionZh, @Nullable String descriptionEn, List<StageRow> stages) {

	JourneyForm {
		stages = (stages != null) ? List.copyOf(stages) : List.of();
	}

	/**
	 * A stage row; {@code lifecycleClassCode} is one of the journey's lifecycle classes.
	 */
	record StageRow(@Nullable String code, @Nullable String nameZh, @Nullable String nameEn,
			@Nullable String lifecycleClassCode) {

		static final StageRow EMPTY = new StageRow(null, null, null, null);

		JourneyRequest.StageRequest request() {
			return new JourneyRequest.StageRequest(this.code, DesignText.of(this.nameZh, this.nameEn),
					this.lifecycleClassCode);
		}

	}

	static JourneyForm empty() {
		return new JourneyForm(null, null, null, null, null, List.of(StageRow.EMPTY));
	}

	static JourneyForm of(Journey journey) {
		LocalizedText description = journey.description();
		return new JourneyForm(journey.code(), journey.name().zh(), journey.name().en(),
				(description != null) ? description.zh() : null, (description != null) ? description.en() : null,
				journey.stages()
					.stream()
					.map((stage) -> new StageRow(stage.code(), stage.name().zh(), stage.name().en(),
							stage.lifecycleClassCode()))
					.toList());
	}

	/**
	 * The form after one editing step: {@code add}, or {@code up-N}, {@code down-N},
	 * {@code remove-N} for the stage row N. Anything else leaves it as it is.
	 */
	JourneyForm apply(String op) {
		return new JourneyForm(this.code, this.nameZh, this.nameEn, this.descriptionZh, this.descriptionEn,
				RowOps.apply(this.stages, op, StageRow.EMPTY));
	}

	/**
	 * The request for the journeys service, keeping the lifecycle classes the journey
	 * has: blank values are sent as they are, for the module to judge.
	 */
	JourneyRequest request(@Nullable String code, List<Journey.LifecycleClass> lifecycleClasses) {
		List<JourneyRequest.LifecycleClassRequest> classes = new ArrayList<>();
		lifecycleClasses.forEach((lifecycle) -> classes
			.add(new JourneyRequest.LifecycleClassRequest(lifecycle.code(), lifecycle.name())));
		return new JourneyRequest(code, DesignText.of(this.nameZh, this.nameEn),
				DesignText.optional(this.descriptionZh, this.descriptionEn),
				this.stages.stream().map(StageRow::request).toList(), classes);
	}

}
