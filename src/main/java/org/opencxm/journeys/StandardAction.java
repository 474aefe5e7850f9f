package org.opencxm.journeys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.LocalizedText;

/**
 * One step of a touchpoint's checklist of standard actions (标准动作), such as 迎 (greet) in a
 * bank's seven-step service. Codes are unique within the touchpoint.
 */
public record StandardAction(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@NotNull @Valid LocalizedText name, @Nullable @Valid LocalizedText description) {

}
