package org.opencxm.console;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.Role;
import org.opencxm.org.UserAccount;
import org.opencxm.org.UserRequest;
import org.opencxm.shared.LanguageTag;

/**
 * The user form. On a change an empty password keeps the current one.
 */
record UserForm(
		@NotBlank(message = "{validation.required}") @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$",
				message = "{validation.username}") @Nullable String username,
		@NotBlank(message = "{validation.required}") @Size(max = 200,
				message = "{validation.tooLong}") @Nullable String displayName,
		@Email(message = "{validation.email}") @Size(max = 320,
				message = "{validation.tooLong}") @Nullable String email,
		@Size(min = 12, max = 200, message = "{validation.password}") @Nullable String password,
		@NotEmpty(message = "{validation.roles}") @Nullable Set<Role> roles, @Nullable String scopeUnitCode,
		@Nullable String staffCode,
		@Pattern(regexp = "zh-CN|en", message = "{validation.required}") @Nullable String language,
		@Nullable Boolean enabled) {

	static UserForm empty(@Nullable String scopeUnitCode) {
		return new UserForm(null, null, null, null, EnumSet.of(Role.VIEWER), scopeUnitCode, null,
				LanguageTag.ZH_CN.tag(), true);
	}

	static UserForm of(UserAccount user) {
		return new UserForm(user.username(), user.displayName(), user.email(), null, user.roles(), user.scopeUnitCode(),
				user.staffCode(), user.locale().tag(), user.enabled());
	}

	boolean enabledOrFalse() {
		return this.enabled != null && this.enabled;
	}

	boolean hasRole(Role role) {
		return this.roles != null && this.roles.contains(role);
	}

	/**
	 * Only called once the form is valid, so the required values are there.
	 */
	UserRequest request(String username) {
		LanguageTag locale = (this.language != null) ? LanguageTag.of(this.language) : null;
		return new UserRequest(username, this.displayName, this.email, this.password,
				(this.roles != null) ? this.roles : Set.of(), this.scopeUnitCode, this.staffCode, locale,
				enabledOrFalse());
	}

}
