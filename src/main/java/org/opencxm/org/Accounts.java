package org.opencxm.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.opencxm.shared.ReferenceCache;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Looks up who is signing in: by user name and password hash, or by the SHA-256 hash of
 * an API token (tokens carry 256 random bits, so a fast hash is enough; passwords get an
 * adaptive one).
 */
@Component
class Accounts implements UserDetailsService, OpaqueTokenIntrospector {

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	/**
	 * How long a token's account is remembered between requests. A revocation or an
	 * account change on this node takes effect at once; one made on another node within
	 * this time.
	 */
	static final Duration TOKEN_MEMORY = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReferenceCache<String, TokenRow> tokens = new ReferenceCache<>(TOKEN_MEMORY, 10_000);

	Accounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.jdbc.sql("select * from app_user where username = :username")
			.param("username", username)
			.query((rs, row) -> new AccountPrincipal(caller(rs), rs.getString("password_hash"),
					rs.getBoolean("enabled") && rs.getString("password_hash") != null))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		Instant now = this.clock.instant();
		String hash = hash(token);
		TokenRow row = this.tokens.get(hash, (key) -> tokenRow(key).orElse(null));
		if (row == null) {
			throw new BadOpaqueTokenException("unknown token");
		}
		if (row.revokedAt() != null || !row.enabled() || (row.expiresAt() != null && !now.isBefore(row.expiresAt()))) {
			throw new BadOpaqueTokenException("token revoked or expired");
		}
		if (row.lastUsedAt() == null || row.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
			this.jdbc.sql("update api_token set last_used_at = :now where id = :id")
				.param("now", SqlTime.of(now))
				.param("id", row.tokenId())
				.update();
			this.tokens.refresh(hash, row.usedAt(now));
		}
		return new AccountPrincipal(row.caller(), null, true);
	}

	/**
	 * Forgets the remembered token accounts, once the current transaction ends: a token
	 * was revoked or an account changed.
	 */
	void forgetTokens() {
		this.tokens.forgetAfterCommit();
	}

	private Optional<TokenRow> tokenRow(String hash) {
		return this.jdbc.sql("""
				select t.id as token_id, t.expires_at, t.revoked_at, t.last_used_at, u.*
				from api_token t join app_user u on u.id = t.user_id
				where t.token_hash = :hash
				""")
			.param("hash", hash)
			.query((rs, row) -> new TokenRow(rs.getLong("token_id"), SqlTime.instant(rs, "expires_at"),
					SqlTime.instant(rs, "revoked_at"), SqlTime.instant(rs, "last_used_at"), rs.getBoolean("enabled"),
					caller(rs)))
			.optional();
	}

	static Caller caller(ResultSet rs) throws SQLException {
		long scope = rs.getLong("scope_unit_id");
		Long scopeUnitId = rs.wasNull() ? null : scope;
		return new Caller(rs.getLong("id"), rs.getString("username"), roles(rs.getString("roles")), scopeUnitId,
				Locale.forLanguageTag(rs.getString("locale")));
	}

	static Set<Role> roles(String stored) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(stored.split(","))
			.map(String::trim)
			.filter((s) -> !s.isEmpty())
			.map(Role::valueOf)
			.forEach(roles::add);
		return roles;
	}

	static String stored(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private record TokenRow(long tokenId, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, boolean enabled,
			Caller caller) {

		TokenRow usedAt(Instant when) {
			return new TokenRow(this.tokenId, this.expiresAt, this.revokedAt, when, this.enabled, this.caller);
		}

	}

}
