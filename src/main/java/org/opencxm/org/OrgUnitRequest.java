package org.opencxm.org;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.LocalizedText;

/**
 * What a client sends to create or change an org unit. Without a time zone a unit takes
 * its parent's (a root defaults to Asia/Shanghai).
 */
public record OrgUnitRequest(
		@Nullable @Size(min = 1, max = 64) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@Nullable String parentCode, @NotNull OrgUnitKind kind, @NotNull @Valid LocalizedText name,
		@Nullable String timeZone) {

}
