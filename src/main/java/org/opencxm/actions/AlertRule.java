package org.opencxm.actions;

import org.opencxm.shared.LocalizedText;
import tools.jackson.databind.JsonNode;

/**
 * An alert rule over single responses: a condition tree (see {@code docs/api/cases.md}),
 * where it applies, and what it does.
 */
public record AlertRule(long id, String code, LocalizedText name, JsonNode condition, AlertLimits limits,
		AlertAction action, boolean active) {

}
