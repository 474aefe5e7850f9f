package org.opencxm.org;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;

/**
 * A user as the API shows it; the password hash never leaves the server.
 */
public record UserAccount(long id, String username, String displayName, @Nullable String email, Set<Role> roles,
		@Nullable String scopeUnitCode, @Nullable String staffCode, LanguageTag locale, boolean enabled,
		Instant createdAt) {

}
