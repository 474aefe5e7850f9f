package org.opencxm.journeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SemModule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads touchpoints as the API shows them, with their standard actions, normalised
 * weights and whether they are atomic, and arranges them in trees.
 */
@Component
class TouchpointViews {

	// A touchpoint's normalised weight is its share among its active siblings: the
	// touchpoints of the same stage with the same parent (or none).
	static final String SELECT = """
			select t.id, t.code, j.code as journey_code, s.code as stage_code, p.code as parent_code, t.seq,
				t.name_zh, t.name_en, t.description_zh, t.description_en, t.contact_type, t.channel, t.sem_modules,
				t.brand_level, t.weight, o.code as owner_code, t.active,
				case when t.active then t.weight / (select sum(b.weight) from touchpoint b
					where b.stage_id = t.stage_id and b.active
					and (b.parent_id = t.parent_id or (b.parent_id is null and t.parent_id is null)))
				else 0.0 end as normalized_weight,
				case when exists (select 1 from touchpoint c where c.parent_id = t.id) then false else true end as atomic
			from touchpoint t
			join journey j on j.id = t.journey_id
			join journey_stage s on s.id = t.stage_id
			left join touchpoint p on p.id = t.parent_id
			left join org_unit o on o.id = t.owner_unit_id
			""";

	// Top-level touchpoints first, then children grouped by their parent.
	static final String ORDER = " order by j.code, s.seq, coalesce(p.seq, -1), coalesce(p.code, ''), t.seq, t.code";

	private static final int ACTION_BATCH = 1000;

	private final JdbcClient jdbc;

	TouchpointViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Touchpoint> byCode(String code) {
		return list(" where t.code = :code", Map.of("code", code), "").stream().findFirst();
	}

	/**
	 * Touchpoints matching a condition on {@code t} (the touchpoint), {@code j} (its
	 * journey) and {@code s} (its stage), with their standard actions.
	 */
	List<Touchpoint> list(String where, Map<String, ?> params, String tail) {
		List<Touchpoint> touchpoints = this.jdbc.sql(SELECT + where + tail)
			.params(params)
			.query(TouchpointViews::map)
			.list();
		if (touchpoints.isEmpty()) {
			return touchpoints;
		}
		Map<Long, List<StandardAction>> actions = actionsOf(touchpoints.stream().map(Touchpoint::id).toList());
		return touchpoints.stream()
			.map((touchpoint) -> touchpoint.withStandardActions(actions.getOrDefault(touchpoint.id(), List.of())))
			.toList();
	}

	private Map<Long, List<StandardAction>> actionsOf(List<Long> ids) {
		Map<Long, List<StandardAction>> actions = new HashMap<>();
		for (int from = 0; from < ids.size(); from += ACTION_BATCH) {
			List<Long> batch = ids.subList(from, Math.min(ids.size(), from + ACTION_BATCH));
			this.jdbc.sql("""
					select touchpoint_id, code, name_zh, name_en, description_zh, description_en
					from touchpoint_action where touchpoint_id in (:ids) order by touchpoint_id, seq
					""")
				.param("ids", batch)
				.query((rs, row) -> Map.entry(rs.getLong("touchpoint_id"),
						new StandardAction(rs.getString("code"), text(rs, "name"), optionalText(rs, "description"))))
				.list()
				.forEach((entry) -> actions.computeIfAbsent(entry.getKey(), (id) -> new ArrayList<>())
					.add(entry.getValue()));
		}
		return actions;
	}

	/**
	 * The top-level touchpoints of each stage, each with its descendants, keeping the
	 * order of the given list among siblings.
	 */
	static Map<StageKey, List<TouchpointNode>> treesByStage(Collection<Touchpoint> touchpoints) {
		Map<String, List<Touchpoint>> children = new HashMap<>();
		Map<StageKey, List<Touchpoint>> roots = new HashMap<>();
		for (Touchpoint touchpoint : touchpoints) {
			if (touchpoint.parentCode() != null) {
				children.computeIfAbsent(touchpoint.parentCode(), (code) -> new ArrayList<>()).add(touchpoint);
			}
			else {
				roots
					.computeIfAbsent(new StageKey(touchpoint.journeyCode(), touchpoint.stageCode()),
							(key) -> new ArrayList<>())
					.add(touchpoint);
			}
		}
		Map<StageKey, List<TouchpointNode>> trees = new HashMap<>();
		roots.forEach((stage, list) -> trees.put(stage, list.stream().map((root) -> node(root, children)).toList()));
		return trees;
	}

	private static TouchpointNode node(Touchpoint touchpoint, Map<String, List<Touchpoint>> children) {
		return new TouchpointNode(touchpoint,
				children.getOrDefault(touchpoint.code(), List.of())
					.stream()
					.map((child) -> node(child, children))
					.toList());
	}

	static String semModules(Set<SemModule> modules) {
		return Arrays.stream(SemModule.values())
			.filter(modules::contains)
			.map(Enum::name)
			.collect(Collectors.joining(","));
	}

	static List<SemModule> semModules(String stored) {
		if (stored.isBlank()) {
			return List.of();
		}
		return Arrays.stream(stored.split(",")).map(SemModule::valueOf).sorted().toList();
	}

	private static Touchpoint map(ResultSet rs, int row) throws SQLException {
		return new Touchpoint(rs.getLong("id"), rs.getString("code"), rs.getString("journey_code"),
				rs.getString("stage_code"), rs.getString("parent_code"), rs.getInt("seq"), text(rs, "name"),
				optionalText(rs, "description"), ContactType.valueOf(rs.getString("contact_type")),
				Channel.valueOf(rs.getString("channel")), semModules(rs.getString("sem_modules")),
				BrandExperienceLevel.valueOf(rs.getString("brand_level")), rs.getDouble("weight"),
				rs.getDouble("normalized_weight"), rs.getString("owner_code"), List.of(), rs.getBoolean("atomic"),
				rs.getBoolean("active"));
	}

	static LocalizedText text(ResultSet rs, String prefix) throws SQLException {
		return new LocalizedText(rs.getString(prefix + "_zh"), rs.getString(prefix + "_en"));
	}

	static @Nullable LocalizedText optionalText(ResultSet rs, String prefix) throws SQLException {
		String zh = rs.getString(prefix + "_zh");
		String en = rs.getString(prefix + "_en");
		return (zh != null && en != null) ? new LocalizedText(zh, en) : null;
	}

	record StageKey(String journeyCode, String stageCode) {
	}

}
