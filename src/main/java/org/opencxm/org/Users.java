package org.opencxm.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in to OpenCXM. Admins manage them; a scoped admin only inside its
 * scope.
 */
@Service
public class Users {

	private static final String SELECT = """
			select u.*, o.code as scope_code, s.code as staff_code
			from app_user u left join org_unit o on o.id = u.scope_unit_id left join staff s on s.id = u.staff_id
			""";

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final Accounts accounts;

	Users(JdbcClient jdbc, OrgScope scope, PasswordEncoder passwords, Clock clock, Accounts accounts) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.scope = scope;
		this.passwords = passwords;
		this.clock = clock;
	}

	public List<UserAccount> list() {
		this.scope.requireRole(Role.ADMIN);
		VisibleUnits visible = this.scope.visibleUnits();
		return this.jdbc.sql(SELECT + " order by u.username")
			.query(Users::map)
			.list()
			.stream()
			.filter((user) -> visible.all() || visibleScope(user, visible))
			.toList();
	}

	public UserAccount get(String username) {
		this.scope.requireRole(Role.ADMIN);
		VisibleUnits visible = this.scope.visibleUnits();
		return byUsername(username).filter((user) -> visible.all() || visibleScope(user, visible))
			.orElseThrow(() -> new NotFoundException("user", username));
	}

	public UserAccount me() {
		Caller caller = this.scope.caller();
		return byUsername(caller.username()).orElseThrow(() -> new NotFoundException("user", caller.username()));
	}

	@Transactional
	public Created<UserAccount> create(UserRequest request) {
		this.scope.requireRole(Role.ADMIN);
		if (request.password() == null) {
			throw new InvalidInputException("password", "is required for a new user");
		}
		if (byUsername(request.username()).isPresent()) {
			throw new ConflictException("user " + request.username() + " exists already");
		}
		Long scopeUnit = scopeUnitId(request.scopeUnitCode());
		this.jdbc.sql("""
				insert into app_user (username, password_hash, display_name, email, roles, scope_unit_id, staff_id,
					locale, enabled, created_at)
				values (:username, :hash, :name, :email, :roles, :scope, :staff, :locale, :enabled, :now)
				""")
			.param("username", request.username())
			.param("hash", this.passwords.encode(request.password()))
			.param("name", request.displayName())
			.param("email", request.email())
			.param("roles", Accounts.stored(request.roles()))
			.param("scope", scopeUnit)
			.param("staff", staffId(request.staffCode()))
			.param("locale", ((request.locale() != null) ? request.locale() : LanguageTag.ZH_CN).tag())
			.param("enabled", request.enabled() == null || request.enabled())
			.param("now", SqlTime.of(this.clock.instant()))
			.update();
		return new Created<>(byUsername(request.username()).orElseThrow(), true);
	}

	@Transactional
	public UserAccount update(String username, UserRequest request) {
		UserAccount current = get(username);
		if (!current.username().equals(request.username())) {
			throw new InvalidInputException("username", "must match the user name in the path");
		}
		this.jdbc.sql("""
				update app_user set display_name = :name, email = :email, roles = :roles, scope_unit_id = :scope,
					staff_id = :staff, locale = :locale, enabled = :enabled,
					password_hash = coalesce(:hash, password_hash)
				where id = :id
				""")
			.param("name", request.displayName())
			.param("email", request.email())
			.param("roles", Accounts.stored(request.roles()))
			.param("scope", scopeUnitId(request.scopeUnitCode()))
			.param("staff", staffId(request.staffCode()))
			.param("locale", ((request.locale() != null) ? request.locale() : current.locale()).tag())
			.param("enabled", (request.enabled() != null) ? request.enabled() : current.enabled())
			.param("hash", (request.password() != null) ? this.passwords.encode(request.password()) : null)
			.param("id", current.id())
			.update();
		this.accounts.forgetTokens();
		return byUsername(username).orElseThrow();
	}

	/**
	 * Changes the caller's own password after checking the current one.
	 */
	@Transactional
	public void changeOwnPassword(String currentPassword, String newPassword) {
		Caller caller = this.scope.caller();
		String hash = this.jdbc.sql("select password_hash from app_user where id = :id")
			.param("id", caller.userId())
			.query(String.class)
			.optional()
			.orElse(null);
		if (hash == null || !this.passwords.matches(currentPassword, hash)) {
			throw new InvalidInputException("currentPassword", "is not the current password");
		}
		setPassword(caller.userId(), newPassword);
	}

	/**
	 * Changes the caller's preferred language (remembered for the console).
	 */
	@Transactional
	public void changeOwnLocale(LanguageTag locale) {
		this.jdbc.sql("update app_user set locale = :locale where id = :id")
			.param("locale", locale.tag())
			.param("id", this.scope.caller().userId())
			.update();
		this.accounts.forgetTokens();
	}

	/**
	 * Creates a user outside any request (first start, demo workspace). Does nothing if
	 * the user exists.
	 */
	@Transactional
	public boolean bootstrap(String username, String displayName, Set<Role> roles, @Nullable Long scopeUnitId,
			@Nullable String password, LanguageTag locale) {
		if (byUsername(username).isPresent()) {
			return false;
		}
		this.jdbc.sql("""
				insert into app_user (username, password_hash, display_name, roles, scope_unit_id, locale, enabled,
					created_at)
				values (:username, :hash, :name, :roles, :scope, :locale, true, :now)
				""")
			.param("username", username)
			.param("hash", (password != null) ? this.passwords.encode(password) : null)
			.param("name", displayName)
			.param("roles", Accounts.stored(roles))
			.param("scope", scopeUnitId)
			.param("locale", locale.tag())
			.param("now", SqlTime.of(this.clock.instant()))
			.update();
		return true;
	}

	public long count() {
		return this.jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	private void setPassword(long userId, String password) {
		if (password.length() < 12) {
			throw new InvalidInputException("newPassword", "must be 12 to 200 characters");
		}
		this.jdbc.sql("update app_user set password_hash = :hash where id = :id")
			.param("hash", this.passwords.encode(password))
			.param("id", userId)
			.update();
		this.accounts.forgetTokens();
	}

	private Optional<UserAccount> byUsername(String username) {
		return this.jdbc.sql(SELECT + " where u.username = :username")
			.param("username", username)
			.query(Users::map)
			.optional();
	}

	private @Nullable Long scopeUnitId(@Nullable String code) {
		Caller caller = this.scope.caller();
		if (code == null) {
			if (caller.scoped()) {
				throw new InvalidInputException("scopeUnitCode", "a scoped admin can only create users in its scope");
			}
			return null;
		}
		return this.jdbc.sql("select id from org_unit where code = :code")
			.param("code", code)
			.query(Long.class)
			.optional()
			.filter((id) -> this.scope.visibleUnits().contains(id))
			.orElseThrow(() -> new InvalidInputException("scopeUnitCode", "no org unit has this code"));
	}

	private @Nullable Long staffId(@Nullable String code) {
		if (code == null) {
			return null;
		}
		VisibleUnits visible = this.scope.visibleUnits();
		return this.jdbc.sql("select id, unit_id from staff where code = :code")
			.param("code", code)
			.query((rs, row) -> new long[] { rs.getLong("id"), rs.getLong("unit_id") })
			.optional()
			.filter((ids) -> visible.contains(ids[1]))
			.map((ids) -> ids[0])
			.orElseThrow(() -> new InvalidInputException("staffCode", "no staff member has this code"));
	}

	private boolean visibleScope(UserAccount user, VisibleUnits visible) {
		if (user.scopeUnitCode() == null) {
			return false;
		}
		return this.jdbc.sql("select id from org_unit where code = :code")
			.param("code", user.scopeUnitCode())
			.query(Long.class)
			.optional()
			.map(visible::contains)
			.orElse(false);
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), Accounts.roles(rs.getString("roles")), rs.getString("scope_code"),
				rs.getString("staff_code"), LanguageTag.of(rs.getString("locale")), rs.getBoolean("enabled"),
				SqlTime.requiredInstant(rs, "created_at"));
	}

}
