package org.opencxm.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new API token: a name to recognise it by and, optionally, how many days it is valid.
 */
record TokenForm(
		@NotBlank(message = "{validation.required}") @Size(max = 100,
				message = "{validation.tooLong}") @Nullable String name,
		@Min(value = 1, message = "{validation.validDays}") @Max(value = 3650,
				message = "{validation.validDays}") @Nullable Integer validDays) {

	static TokenForm empty() {
		return new TokenForm(null, null);
	}

}
