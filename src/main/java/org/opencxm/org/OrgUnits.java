package org.opencxm.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.ReferenceCache;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tree of org units. Reads are limited to what the caller may see; an unknown unit
 * and one outside the caller's scope look the same (404).
 */
@Service
public class OrgUnits {

	static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

	private static final String SELECT = """
			select u.id, u.code, p.code as parent_code, u.kind, u.name_zh, u.name_en, u.time_zone, u.path
			from org_unit u left join org_unit p on p.id = u.parent_id
			""";

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final Clock clock;

	// A unit's code never changes and a unit is never deleted, so an id found for a code
	// stays right for ever.
	private final ReferenceCache<String, Long> idsByCode = new ReferenceCache<>(Duration.ZERO, 100_000);

	OrgUnits(JdbcClient jdbc, OrgScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * Every unit the caller may see, parents before children.
	 */
	public List<OrgUnit> list() {
		VisibleUnits visible = this.scope.visibleUnits();
		return this.jdbc.sql(SELECT + " order by u.path")
			.query(OrgUnits::map)
			.list()
			.stream()
			.filter((unit) -> visible.contains(unit.id()))
			.toList();
	}

	public OrgUnit get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("org unit", code));
	}

	public Optional<OrgUnit> find(String code) {
		VisibleUnits visible = this.scope.visibleUnits();
		return this.jdbc.sql(SELECT + " where u.code = :code")
			.param("code", code)
			.query(OrgUnits::map)
			.optional()
			.filter((unit) -> visible.contains(unit.id()));
	}

	public Optional<OrgUnit> findById(long id) {
		VisibleUnits visible = this.scope.visibleUnits();
		return this.jdbc.sql(SELECT + " where u.id = :id")
			.param("id", id)
			.query(OrgUnits::map)
			.optional()
			.filter((unit) -> visible.contains(unit.id()));
	}

	/**
	 * Ids of the given unit codes that the caller may see; unknown or hidden codes are
	 * left out.
	 */
	public Map<String, Long> idsByCode(Collection<String> codes) {
		Map<String, Long> ids = new HashMap<>();
		if (codes.isEmpty()) {
			return ids;
		}
		VisibleUnits visible = this.scope.visibleUnits();
		this.idsByCode.getAll(codes, this::loadIds)
			.entrySet()
			.stream()
			.filter((entry) -> visible.contains(entry.getValue()))
			.forEach((entry) -> ids.put(entry.getKey(), entry.getValue()));
		return ids;
	}

	private Map<String, Long> loadIds(List<String> codes) {
		return this.jdbc.sql("select id, code from org_unit where code in (:codes)")
			.param("codes", codes)
			.query((rs, row) -> Map.entry(rs.getString("code"), rs.getLong("id")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The chain from the unit up to the root, the unit first. Used for escalation and for
	 * inheriting settings.
	 */
	public List<OrgUnit> ancestry(long unitId) {
		String path = this.jdbc.sql("select path from org_unit where id = :id")
			.param("id", unitId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("org unit", unitId));
		List<Long> ids = java.util.Arrays.stream(path.split("/"))
			.filter((part) -> !part.isEmpty())
			.map(Long::valueOf)
			.toList();
		Map<Long, OrgUnit> units = new HashMap<>();
		this.jdbc.sql(SELECT + " where u.id in (:ids)")
			.param("ids", ids)
			.query(OrgUnits::map)
			.list()
			.forEach((unit) -> units.put(unit.id(), unit));
		return ids.reversed().stream().map(units::get).toList();
	}

	/**
	 * Creates a unit. Sending the same unit again answers with the stored one; a
	 * different unit under a code that is taken is a conflict.
	 */
	@Transactional
	public Created<OrgUnit> create(OrgUnitRequest request) {
		this.scope.requireRole(Role.ADMIN);
		if (request.code() == null) {
			throw new InvalidInputException("code", "must not be null");
		}
		Optional<OrgUnit> existing = existingByCode(request.code());
		if (existing.isPresent()) {
			OrgUnit current = existing.get();
			if (sameAs(current, request)) {
				return new Created<>(current, false);
			}
			throw new ConflictException("org unit " + request.code() + " exists already with other values", current);
		}
		return new Created<>(insert(request.code(), request), true);
	}

	/**
	 * Creates the unit under this code or changes it (moving it moves its whole subtree).
	 */
	@Transactional
	public Created<OrgUnit> put(String code, OrgUnitRequest request) {
		this.scope.requireRole(Role.ADMIN);
		if (request.code() != null && !request.code().equals(code)) {
			throw new InvalidInputException("code", "must match the code in the path");
		}
		Optional<OrgUnit> existing = existingByCode(code);
		if (existing.isEmpty()) {
			return new Created<>(insert(code, request), true);
		}
		OrgUnit current = existing.get();
		this.scope.requireVisible(current.id(), "org unit", code);
		return new Created<>(update(current, request), false);
	}

	private Optional<OrgUnit> existingByCode(String code) {
		return this.jdbc.sql(SELECT + " where u.code = :code").param("code", code).query(OrgUnits::map).optional();
	}

	private boolean sameAs(OrgUnit current, OrgUnitRequest request) {
		return current.kind() == request.kind() && current.name().equals(request.name())
				&& java.util.Objects.equals(current.parentCode(), request.parentCode())
				&& (request.timeZone() == null || request.timeZone().equals(current.timeZone()));
	}

	private OrgUnit insert(String code, OrgUnitRequest request) {
		Parent parent = parent(request.parentCode());
		String zone = zone(request.timeZone(), parent);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into org_unit (code, parent_id, path, kind, name_zh, name_en, time_zone, created_at)
				values (:code, :parent, '/', :kind, :zh, :en, :zone, :now)
				""")
			.param("code", code)
			.param("parent", (parent != null) ? parent.id() : null)
			.param("kind", request.kind().name())
			.param("zh", request.name().zh())
			.param("en", request.name().en())
			.param("zone", zone)
			.param("now", SqlTime.of(this.clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		String path = ((parent != null) ? parent.path() : "/") + id + "/";
		this.jdbc.sql("update org_unit set path = :path where id = :id").param("path", path).param("id", id).update();
		return get(code);
	}

	private OrgUnit update(OrgUnit current, OrgUnitRequest request) {
		Parent parent = parent(request.parentCode());
		String oldPath = this.jdbc.sql("select path from org_unit where id = :id")
			.param("id", current.id())
			.query(String.class)
			.single();
		if (parent != null && parent.path().startsWith(oldPath)) {
			throw new InvalidInputException("parentCode", "a unit cannot be moved below itself");
		}
		String newPath = ((parent != null) ? parent.path() : "/") + current.id() + "/";
		String zone = (request.timeZone() != null) ? zone(request.timeZone(), parent) : current.timeZone();
		this.jdbc.sql("""
				update org_unit set parent_id = :parent, kind = :kind, name_zh = :zh, name_en = :en, time_zone = :zone
				where id = :id
				""")
			.param("parent", (parent != null) ? parent.id() : null)
			.param("kind", request.kind().name())
			.param("zh", request.name().zh())
			.param("en", request.name().en())
			.param("zone", zone)
			.param("id", current.id())
			.update();
		if (!newPath.equals(oldPath)) {
			this.jdbc.sql("""
					update org_unit set path = :newPath || substring(path, :from)
					where path like :oldPath || '%'
					""")
				.param("newPath", newPath)
				.param("from", oldPath.length() + 1)
				.param("oldPath", oldPath)
				.update();
		}
		return get(current.code());
	}

	private @Nullable Parent parent(@Nullable String parentCode) {
		if (parentCode == null) {
			if (this.scope.caller().scoped()) {
				throw new InvalidInputException("parentCode", "a scoped user must create units inside its scope");
			}
			return null;
		}
		Parent parent = this.jdbc.sql("select id, path, time_zone from org_unit where code = :code")
			.param("code", parentCode)
			.query((rs, row) -> new Parent(rs.getLong("id"), rs.getString("path"), rs.getString("time_zone")))
			.optional()
			.filter((candidate) -> this.scope.visibleUnits().contains(candidate.id()))
			.orElseThrow(() -> new InvalidInputException("parentCode", "no org unit has this code"));
		return parent;
	}

	private static String zone(@Nullable String requested, @Nullable Parent parent) {
		if (requested == null) {
			return (parent != null) ? parent.timeZone() : DEFAULT_TIME_ZONE;
		}
		try {
			return ZoneId.of(requested).getId();
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException("timeZone", "is not a known time zone, e.g. Asia/Shanghai");
		}
	}

	private static OrgUnit map(ResultSet rs, int row) throws SQLException {
		String path = rs.getString("path");
		int level = (int) path.chars().filter((c) -> c == '/').count() - 2;
		return new OrgUnit(rs.getLong("id"), rs.getString("code"), rs.getString("parent_code"),
				OrgUnitKind.valueOf(rs.getString("kind")),
				new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")), rs.getString("time_zone"),
				Math.max(level, 0));
	}

	private record Parent(long id, String path, String timeZone) {
	}

}
