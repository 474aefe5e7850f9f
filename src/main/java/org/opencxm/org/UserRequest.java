package org.opencxm.org;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;

/**
 * What an admin sends to create or change a user. A password is required to create a user
 * that signs in with one; on a change, leaving it out keeps the current one.
 */
public record UserRequest(
		@NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$",
				message = "must be 2 to 64 letters, digits, '.', '_', '@' or '-'") String username,
		@NotBlank @Size(max = 200) String displayName, @Nullable @Email @Size(max = 320) String email,
		@Nullable @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
		@NotEmpty Set<Role> roles, @Nullable String scopeUnitCode, @Nullable String staffCode,
		@Nullable LanguageTag locale, @Nullable Boolean enabled) {

}
