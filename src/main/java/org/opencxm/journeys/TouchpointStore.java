package org.opencxm.journeys;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The SQL that writes touchpoints and their standard actions, and the small lookups the
 * writes need. Callers have checked the request and the caller's rights.
 */
@Component
class TouchpointStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	TouchpointStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void insert(String code, Resolved resolved) {
		TouchpointRequest request = resolved.request();
		OffsetDateTime now = SqlTime.of(this.clock.instant());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into touchpoint (code, journey_id, stage_id, parent_id, seq, name_zh, name_en, description_zh,
					description_en, contact_type, channel, sem_modules, brand_level, weight, owner_unit_id, active,
					created_at, updated_at)
				values (:code, :journey, :stage, :parent, :seq, :nameZh, :nameEn, :descriptionZh, :descriptionEn,
					:contactType, :channel, :semModules, :brandLevel, :weight, :owner, :active, :now, :now)
				""")
			.params(columns(resolved, (request.position() != null) ? request.position() : nextPosition(resolved)))
			.param("code", code)
			.param("active", request.active() == null || request.active())
			.param("now", now)
			.update(keys, "id");
		insertActions(keys.getKeyAs(Long.class), request.standardActionsOrEmpty());
	}

	void update(Stored current, Resolved resolved) {
		TouchpointRequest request = resolved.request();
		boolean samePlace = current.stageId() == resolved.stageId()
				&& Objects.equals(current.parentId(), resolved.parentId());
		int position = (request.position() != null) ? request.position()
				: samePlace ? current.position() : nextPosition(resolved);
		this.jdbc.sql("""
				update touchpoint set journey_id = :journey, stage_id = :stage, parent_id = :parent, seq = :seq,
					name_zh = :nameZh, name_en = :nameEn, description_zh = :descriptionZh,
					description_en = :descriptionEn, contact_type = :contactType, channel = :channel,
					sem_modules = :semModules, brand_level = :brandLevel, weight = :weight, owner_unit_id = :owner,
					active = :active, updated_at = :now
				where id = :id
				""")
			.params(columns(resolved, position))
			.param("active", (request.active() != null) ? request.active() : current.active())
			.param("now", SqlTime.of(this.clock.instant()))
			.param("id", current.id())
			.update();
		if (current.stageId() != resolved.stageId()) {
			moveDescendants(current, resolved);
		}
		this.jdbc.sql("delete from touchpoint_action where touchpoint_id = :id").param("id", current.id()).update();
		insertActions(current.id(), request.standardActionsOrEmpty());
	}

	// Children stay in their parent's stage, so a touchpoint takes its subtree along.
	private void moveDescendants(Stored current, Resolved resolved) {
		Map<Long, @Nullable Long> parents = parentsInStage(current.stageId());
		List<Long> descendants = new ArrayList<>();
		for (Map.Entry<Long, @Nullable Long> entry : parents.entrySet()) {
			for (Long id = entry.getValue(); id != null; id = parents.get(id)) {
				if (id == current.id()) {
					descendants.add(entry.getKey());
					break;
				}
			}
		}
		if (!descendants.isEmpty()) {
			this.jdbc.sql("update touchpoint set journey_id = :journey, stage_id = :stage where id in (:ids)")
				.param("journey", resolved.journeyId())
				.param("stage", resolved.stageId())
				.param("ids", descendants)
				.update();
		}
	}

	private Map<String, @Nullable Object> columns(Resolved resolved, int position) {
		TouchpointRequest request = resolved.request();
		Map<String, @Nullable Object> columns = new HashMap<>();
		columns.put("journey", resolved.journeyId());
		columns.put("stage", resolved.stageId());
		columns.put("parent", resolved.parentId());
		columns.put("seq", position);
		columns.put("nameZh", request.name().zh());
		columns.put("nameEn", request.name().en());
		columns.put("descriptionZh", (request.description() != null) ? request.description().zh() : null);
		columns.put("descriptionEn", (request.description() != null) ? request.description().en() : null);
		columns.put("contactType", request.contactType().name());
		columns.put("channel", request.channel().name());
		columns.put("semModules", TouchpointViews.semModules(request.semModulesOrEmpty()));
		columns.put("brandLevel", request.brandExperienceLevel().name());
		columns.put("weight", request.weightOrDefault());
		columns.put("owner", resolved.ownerUnitId());
		return columns;
	}

	private int nextPosition(Resolved resolved) {
		String sibling = (resolved.parentId() != null) ? "parent_id = :parent" : "parent_id is null";
		var query = this.jdbc
			.sql("select coalesce(max(seq), 0) + 1 from touchpoint where stage_id = :stage and " + sibling)
			.param("stage", resolved.stageId());
		if (resolved.parentId() != null) {
			query = query.param("parent", resolved.parentId());
		}
		return query.query(Integer.class).single();
	}

	private void insertActions(long touchpointId, List<StandardAction> actions) {
		for (int i = 0; i < actions.size(); i++) {
			StandardAction action = actions.get(i);
			this.jdbc.sql("""
					insert into touchpoint_action (touchpoint_id, seq, code, name_zh, name_en, description_zh,
						description_en)
					values (:touchpoint, :seq, :code, :nameZh, :nameEn, :descriptionZh, :descriptionEn)
					""")
				.param("touchpoint", touchpointId)
				.param("seq", i + 1)
				.param("code", action.code())
				.param("nameZh", action.name().zh())
				.param("nameEn", action.name().en())
				.param("descriptionZh", (action.description() != null) ? action.description().zh() : null)
				.param("descriptionEn", (action.description() != null) ? action.description().en() : null)
				.update();
		}
	}

	void delete(long id) {
		this.jdbc.sql("delete from touchpoint_action where touchpoint_id = :id").param("id", id).update();
		this.jdbc.sql("delete from touchpoint where id = :id").param("id", id).update();
	}

	Map<Long, @Nullable Long> parentsInStage(long stageId) {
		Map<Long, @Nullable Long> parents = new LinkedHashMap<>();
		this.jdbc.sql("select id, parent_id from touchpoint where stage_id = :stage order by id")
			.param("stage", stageId)
			.query((rs, row) -> new Link(rs.getLong("id"), rs.getObject("parent_id", Long.class)))
			.list()
			.forEach((link) -> parents.put(link.id(), link.parentId()));
		return parents;
	}

	Optional<Long> journeyId(String code) {
		return this.jdbc.sql("select id from journey where code = :code")
			.param("code", code)
			.query(Long.class)
			.optional();
	}

	Optional<Long> stageId(long journeyId, String code) {
		return this.jdbc.sql("select id from journey_stage where journey_id = :journey and code = :code")
			.param("journey", journeyId)
			.param("code", code)
			.query(Long.class)
			.optional();
	}

	Optional<Parent> parent(String code) {
		return this.jdbc.sql("select id, stage_id from touchpoint where code = :code")
			.param("code", code)
			.query((rs, row) -> new Parent(rs.getLong("id"), rs.getLong("stage_id")))
			.optional();
	}

	Optional<Stored> stored(String code) {
		return this.jdbc.sql("""
				select id, stage_id, parent_id, seq, owner_unit_id, active from touchpoint where code = :code
				""")
			.param("code", code)
			.query((rs, row) -> new Stored(rs.getLong("id"), rs.getLong("stage_id"),
					rs.getObject("parent_id", Long.class), rs.getInt("seq"), rs.getObject("owner_unit_id", Long.class),
					rs.getBoolean("active")))
			.optional();
	}

	record Parent(long id, long stageId) {
	}

	private record Link(long id, @Nullable Long parentId) {
	}

	record Stored(long id, long stageId, @Nullable Long parentId, int position, @Nullable Long ownerUnitId,
			boolean active) {
	}

	record Resolved(TouchpointRequest request, long journeyId, long stageId, @Nullable Long parentId,
			@Nullable Long ownerUnitId) {
	}

}
