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
 * What a CX manager sends to create or change an alert rule: {@code kind} RESPONSE (the
 * default) takes a {@code condition}, DROP a {@code drop}.
 */
public record AlertRuleRequest(
		@Nullable @Size(min = 1, max = 64) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@Nullable AlertKind kind, @NotNull @Valid LocalizedText name, @Nullable JsonNode condition,
		@Nullable @Valid DropCondition drop, @Nullable @Valid AlertLimits limits, @NotNull @Valid AlertAction action,
		@Nullable Boolean active) {

	AlertKind effectiveKind() {
		return (this.kind != null) ? this.kind : AlertKind.RESPONSE;
	}

}
