package org.opencxm.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Loop metrics over the cases the caller may see that were opened in a period, grouped by
 * unit, owner, touchpoint or period, and root causes ranked by count and by the NPS
 * points they cost. Computed from the cases themselves; once responses are rolled up by
 * analytics, the response counts for the NPS cost can come from there.
 */
@Service
public class LoopMetrics {

	/** How to group the cases. */
	public enum GroupBy {

		ALL, UNIT, OWNER, TOUCHPOINT, DAY, WEEK, MONTH

	}

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Clock clock;

	LoopMetrics(JdbcClient jdbc, OrgScope scope, OrgUnits units, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.units = units;
		this.clock = clock;
	}

	public List<LoopFigures> figures(GroupBy groupBy, @Nullable Instant from, @Nullable Instant to,
			@Nullable String unit, ZoneId zone) {
		this.scope.requireRole(Role.VIEWER);
		Instant now = this.clock.instant();
		Map<String, List<Row>> groups = new LinkedHashMap<>();
		for (Row row : rows(from, to, unit)) {
			groups.computeIfAbsent(key(groupBy, row, zone), (k) -> new ArrayList<>()).add(row);
		}
		List<LoopFigures> figures = new ArrayList<>();
		groups.forEach((key, rows) -> figures.add(figures(key, rows, now)));
		figures.sort(Comparator.comparing(LoopFigures::group));
		return figures;
	}

	public List<RootCauseRank> rootCauses(@Nullable Instant from, @Nullable Instant to, @Nullable String unit,
			@Nullable Long responses, boolean byNps) {
		this.scope.requireRole(Role.VIEWER);
		Map<Long, long[]> counts = new HashMap<>();
		for (Row row : rows(from, to, unit)) {
			if (row.rootCauseId() == null) {
				continue;
			}
			long[] count = counts.computeIfAbsent(row.rootCauseId(), (k) -> new long[4]);
			count[0]++;
			if (row.nps() != null) {
				count[1]++;
				if (row.nps() <= 6) {
					count[2]++;
				}
				else if (row.nps() <= 8) {
					count[3]++;
				}
			}
		}
		if (counts.isEmpty()) {
			return List.of();
		}
		List<RootCauseRank> ranks = this.jdbc.sql("select * from root_cause where id in (:ids)")
			.param("ids", counts.keySet())
			.query((rs, i) -> {
				long[] count = counts.get(rs.getLong("id"));
				Double points = (responses != null && responses > 0) ? round(100.0 * count[2] / responses) : null;
				return new RootCauseRank(rs.getString("code"),
						new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")),
						ExperienceFactor.valueOf(rs.getString("factor")), count[0], count[1], count[2], count[3],
						points);
			})
			.list();
		Comparator<RootCauseRank> order = byNps
				? Comparator.comparingLong(RootCauseRank::detractors).thenComparingLong(RootCauseRank::cases)
				: Comparator.comparingLong(RootCauseRank::cases).thenComparingLong(RootCauseRank::detractors);
		return ranks.stream().sorted(order.reversed().thenComparing(RootCauseRank::code)).toList();
	}

	private LoopFigures figures(String key, List<Row> rows, Instant now) {
		long closedLoop = 0;
		long responded = 0;
		long resolved = 0;
		long decided = 0;
		long met = 0;
		long escalated = 0;
		long followedUp = 0;
		long recovered = 0;
		double responseHours = 0;
		double resolveHours = 0;
		for (Row row : rows) {
			if (row.status() == CaseStatus.RESOLVED || row.status() == CaseStatus.CLOSED) {
				closedLoop++;
			}
			if (row.respondedAt() != null) {
				responded++;
				responseHours += hours(row.openedAt(), row.respondedAt());
			}
			if (row.resolvedAt() != null) {
				resolved++;
				resolveHours += hours(row.openedAt(), row.resolvedAt());
			}
			boolean missed = row.firstResponseBreached() || row.resolutionBreached()
					|| (row.respondedAt() != null && row.respondedAt().isAfter(row.firstResponseDue()))
					|| (row.resolvedAt() != null && row.resolvedAt().isAfter(row.resolutionDue()))
					|| (row.respondedAt() == null && !now.isBefore(row.firstResponseDue()))
					|| (row.resolvedAt() == null && !now.isBefore(row.resolutionDue()));
			if (missed || row.resolvedAt() != null) {
				decided++;
				if (!missed) {
					met++;
				}
			}
			if (row.escalationLevel() > 0) {
				escalated++;
			}
			if (row.followUpResolved() != null) {
				followedUp++;
				if (FollowUp.recovered(row.followUpResolved(), row.followUpSatisfaction())) {
					recovered++;
				}
			}
		}
		return new LoopFigures(key, rows.size(), closedLoop, rate(closedLoop, rows.size()), responded,
				(responded > 0) ? round(responseHours / responded) : null, resolved,
				(resolved > 0) ? round(resolveHours / resolved) : null, decided, met, rate(met, decided), escalated,
				followedUp, recovered, rate(recovered, followedUp));
	}

	private List<Row> rows(@Nullable Instant from, @Nullable Instant to, @Nullable String unit) {
		VisibleUnits visible = this.scope.visibleUnits();
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (!visible.all()) {
			conditions.add("c.unit_id in (:visible)");
			params.put("visible", visible.ids().isEmpty() ? List.of(-1L) : visible.ids());
		}
		if (unit != null) {
			OrgUnit found = this.units.find(unit).orElseThrow(() -> new NotFoundException("org unit", unit));
			conditions.add("c.unit_id in (:units)");
			params.put("units", this.scope.subtree(found.id()).ids());
		}
		if (from != null) {
			conditions.add("c.opened_at >= :from");
			params.put("from", SqlTime.of(from));
		}
		if (to != null) {
			conditions.add("c.opened_at < :to");
			params.put("to", SqlTime.of(to));
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		return this.jdbc
			.sql("""
					select c.id, o.code as unit_code, ow.username as owner_name, t.code as touchpoint_code, c.status, c.opened_at,
						c.first_responded_at, c.first_response_due, c.resolved_at, c.resolution_due, c.first_response_breached,
						c.resolution_breached, c.escalation_level, c.root_cause_id, c.nps_score,
						f.resolved as follow_up_resolved, f.satisfaction as follow_up_satisfaction
					from cx_case c
					join org_unit o on o.id = c.unit_id
					left join app_user ow on ow.id = c.owner_user_id
					left join touchpoint t on t.id = c.touchpoint_id
					left join case_follow_up f on f.case_id = c.id
						and f.id = (select max(f2.id) from case_follow_up f2 where f2.case_id = c.id)
					"""
					+ where + " order by c.id")
			.params(params)
			.query((rs, i) -> {
				long rootCause = rs.getLong("root_cause_id");
				Long rootCauseId = rs.wasNull() ? null : rootCause;
				int nps = rs.getInt("nps_score");
				Integer npsScore = rs.wasNull() ? null : nps;
				boolean followUp = rs.getBoolean("follow_up_resolved");
				Boolean followUpResolved = rs.wasNull() ? null : followUp;
				int satisfaction = rs.getInt("follow_up_satisfaction");
				Integer followUpSatisfaction = rs.wasNull() ? null : satisfaction;
				return new Row(rs.getString("unit_code"), rs.getString("owner_name"), rs.getString("touchpoint_code"),
						CaseStatus.valueOf(rs.getString("status")), SqlTime.requiredInstant(rs, "opened_at"),
						SqlTime.instant(rs, "first_responded_at"), SqlTime.requiredInstant(rs, "first_response_due"),
						SqlTime.instant(rs, "resolved_at"), SqlTime.requiredInstant(rs, "resolution_due"),
						rs.getBoolean("first_response_breached"), rs.getBoolean("resolution_breached"),
						rs.getInt("escalation_level"), rootCauseId, npsScore, followUpResolved, followUpSatisfaction);
			})
			.list();
	}

	private static String key(GroupBy groupBy, Row row, ZoneId zone) {
		ZonedDateTime opened = row.openedAt().atZone(zone);
		return switch (groupBy) {
			case ALL -> "all";
			case UNIT -> row.unit();
			case OWNER -> (row.owner() != null) ? row.owner() : "-";
			case TOUCHPOINT -> (row.touchpoint() != null) ? row.touchpoint() : "-";
			case DAY -> opened.toLocalDate().toString();
			case WEEK -> String.format("%d-W%02d", opened.get(IsoFields.WEEK_BASED_YEAR),
					opened.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> String.format("%d-%02d", opened.getYear(), opened.getMonthValue());
		};
	}

	private static double hours(Instant from, Instant to) {
		return Duration.between(from, to).toSeconds() / 3600.0;
	}

	private static @Nullable Double rate(long part, long whole) {
		return (whole > 0) ? round((double) part / whole) : null;
	}

	private static double round(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

	private record Row(String unit, @Nullable String owner, @Nullable String touchpoint, CaseStatus status,
			Instant openedAt, @Nullable Instant respondedAt, Instant firstResponseDue, @Nullable Instant resolvedAt,
			Instant resolutionDue, boolean firstResponseBreached, boolean resolutionBreached, int escalationLevel,
			@Nullable Long rootCauseId, @Nullable Integer nps, @Nullable Boolean followUpResolved,
			@Nullable Integer followUpSatisfaction) {
	}

}
