package org.opencxm.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The authenticated user behind a request, whether it signed in with a password (form or
 * HTTP Basic) or presented an API token.
 */
final class AccountPrincipal implements UserDetails, OAuth2AuthenticatedPrincipal, CredentialsContainer {

	private final Caller caller;

	private @Nullable String passwordHash;

	private final boolean enabled;

	AccountPrincipal(Caller caller, @Nullable String passwordHash, boolean enabled) {
		this.caller = caller;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	Caller caller() {
		return this.caller;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.caller.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.caller.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of("username", this.caller.username());
	}

	@Override
	public String getName() {
		return this.caller.username();
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	static List<String> authorities(Caller caller) {
		return caller.roles().stream().map(Role::authority).toList();
	}

}
