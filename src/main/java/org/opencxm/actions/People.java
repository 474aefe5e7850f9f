package org.opencxm.actions;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.OrgScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users cases are routed and escalated to. Agents are users whose roles include AGENT
 * and whose scope is exactly the case's unit; a unit's manager is the user linked to one
 * of its active manager staff members, else a UNIT_MANAGER user scoped exactly to it.
 */
@Component
class People {

	private final JdbcClient jdbc;

	private final OrgUnits units;

	private final OrgScope scope;

	People(JdbcClient jdbc, OrgUnits units, OrgScope scope) {
		this.jdbc = jdbc;
		this.units = units;
		this.scope = scope;
	}

	/**
	 * The unit's agent with the fewest open cases; on a tie the one who got a case
	 * longest ago (or never), then the oldest account.
	 */
	Optional<Long> leastBusyAgent(long unitId) {
		return this.jdbc.sql("""
				select u.id,
					(select count(*) from cx_case c where c.owner_user_id = u.id
						and c.status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED')) as open_cases,
					(select max(c.assigned_at) from cx_case c where c.owner_user_id = u.id) as last_assigned
				from app_user u
				where u.enabled and u.scope_unit_id = :unit and (',' || u.roles || ',') like '%,AGENT,%'
				order by open_cases, last_assigned nulls first, u.id
				limit 1
				""").param("unit", unitId).query((rs, row) -> rs.getLong("id")).optional();
	}

	Optional<Long> managerOf(long unitId) {
		Optional<Long> linked = this.jdbc.sql("""
				select u.id from app_user u join staff s on s.id = u.staff_id
				where u.enabled and s.active and s.manager and s.unit_id = :unit
				order by s.code, u.id
				limit 1
				""").param("unit", unitId).query(Long.class).optional();
		if (linked.isPresent()) {
			return linked;
		}
		return this.jdbc.sql("""
				select u.id from app_user u
				where u.enabled and u.scope_unit_id = :unit and (',' || u.roles || ',') like '%,UNIT_MANAGER,%'
				order by u.id
				limit 1
				""").param("unit", unitId).query(Long.class).optional();
	}

	/**
	 * Every manager of the unit: the users linked to its active manager staff members,
	 * and the UNIT_MANAGER users scoped exactly to it.
	 */
	List<Long> managersOf(long unitId) {
		return this.jdbc.sql("""
				select u.id from app_user u join staff s on s.id = u.staff_id
				where u.enabled and s.active and s.manager and s.unit_id = :unit
				union
				select u.id from app_user u
				where u.enabled and u.scope_unit_id = :unit and (',' || u.roles || ',') like '%,UNIT_MANAGER,%'
				""").param("unit", unitId).query(Long.class).list().stream().sorted().toList();
	}

	/**
	 * The enabled users holding the CX_MANAGER role whose scope covers the unit (all of
	 * them when the unit is not known).
	 */
	List<Long> cxManagers(@Nullable Long unitId) {
		return this.jdbc.sql("""
				select u.id, u.scope_unit_id from app_user u
				where u.enabled and (',' || u.roles || ',') like '%,CX_MANAGER,%'
				order by u.id
				""").query((rs, row) -> {
			long scope = rs.getLong("scope_unit_id");
			return new long[] { rs.getLong("id"), rs.wasNull() ? -1 : scope };
		})
			.list()
			.stream()
			.filter((user) -> user[1] < 0 || unitId == null || this.scope.subtree(user[1]).contains(unitId))
			.map((user) -> user[0])
			.toList();
	}

	/**
	 * The manager to escalate to at {@code level} (1 = the first unit above the case's
	 * unit that has a manager, 2 = the next one up with a manager, …).
	 */
	Optional<Escalation> escalationTarget(long unitId, int level) {
		List<OrgUnit> ancestry = this.units.ancestry(unitId);
		int found = 0;
		for (OrgUnit unit : ancestry.subList(1, ancestry.size())) {
			Optional<Long> manager = managerOf(unit.id());
			if (manager.isPresent() && ++found == level) {
				return Optional.of(new Escalation(manager.get(), unit.id()));
			}
		}
		return Optional.empty();
	}

	record Escalation(long userId, long unitId) {
	}

	Optional<User> byUsername(String username) {
		return this.jdbc.sql(User.SELECT + " where u.username = :name")
			.param("name", username)
			.query(User::map)
			.optional();
	}

	Optional<User> byId(long id) {
		return this.jdbc.sql(User.SELECT + " where u.id = :id").param("id", id).query(User::map).optional();
	}

	Map<Long, String> usernames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id, username from app_user where id in (:ids)")
				.param("ids", ids)
				.query((rs, row) -> Map.entry(rs.getLong("id"), rs.getString("username")))
				.list()
				.forEach((entry) -> names.put(entry.getKey(), entry.getValue()));
		}
		return names;
	}

	/**
	 * Whether the user may work on cases of the unit: an enabled agent (or more) whose
	 * scope is the whole company or contains the unit.
	 */
	boolean canWork(User user, long unitId) {
		if (!user.enabled() || !user.roles().contains("AGENT") && !user.roles().contains("UNIT_MANAGER")
				&& !user.roles().contains("CX_MANAGER") && !user.roles().contains("ADMIN")) {
			return false;
		}
		return user.scopeUnitId() == null || this.scope.subtree(user.scopeUnitId()).contains(unitId);
	}

	/** What routing, escalation and notifications need to know about a user. */
	record User(long id, String username, @Nullable String email, String locale, List<String> roles,
			@Nullable Long scopeUnitId, boolean enabled) {

		static final String SELECT = "select u.id, u.username, u.email, u.locale, u.roles, u.scope_unit_id, u.enabled from app_user u";

		static User map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
			long scope = rs.getLong("scope_unit_id");
			Long scopeUnit = rs.wasNull() ? null : scope;
			return new User(rs.getLong("id"), rs.getString("username"), rs.getString("email"), rs.getString("locale"),
					List.of(rs.getString("roles").split(",")), scopeUnit, rs.getBoolean("enabled"));
		}

	}

}
