package org.opencxm.journeys;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.LocalizedText;

/**
 * What a client sends to create or replace a journey. The order of the lists is the order
 * of the stages and of the lifecycle classes.
 */
public record JourneyRequest(
		@Nullable @Size(min = 1, max = 64) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@NotNull @Valid LocalizedText name, @Nullable @Valid LocalizedText description,
		@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid StageRequest> stages,
		@Nullable @Size(max = 50) List<@NotNull @Valid LifecycleClassRequest> lifecycleClasses) {

	List<LifecycleClassRequest> lifecycleClassesOrEmpty() {
		return (this.lifecycleClasses != null) ? this.lifecycleClasses : List.of();
	}

	/**
	 * A stage; {@code lifecycleClassCode}, where given, must be one of the journey's
	 * lifecycle classes.
	 */
	@Schema(name = "JourneyStageRequest")
	public record StageRequest(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText name, @Nullable String lifecycleClassCode) {

	}

	@Schema(name = "JourneyLifecycleClassRequest")
	public record LifecycleClassRequest(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText name) {

	}

}
