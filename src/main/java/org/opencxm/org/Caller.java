package org.opencxm.org;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is making the current request: the user, its roles and the org unit it is scoped to
 * ({@code null} for a user who sees the whole company).
 */
public record Caller(long userId, String username, Set<Role> roles, @Nullable Long scopeUnitId, Locale locale) {

	public Caller {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.stream().anyMatch((held) -> held.includes(role));
	}

	public boolean scoped() {
		return this.scopeUnitId != null;
	}

}
