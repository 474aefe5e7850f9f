package org.opencxm.actions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a person sends to open a case. {@code externalRef} is the client's idempotency
 * key: the same request again answers with the case it opened. For an INTERACTION source
 * the customer, touchpoint and unit default to the interaction's. The unit, when given,
 * decides where the case goes; otherwise it goes to the touchpoint's owner unit, else to
 * the customer's home unit, else to the unit of the source interaction.
 */
public record OpenCaseRequest(
		@Nullable @Size(min = 1, max = 128) @Pattern(regexp = "^[\\x21-\\x7E]+$",
				message = "must be 1 to 128 visible ASCII characters") String externalRef,
		@Nullable @Size(max = 128) String customer, @NotNull @Valid CaseSource source,
		@Nullable @Size(max = 64) String touchpoint, @Nullable @Size(max = 64) String unit, @NotNull Severity severity,
		@NotBlank @Size(max = 200) String title, @Nullable @Size(max = 4000) String description,
		@Nullable @Min(0) @Max(10) Integer npsScore) {

}
