package org.opencxm.actions;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Where a rule applies; each list left empty does not limit. Touchpoints by code, stages
 * as {@code journeyCode/stageCode}, units by code (with everything below them), segments
 * by code. A response must pass every non-empty list.
 */
public record AlertLimits(@Nullable @Size(max = 100) List<@NotNull String> touchpoints,
		@Nullable @Size(max = 100) List<@NotNull String> stages, @Nullable @Size(max = 100) List<@NotNull String> units,
		@Nullable @Size(max = 100) List<@NotNull String> segments) {

	public static final AlertLimits NONE = new AlertLimits(List.of(), List.of(), List.of(), List.of());

	public AlertLimits {
		touchpoints = (touchpoints != null) ? List.copyOf(touchpoints) : List.of();
		stages = (stages != null) ? List.copyOf(stages) : List.of();
		units = (units != null) ? List.copyOf(units) : List.of();
		segments = (segments != null) ? List.copyOf(segments) : List.of();
	}

}
