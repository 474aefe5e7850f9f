package org.opencxm.org;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;

/**
 * What a client sends to create or change a staff member.
 */
public record StaffRequest(@Nullable @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@NotBlank String unitCode, @NotBlank @Size(max = 200) String name, @Nullable @Size(max = 200) String title,
		@Nullable @Email @Size(max = 320) String email, @Nullable @Size(max = 40) String phone,
		@Nullable Boolean manager, @Nullable Boolean active) {

}
