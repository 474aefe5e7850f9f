package org.opencxm.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The root-cause taxonomy. Everyone reads it; CX managers maintain it.
 */
@Service
public class RootCauses {

	private static final String SELECT = "select * from root_cause";

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final Touchpoints touchpoints;

	private final Clock clock;

	RootCauses(JdbcClient jdbc, OrgScope scope, Touchpoints touchpoints, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.touchpoints = touchpoints;
		this.clock = clock;
	}

	public List<RootCause> list(boolean includeRetired) {
		this.scope.requireRole(Role.VIEWER);
		return views(this.jdbc.sql(SELECT + (includeRetired ? "" : " where active") + " order by factor, code")
			.query(RootCauses::row)
			.list());
	}

	public RootCause get(String code) {
		this.scope.requireRole(Role.VIEWER);
		return find(code).orElseThrow(() -> new NotFoundException("root cause", code));
	}

	Optional<RootCause> find(String code) {
		return this.jdbc.sql(SELECT + " where code = :code")
			.param("code", code)
			.query(RootCauses::row)
			.optional()
			.map((row) -> views(List.of(row)).get(0));
	}

	@Transactional
	public Created<RootCause> create(RootCauseRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() == null) {
			throw new InvalidInputException("code", "must not be null");
		}
		List<Long> touchpointIds = touchpointIds(request);
		Optional<RootCause> existing = find(request.code());
		if (existing.isPresent()) {
			RootCause current = existing.get();
			if (current.name().equals(request.name()) && current.factor() == request.factor()
					&& Set.copyOf(current.touchpoints()).equals(Set.copyOf(orEmpty(request.touchpoints())))
					&& (request.active() == null || request.active() == current.active())) {
				return new Created<>(current, false);
			}
			throw new ConflictException("root cause " + request.code() + " exists already with other values", current);
		}
		this.jdbc.sql("""
				insert into root_cause (code, name_zh, name_en, factor, active, created_at)
				values (:code, :zh, :en, :factor, :active, :now)
				""")
			.param("code", request.code())
			.param("zh", request.name().zh())
			.param("en", request.name().en())
			.param("factor", request.factor().name())
			.param("active", request.active() == null || request.active())
			.param("now", SqlTime.of(this.clock.instant()))
			.update();
		long id = this.jdbc.sql("select id from root_cause where code = :code")
			.param("code", request.code())
			.query(Long.class)
			.single();
		mapTouchpoints(id, touchpointIds);
		return new Created<>(find(request.code()).orElseThrow(), true);
	}

	@Transactional
	public Created<RootCause> put(String code, RootCauseRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() != null && !request.code().equals(code)) {
			throw new InvalidInputException("code", "must match the code in the path");
		}
		Optional<RootCause> existing = find(code);
		if (existing.isEmpty()) {
			return create(new RootCauseRequest(code, request.name(), request.factor(), request.touchpoints(),
					request.active()));
		}
		List<Long> touchpointIds = touchpointIds(request);
		RootCause current = existing.get();
		this.jdbc.sql("""
				update root_cause set name_zh = :zh, name_en = :en, factor = :factor, active = :active where id = :id
				""")
			.param("zh", request.name().zh())
			.param("en", request.name().en())
			.param("factor", request.factor().name())
			.param("active", (request.active() != null) ? request.active() : current.active())
			.param("id", current.id())
			.update();
		this.jdbc.sql("delete from root_cause_touchpoint where root_cause_id = :id").param("id", current.id()).update();
		mapTouchpoints(current.id(), touchpointIds);
		return new Created<>(find(code).orElseThrow(), false);
	}

	/**
	 * Deletes a root cause no case was resolved with; one in use is retired instead, so
	 * that the cases keep their cause. Answers whether it was deleted.
	 */
	@Transactional
	public boolean delete(String code) {
		this.scope.requireRole(Role.CX_MANAGER);
		RootCause current = get(code);
		long used = this.jdbc.sql("select count(*) from cx_case where root_cause_id = :id")
			.param("id", current.id())
			.query(Long.class)
			.single();
		if (used > 0) {
			this.jdbc.sql("update root_cause set active = false where id = :id").param("id", current.id()).update();
			return false;
		}
		this.jdbc.sql("delete from root_cause where id = :id").param("id", current.id()).update();
		return true;
	}

	private List<Long> touchpointIds(RootCauseRequest request) {
		List<String> codes = orEmpty(request.touchpoints());
		Map<String, TouchpointRef> refs = this.touchpoints.refsByCode(codes);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			TouchpointRef ref = refs.get(codes.get(i));
			if (ref == null) {
				throw new InvalidInputException("touchpoints[" + i + "]", "no touchpoint has this code");
			}
			ids.add(ref.id());
		}
		return List.copyOf(new LinkedHashSet<>(ids));
	}

	private void mapTouchpoints(long id, List<Long> touchpointIds) {
		for (Long touchpoint : touchpointIds) {
			this.jdbc.sql("insert into root_cause_touchpoint (root_cause_id, touchpoint_id) values (:id, :touchpoint)")
				.param("id", id)
				.param("touchpoint", touchpoint)
				.update();
		}
	}

	private List<RootCause> views(List<Row> rows) {
		Map<Long, List<String>> codes = new HashMap<>();
		if (!rows.isEmpty()) {
			this.jdbc
				.sql("""
						select m.root_cause_id, t.code from root_cause_touchpoint m join touchpoint t on t.id = m.touchpoint_id
						where m.root_cause_id in (:ids) order by t.code
						""")
				.param("ids", rows.stream().map(Row::id).toList())
				.query((rs, row) -> Map.entry(rs.getLong("root_cause_id"), rs.getString("code")))
				.list()
				.forEach((entry) -> codes.computeIfAbsent(entry.getKey(), (k) -> new ArrayList<>())
					.add(entry.getValue()));
		}
		return rows.stream()
			.map((row) -> new RootCause(row.id(), row.code(), row.name(), row.factor(),
					List.copyOf(codes.getOrDefault(row.id(), List.of())), row.active()))
			.toList();
	}

	private static <T> List<T> orEmpty(@Nullable List<T> list) {
		return Objects.requireNonNullElse(list, List.of());
	}

	private record Row(long id, String code, LocalizedText name, ExperienceFactor factor, boolean active) {
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("code"),
				new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")),
				ExperienceFactor.valueOf(rs.getString("factor")), rs.getBoolean("active"));
	}

}
