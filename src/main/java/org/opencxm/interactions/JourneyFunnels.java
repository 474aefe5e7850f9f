package org.opencxm.interactions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Stage funnels from where customers stand on a journey, counted in SQL over the first
 * time each customer reached each stage, never customer by customer in Java.
 * <p>
 * The cohort is the customers whose first contact on the journey (at any of its stages)
 * falls in the period; a customer belongs to a unit by its home unit, so a caller scoped
 * to a unit counts the customers homed in its subtree, with all their progress on the
 * journey wherever it happened.
 */
@Service
public class JourneyFunnels {

	private final JdbcClient jdbc;

	private final OrgScope scope;

	JourneyFunnels(JdbcClient jdbc, OrgScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	/**
	 * The funnel over the given stages, in journey order, of the customers who entered
	 * the journey in {@code [from, to)}.
	 * @param homeUnitIds only customers homed at these units; null for every customer the
	 * caller may see
	 */
	public StageFunnel funnel(List<Long> stageIds, Instant from, Instant to, @Nullable Collection<Long> homeUnitIds) {
		if (stageIds.isEmpty()) {
			return new StageFunnel(List.of());
		}
		Map<String, Object> params = new HashMap<>();
		params.put("stages", stageIds);
		params.put("from", SqlTime.of(from));
		params.put("to", SqlTime.of(to));
		String cohort = cohort(homeUnitIds, params);
		// Positions are the current order of the stages, so an edited journey is
		// counted by its new order.
		StringBuilder position = new StringBuilder("case r.stage_id");
		StringBuilder previous = new StringBuilder("case b.stage_id");
		for (int i = 0; i < stageIds.size(); i++) {
			position.append(" when ").append(stageIds.get(i)).append(" then ").append(i);
			if (i > 0) {
				previous.append(" when ").append(stageIds.get(i)).append(" then ").append(stageIds.get(i - 1));
			}
		}
		position.append(" end");
		previous.append(" end");
		long[] furthest = new long[stageIds.size()];
		this.jdbc.sql("""
				select f.position, count(*) as customers from (
					select r.customer_id, max(%s) as position
					from customer_stage_reached r join (%s) e on e.customer_id = r.customer_id
					where r.stage_id in (:stages) group by r.customer_id) f
				group by f.position
				""".formatted(position, cohort))
			.params(params)
			.query((rs, row) -> furthest[rs.getInt("position")] = rs.getLong("customers"))
			.list();
		Map<Long, Long> recorded = new HashMap<>();
		this.jdbc.sql("""
				select r.stage_id, count(*) as customers
				from customer_stage_reached r join (%s) e on e.customer_id = r.customer_id
				where r.stage_id in (:stages) group by r.stage_id
				""".formatted(cohort))
			.params(params)
			.query((rs, row) -> recorded.put(rs.getLong("stage_id"), rs.getLong("customers")))
			.list();
		Map<Long, Timing> timings = new HashMap<>();
		if (stageIds.size() > 1) {
			this.jdbc.sql("""
					select b.stage_id, count(*) as pairs, percentile_cont(0.5) within group
						(order by cast(extract(epoch from b.first_reached_at) - extract(epoch from a.first_reached_at)
						as double precision)) as median
					from customer_stage_reached b
					join (%s) e on e.customer_id = b.customer_id
					join customer_stage_reached a on a.customer_id = b.customer_id and a.stage_id = %s
					where b.stage_id in (:later) and b.first_reached_at >= a.first_reached_at
					group by b.stage_id
					""".formatted(cohort, previous))
				.params(params)
				.param("later", stageIds.subList(1, stageIds.size()))
				.query((rs, row) -> timings.put(rs.getLong("stage_id"),
						new Timing(rs.getLong("pairs"), rs.getDouble("median"))))
				.list();
		}
		List<StageFunnel.Stage> stages = new ArrayList<>();
		long reached = 0;
		for (int i = stageIds.size() - 1; i >= 0; i--) {
			reached += furthest[i];
			long stage = stageIds.get(i);
			Timing timing = timings.get(stage);
			stages.add(0, new StageFunnel.Stage(stage, reached, recorded.getOrDefault(stage, 0L),
					(timing != null) ? timing.pairs() : 0, (timing != null) ? timing.medianSeconds() : null));
		}
		return new StageFunnel(stages);
	}

	private record Timing(long pairs, double medianSeconds) {

	}

	/**
	 * The select of the cohort's customer ids, limited to the home units asked for and
	 * the caller's scope.
	 */
	private String cohort(@Nullable Collection<Long> homeUnitIds, Map<String, Object> params) {
		VisibleUnits visible = this.scope.visibleUnits();
		Set<Long> units = null;
		if (homeUnitIds != null) {
			units = new HashSet<>(homeUnitIds);
		}
		if (!visible.all()) {
			if (units == null) {
				units = new HashSet<>(visible.ids());
			}
			else {
				units.retainAll(visible.ids());
			}
		}
		String join = "";
		if (units != null) {
			join = " join customer c on c.id = s.customer_id and c.home_unit_id in (:units)";
			params.put("units", units.isEmpty() ? Set.of(-1L) : units);
		}
		return "select s.customer_id from customer_stage_reached s" + join + " where s.stage_id in (:stages)"
				+ " group by s.customer_id having min(s.first_reached_at) >= :from and min(s.first_reached_at) < :to";
	}

}
