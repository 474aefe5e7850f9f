package org.opencxm.actions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.LocalizedText;
import tools.jackson.databind.JsonNode;

/**
 * What a CX manager sends to create or change an alert rule.
 */
public record AlertRuleRequest(
		@Nullable @Size(min = 1, max = 64) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@NotNull @Valid LocalizedText name, @NotNull JsonNode condition, @Nullable @Valid AlertLimits limits,
		@NotNull @Valid AlertAction action, @Nullable Boolean active) {

}
