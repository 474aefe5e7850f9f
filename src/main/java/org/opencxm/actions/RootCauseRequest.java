package org.opencxm.actions;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.LocalizedText;

/**
 * What a CX manager sends to create or change a root cause.
 */
public record RootCauseRequest(
		@Nullable @Size(min = 1, max = 64) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@NotNull @Valid LocalizedText name, @NotNull ExperienceFactor factor,
		@Nullable @Size(max = 100) List<@NotNull String> touchpoints, @Nullable Boolean active) {

}
