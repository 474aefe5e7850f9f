package org.opencxm.org;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: created by a user for itself, shown once, stored only as a hash, revocable.
 * A token acts with its user's roles and scope as they are at the time of each request.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "ocx_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final Clock clock;

	private final Accounts accounts;

	ApiTokens(JdbcClient jdbc, OrgScope scope, Clock clock, Accounts accounts) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * A token as listed: never the secret itself, only its first characters to recognise
	 * it.
	 */
	public record ApiToken(long id, String name, String prefix, String username, Instant createdAt,
			@Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
	}

	/**
	 * A token just created: {@code token} is shown this once and cannot be read again.
	 */
	public record IssuedToken(long id, String name, String token, String prefix, Instant createdAt,
			@Nullable Instant expiresAt) {
	}

	@Transactional
	public IssuedToken issue(String name, @Nullable Integer validDays) {
		Caller caller = this.scope.caller();
		return issueFor(caller.userId(), name, validDays);
	}

	/**
	 * Issues a token for a user outside a request (scripts run by an admin at setup,
	 * benchmarks).
	 */
	@Transactional
	public IssuedToken issueFor(long userId, String name, @Nullable Integer validDays) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String prefix = token.substring(0, 12);
		Instant now = this.clock.instant();
		Instant expires = (validDays != null) ? now.plus(Duration.ofDays(validDays)) : null;
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into api_token (user_id, name, token_hash, prefix, created_at, expires_at)
				values (:user, :name, :hash, :prefix, :now, :expires)
				""")
			.param("user", userId)
			.param("name", name)
			.param("hash", Accounts.hash(token))
			.param("prefix", prefix)
			.param("now", SqlTime.of(now))
			.param("expires", SqlTime.of(expires))
			.update(keys, "id");
		return new IssuedToken(keys.getKeyAs(Long.class), name, token, prefix, now, expires);
	}

	/**
	 * The caller's own tokens; an admin may list another user's.
	 */
	public List<ApiToken> list(@Nullable String username) {
		Caller caller = this.scope.caller();
		String owner = (username != null) ? username : caller.username();
		if (!owner.equals(caller.username())) {
			this.scope.requireRole(Role.ADMIN);
		}
		return this.jdbc.sql("""
				select t.*, u.username from api_token t join app_user u on u.id = t.user_id
				where u.username = :username order by t.id
				""").param("username", owner).query(ApiTokens::map).list();
	}

	/**
	 * Revokes a token of the caller's (or, for an admin, anyone's). Revoking twice is
	 * harmless.
	 */
	@Transactional
	public ApiToken revoke(long id) {
		Caller caller = this.scope.caller();
		ApiToken token = this.jdbc.sql("""
				select t.*, u.username from api_token t join app_user u on u.id = t.user_id where t.id = :id
				""")
			.param("id", id)
			.query(ApiTokens::map)
			.optional()
			.filter((found) -> found.username().equals(caller.username()) || caller.has(Role.ADMIN))
			.orElseThrow(() -> new NotFoundException("token", id));
		this.jdbc.sql("update api_token set revoked_at = coalesce(revoked_at, :now) where id = :id")
			.param("now", SqlTime.of(this.clock.instant()))
			.param("id", id)
			.update();
		this.accounts.forgetTokens();
		return list(token.username()).stream().filter((t) -> t.id() == id).findFirst().orElseThrow();
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"), rs.getString("username"),
				SqlTime.requiredInstant(rs, "created_at"), SqlTime.instant(rs, "expires_at"),
				SqlTime.instant(rs, "last_used_at"), SqlTime.instant(rs, "revoked_at"));
	}

}
