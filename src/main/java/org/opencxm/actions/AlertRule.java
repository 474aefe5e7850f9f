package org.opencxm.actions;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;
import tools.jackson.databind.JsonNode;

/**
 * An alert rule: over single responses, a condition tree (see {@code docs/api/cases.md});
 * over aggregates, a drop condition. Where it applies, and what it does.
 */
public record AlertRule(long id, String code, AlertKind kind, LocalizedText name, @Nullable JsonNode condition,
		@Nullable DropCondition drop, AlertLimits limits, AlertAction action, boolean active) {

}
