package org.opencxm.journeys;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SemModule;

/**
 * What a client sends to create or change a touchpoint. A child touchpoint names its
 * parent, which must be in the same stage. Without a weight a touchpoint weighs 1.0;
 * without a position it goes after its siblings; without {@code active} it is active (a
 * new one) or keeps its state (a change).
 */
public record TouchpointRequest(
		@Nullable @Size(min = 1, max = 64) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@NotNull String journeyCode, @NotNull String stageCode, @Nullable String parentCode,
		@Nullable @Min(0) Integer position, @NotNull @Valid LocalizedText name,
		@Nullable @Valid LocalizedText description, @NotNull ContactType contactType, @NotNull Channel channel,
		@Nullable Set<SemModule> semModules, @NotNull BrandExperienceLevel brandExperienceLevel,
		@Nullable @Positive Double weight, @Nullable String ownerUnitCode,
		@Nullable @Size(max = 50) List<@NotNull @Valid StandardAction> standardActions, @Nullable Boolean active) {

	static final double DEFAULT_WEIGHT = 1.0;

	double weightOrDefault() {
		return (this.weight != null) ? this.weight : DEFAULT_WEIGHT;
	}

	Set<SemModule> semModulesOrEmpty() {
		return (this.semModules != null) ? this.semModules : Set.of();
	}

	List<StandardAction> standardActionsOrEmpty() {
		return (this.standardActions != null) ? this.standardActions : List.of();
	}

}
