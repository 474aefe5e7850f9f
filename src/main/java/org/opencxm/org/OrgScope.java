package org.opencxm.org;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The current caller and the part of the org tree it may see. Every module asks this
 * before it reads or writes anything that belongs to an org unit.
 */
@Service
public class OrgScope {

	private static final Caller SYSTEM = new Caller(0, "system", Set.of(Role.ADMIN), null, Locale.SIMPLIFIED_CHINESE);

	private final JdbcClient jdbc;

	OrgScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The authenticated caller of the current request.
	 * @throws AuthenticationCredentialsNotFoundException outside an authenticated request
	 */
	public Caller caller() {
		Caller caller = currentOrNull();
		if (caller == null) {
			throw new AuthenticationCredentialsNotFoundException("no authenticated caller");
		}
		return caller;
	}

	public @Nullable Caller currentOrNull() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			return principal.caller();
		}
		return null;
	}

	public Locale locale() {
		Caller caller = currentOrNull();
		return (caller != null) ? caller.locale() : Locale.SIMPLIFIED_CHINESE;
	}

	/**
	 * The units the current caller may see: all of them, or its scope unit and every unit
	 * below it. Work that runs outside a request (events, schedules, the demo loader)
	 * sees all.
	 */
	public VisibleUnits visibleUnits() {
		Caller caller = currentOrNull();
		if (caller == null || caller.scopeUnitId() == null) {
			return VisibleUnits.ALL;
		}
		return subtree(caller.scopeUnitId());
	}

	/**
	 * The ids of a unit and all its descendants.
	 */
	public VisibleUnits subtree(long unitId) {
		List<Long> ids = this.jdbc.sql("""
				select d.id from org_unit u join org_unit d on d.path like u.path || '%'
				where u.id = :id
				""").param("id", unitId).query(Long.class).list();
		return VisibleUnits.only(ids);
	}

	/**
	 * Fails with 404 unless the current caller may see the unit.
	 */
	public void requireVisible(@Nullable Long unitId, String what, Object key) {
		if (unitId != null && !visibleUnits().contains(unitId)) {
			throw new NotFoundException(what, key);
		}
	}

	/**
	 * Fails with 403 unless the current caller holds the role (or one that includes it).
	 */
	public void requireRole(Role role) {
		if (!caller().has(role)) {
			throw new AccessDeniedException("requires " + role);
		}
	}

	/**
	 * Runs work that no user asked for (first-start setup, the demo workspace, reactions
	 * to events) as the system: an unscoped admin. The caller's own security context is
	 * restored afterwards.
	 */
	public <T> T asSystem(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		AccountPrincipal system = new AccountPrincipal(SYSTEM, null, true);
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public void runAsSystem(Runnable work) {
		asSystem(() -> {
			work.run();
			return null;
		});
	}

	boolean hasAny(Set<Role> roles) {
		Caller caller = caller();
		return roles.stream().anyMatch(caller::has);
	}

}
