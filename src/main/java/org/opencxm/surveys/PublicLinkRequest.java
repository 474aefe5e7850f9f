package org.opencxm.surveys;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;

/**
 * A public link to create: its code (the last part of its address), the survey, and the
 * touchpoint and org unit its responses are linked to (the unit defaults to the
 * touchpoint's owner).
 */
public record PublicLinkRequest(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@NotNull String survey, @Nullable String touchpoint, @Nullable String unit, @Nullable Boolean active) {

}
