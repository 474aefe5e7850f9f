package org.opencxm.segments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.LocalizedText;
import tools.jackson.databind.JsonNode;

/**
 * What a CX manager sends to create or replace a segment. The rule is read and checked by
 * the service, so that a bad rule is answered with the path of what is wrong in it.
 */
public record SegmentRequest(
		@Nullable @Size(min = 1, max = 64) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@NotNull @Valid LocalizedText name, @Nullable @Valid LocalizedText description, @NotNull JsonNode rule) {

}
