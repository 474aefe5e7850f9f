package org.opencxm.surveys;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;
import org.opencxm.shared.LanguageTag;
import tools.jackson.databind.JsonNode;

/**
 * A response sent through the API. {@code responseKey} (or the {@code Idempotency-Key}
 * header) makes a retry harmless. Links are given by code or id; what an invitation or an
 * interaction already says need not be repeated. {@code version} defaults to the survey's
 * current one. Answers are keyed by question code: a number for scales,
 * {@code {"expectation": n, "perception": n}} for an expectation/perception pair, an
 * option code, an array of option codes, or a text.
 */
public record ResponseRequest(
		@Size(min = 1, max = 128) @Pattern(regexp = "^[\\x21-\\x7e]+$",
				message = "must be printable ASCII without spaces") @Nullable String responseKey,
		@Nullable Integer version, @Nullable Long invitation, @Nullable Long interaction,
		@Size(max = 128) @Nullable String customer, @Nullable String touchpoint, @Nullable String unit,
		@Nullable String staff, @Nullable Channel channel, @Nullable LanguageTag language,
		@Nullable Instant submittedAt, @NotNull Map<String, JsonNode> answers) {

}
