package org.opencxm.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.shared.ReferenceCache;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff directory. Unit managers maintain the staff of their own subtree.
 */
@Service
public class Staff {

	private static final Duration REFERENCE_MEMORY = Duration.ofSeconds(30);

	private static final String SELECT = """
			select s.*, o.code as unit_code from staff s join org_unit o on o.id = s.unit_id
			""";

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final Clock clock;

	// A staff member may move to another unit: a move on this node is seen at once, one
	// on another node within the time to live.
	private final ReferenceCache<String, StaffRef> refsByCode = new ReferenceCache<>(REFERENCE_MEMORY, 100_000);

	Staff(JdbcClient jdbc, OrgScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * Staff the caller may see, optionally only those of one unit's subtree, in code
	 * order.
	 */
	public PageResult<StaffMember> list(@Nullable String unitCode, PageRequest page) {
		VisibleUnits visible = this.scope.visibleUnits();
		if (unitCode != null) {
			Long unitId = unitId(unitCode, "unit");
			VisibleUnits subtree = this.scope.subtree(unitId);
			visible = visible.all() ? subtree
					: VisibleUnits.only(subtree.ids().stream().filter(visible::contains).toList());
		}
		String where = visible.all() ? "" : " where s.unit_id in (:units)";
		var count = this.jdbc.sql("select count(*) from staff s" + where);
		var select = this.jdbc.sql(SELECT + where + " order by s.code limit :limit offset :offset");
		if (!visible.all()) {
			if (visible.ids().isEmpty()) {
				return new PageResult<>(List.of(), page.page(), page.size(), 0);
			}
			count = count.param("units", visible.ids());
			select = select.param("units", visible.ids());
		}
		long total = count.query(Long.class).single();
		List<StaffMember> items = select.param("limit", page.size())
			.param("offset", page.offset())
			.query(Staff::map)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	public StaffMember get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("staff member", code));
	}

	public Optional<StaffMember> find(String code) {
		VisibleUnits visible = this.scope.visibleUnits();
		return this.jdbc.sql(SELECT + " where s.code = :code")
			.param("code", code)
			.query((rs, row) -> Map.entry(rs.getLong("unit_id"), map(rs, row)))
			.optional()
			.filter((entry) -> visible.contains(entry.getKey()))
			.map(Map.Entry::getValue);
	}

	/**
	 * Ids of the given staff codes that the caller may see, with their unit ids.
	 */
	public Map<String, StaffRef> refsByCode(Collection<String> codes) {
		Map<String, StaffRef> refs = new HashMap<>();
		if (codes.isEmpty()) {
			return refs;
		}
		VisibleUnits visible = this.scope.visibleUnits();
		this.refsByCode.getAll(codes, this::loadRefs)
			.values()
			.stream()
			.filter((ref) -> visible.contains(ref.unitId()))
			.forEach((ref) -> refs.put(ref.code(), ref));
		return refs;
	}

	private Map<String, StaffRef> loadRefs(List<String> codes) {
		return this.jdbc.sql("select id, code, unit_id from staff where code in (:codes)")
			.param("codes", codes)
			.query((rs, row) -> new StaffRef(rs.getLong("id"), rs.getString("code"), rs.getLong("unit_id")))
			.list()
			.stream()
			.collect(Collectors.toMap(StaffRef::code, Function.identity()));
	}

	/**
	 * A staff member's id, code and unit, for other modules that record who served a
	 * customer.
	 */
	public record StaffRef(long id, String code, long unitId) {
	}

	/**
	 * The active managers of a unit (for routing and escalation).
	 */
	public List<StaffMember> managersOf(long unitId) {
		return this.jdbc.sql(SELECT + " where s.unit_id = :unit and s.manager and s.active order by s.code")
			.param("unit", unitId)
			.query(Staff::map)
			.list();
	}

	@Transactional
	public Created<StaffMember> create(StaffRequest request) {
		this.scope.requireRole(Role.UNIT_MANAGER);
		if (request.code() == null) {
			throw new InvalidInputException("code", "must not be null");
		}
		Optional<StaffMember> existing = byCode(request.code());
		if (existing.isPresent()) {
			StaffMember current = existing.get();
			if (sameAs(current, request)) {
				return new Created<>(current, false);
			}
			throw new ConflictException("staff member " + request.code() + " exists already with other values",
					current);
		}
		insert(request.code(), request);
		return new Created<>(get(request.code()), true);
	}

	@Transactional
	public Created<StaffMember> put(String code, StaffRequest request) {
		this.scope.requireRole(Role.UNIT_MANAGER);
		if (request.code() != null && !request.code().equals(code)) {
			throw new InvalidInputException("code", "must match the code in the path");
		}
		Optional<StaffMember> existing = byCode(code);
		if (existing.isEmpty()) {
			insert(code, request);
			return new Created<>(get(code), true);
		}
		StaffMember current = existing.get();
		if (find(code).isEmpty()) {
			throw new NotFoundException("staff member", code);
		}
		this.jdbc.sql("""
				update staff set unit_id = :unit, name = :name, title = :title, email = :email, phone = :phone,
					manager = :manager, active = :active
				where id = :id
				""")
			.param("unit", unitId(request.unitCode(), "unitCode"))
			.param("name", request.name())
			.param("title", request.title())
			.param("email", request.email())
			.param("phone", request.phone())
			.param("manager", (request.manager() != null) ? request.manager() : current.manager())
			.param("active", (request.active() != null) ? request.active() : current.active())
			.param("id", current.id())
			.update();
		this.refsByCode.forgetAfterCommit();
		return new Created<>(get(code), false);
	}

	private void insert(String code, StaffRequest request) {
		this.jdbc.sql("""
				insert into staff (code, unit_id, name, title, email, phone, manager, active, created_at)
				values (:code, :unit, :name, :title, :email, :phone, :manager, :active, :now)
				""")
			.param("code", code)
			.param("unit", unitId(request.unitCode(), "unitCode"))
			.param("name", request.name())
			.param("title", request.title())
			.param("email", request.email())
			.param("phone", request.phone())
			.param("manager", request.manager() != null && request.manager())
			.param("active", request.active() == null || request.active())
			.param("now", SqlTime.of(this.clock.instant()))
			.update();
	}

	private Optional<StaffMember> byCode(String code) {
		return this.jdbc.sql(SELECT + " where s.code = :code").param("code", code).query(Staff::map).optional();
	}

	private static boolean sameAs(StaffMember current, StaffRequest request) {
		return current.unitCode().equals(request.unitCode()) && current.name().equals(request.name())
				&& Objects.equals(current.title(), request.title()) && Objects.equals(current.email(), request.email())
				&& Objects.equals(current.phone(), request.phone())
				&& (request.manager() == null || request.manager() == current.manager())
				&& (request.active() == null || request.active() == current.active());
	}

	private long unitId(String code, String field) {
		VisibleUnits visible = this.scope.visibleUnits();
		return this.jdbc.sql("select id from org_unit where code = :code")
			.param("code", code)
			.query(Long.class)
			.optional()
			.filter(visible::contains)
			.orElseThrow(() -> field.equals("unit") ? new NotFoundException("org unit", code)
					: new InvalidInputException(field, "no org unit has this code"));
	}

	private static StaffMember map(ResultSet rs, int row) throws SQLException {
		return new StaffMember(rs.getLong("id"), rs.getString("code"), rs.getString("unit_code"), rs.getString("name"),
				rs.getString("title"), rs.getString("email"), rs.getString("phone"), rs.getBoolean("manager"),
				rs.getBoolean("active"));
	}

}
