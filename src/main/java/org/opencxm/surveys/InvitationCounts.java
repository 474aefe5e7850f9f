package org.opencxm.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.SqlTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts of sent and answered invitations per local day, for response rates, grouped in
 * SQL. An invitation counts on the day it was sent, in the time zone of its org unit (the
 * company's default zone without one), as responses count on the day they were submitted;
 * it counts as answered whenever its answer came. A scoped caller counts only invitations
 * at units in its subtree.
 */
@Service
public class InvitationCounts {

	private static final long SECONDS_PER_DAY = 86_400;

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final OrgUnits units;

	private final ZoneId defaultZone;

	InvitationCounts(JdbcClient jdbc, OrgScope scope, OrgUnits units,
			@Value("${opencxm.default-time-zone:Asia/Shanghai}") String defaultZone) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.units = units;
		this.defaultZone = ZoneId.of(defaultZone);
	}

	/**
	 * What invitations can be grouped and filtered by, with their column.
	 */
	public enum Dimension {

		SURVEY("survey_id"), TOUCHPOINT("touchpoint_id"), STAGE("stage_id"), UNIT("unit_id");

		private final String column;

		Dimension(String column) {
			this.column = column;
		}

	}

	/**
	 * The invitations sent on a local day in one group, and how many of them were
	 * answered.
	 *
	 * @param group the ids of the dimensions grouped by, in their order; 0 where the
	 * invitation has none
	 */
	public record Count(LocalDate day, List<Long> group, long sent, long answered) {

		public Count {
			group = List.copyOf(group);
		}

	}

	/**
	 * The counts of the invitations sent on the local days {@code from} to {@code to},
	 * grouped by day and {@code by}, limited to the ids in {@code filters}.
	 */
	public List<Count> byDay(LocalDate from, LocalDate to, List<Dimension> by,
			Map<Dimension, ? extends Collection<Long>> filters) {
		this.scope.requireRole(Role.VIEWER);
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		filters.forEach((dimension, ids) -> {
			String name = "f_" + dimension.column;
			where.append(" and i.").append(dimension.column).append(" in (:").append(name).append(")");
			params.put(name, ids.isEmpty() ? Set.of(-1L) : ids);
		});
		VisibleUnits visible = this.scope.visibleUnits();
		if (!visible.all()) {
			where.append(" and i.unit_id in (:visible)");
			params.put("visible", visible.ids().isEmpty() ? Set.of(-1L) : visible.ids());
		}
		StringBuilder columns = new StringBuilder();
		StringBuilder names = new StringBuilder();
		for (Dimension dimension : by) {
			columns.append(", coalesce(i.").append(dimension.column).append(", 0) as ").append(dimension.column);
			names.append(", ").append(dimension.column);
		}
		List<Count> counts = new ArrayList<>();
		Map<ZoneId, List<Long>> zones = otherZones();
		List<Long> elsewhere = zones.values().stream().flatMap(List::stream).toList();
		List<Map.Entry<ZoneId, String>> parts = new ArrayList<>();
		parts.add(Map.entry(this.defaultZone,
				elsewhere.isEmpty() ? "" : " and (i.unit_id is null or i.unit_id not in (:elsewhere))"));
		zones.keySet().forEach((zone) -> parts.add(Map.entry(zone, " and i.unit_id in (:zone)")));
		for (Map.Entry<ZoneId, String> part : parts) {
			ZoneId zone = part.getKey();
			Instant start = from.atStartOfDay(zone).toInstant();
			Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
			Map<String, Object> bound = new HashMap<>(params);
			bound.put("start", SqlTime.of(start));
			bound.put("end", SqlTime.of(end));
			bound.put("elsewhere", elsewhere);
			bound.put("zone", zones.getOrDefault(zone, List.of()));
			String day = localDay(zone, start, end, bound);
			// Grouped over a derived table: PostgreSQL does not match an expression
			// with bound parameters in the select list to the same one in the group by.
			this.jdbc
				.sql("select epoch_day" + names + ", count(*) as sent, count(answered_at) as answered from ("
						+ "select " + day + " as epoch_day" + columns + ", i.answered_at from survey_invitation i"
						+ " where i.sent_at >= :start and i.sent_at < :end" + part.getValue() + where
						+ ") d group by epoch_day" + names)
				.params(bound)
				.query((rs, row) -> {
					List<Long> group = new ArrayList<>();
					for (Dimension dimension : by) {
						group.add(rs.getLong(dimension.column));
					}
					return new Count(LocalDate.ofEpochDay(rs.getLong("epoch_day")), group, rs.getLong("sent"),
							rs.getLong("answered"));
				})
				.list()
				.forEach(counts::add);
		}
		return counts;
	}

	/** The units whose time zone is not the default one, by zone. */
	private Map<ZoneId, List<Long>> otherZones() {
		Map<ZoneId, List<Long>> zones = new LinkedHashMap<>();
		for (OrgUnit unit : this.scope.asSystem(this.units::list)) {
			ZoneId zone = ZoneId.of(unit.timeZone());
			if (!zone.equals(this.defaultZone)) {
				zones.computeIfAbsent(zone, (z) -> new ArrayList<>()).add(unit.id());
			}
		}
		return zones;
	}

	/**
	 * The local day of {@code sent_at} in a zone, as an epoch day: seconds since the
	 * epoch plus the zone's offset, which changes at the zone's transitions (daylight
	 * saving) within the period. Arithmetic rather than a time zone conversion, which the
	 * embedded database and PostgreSQL do not do alike.
	 */
	private static String localDay(ZoneId zone, Instant start, Instant end, Map<String, Object> params) {
		ZoneRules rules = zone.getRules();
		StringBuilder offset = new StringBuilder("case");
		Instant at = start;
		int i = 0;
		for (ZoneOffsetTransition next = rules.nextTransition(at); next != null
				&& next.getInstant().isBefore(end); next = rules.nextTransition(at)) {
			params.put("t" + i, SqlTime.of(next.getInstant()));
			offset.append(" when i.sent_at < :t")
				.append(i)
				.append(" then ")
				.append(rules.getOffset(at).getTotalSeconds());
			at = next.getInstant();
			i++;
		}
		int last = rules.getOffset(at).getTotalSeconds();
		String seconds = (i == 0) ? String.valueOf(last) : offset + " else " + last + " end";
		return "cast(floor((extract(epoch from i.sent_at) + " + seconds + ") / " + SECONDS_PER_DAY + ") as bigint)";
	}

}
