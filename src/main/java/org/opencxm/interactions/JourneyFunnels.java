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
		int k = stageIds.size();
		// One row per customer of the cohort: its furthest stage in the journey's current
		// order (so an edited journey counts by its new order) and the epoch second of
		// its
		// first contact at each stage.
		StringBuilder position = new StringBuilder("case r.stage_id");
		StringBuilder perCustomer = new StringBuilder("select r.customer_id");
		for (int i = 0; i < k; i++) {
			position.append(" when ").append(stageIds.get(i)).append(" then ").append(i);
			perCustomer.append(", max(case when r.stage_id = ")
				.append(stageIds.get(i))
				.append(" then cast(extract(epoch from r.first_reached_at) as double precision) end) as t")
				.append(i);
		}
		position.append(" end");
		// Only customers with a first contact at some stage in the period can have
		// entered in it: found by the (stage, time) index, so the work grows with the
		// period's contacts rather than with the whole archive.
		perCustomer.append(", max(")
			.append(position)
			.append(") as furthest from (select distinct s.customer_id from customer_stage_reached s where")
			.append(homeUnits(homeUnitIds, params))
			.append(" s.stage_id in (:stages) and s.first_reached_at >= :from and s.first_reached_at < :to) e")
			.append(" join customer_stage_reached r on r.customer_id = e.customer_id")
			.append(" where r.stage_id in (:stages) group by r.customer_id")
			.append(" having min(r.first_reached_at) >= :from and min(r.first_reached_at) < :to");
		StringBuilder totals = new StringBuilder("select count(*) as cohort");
		for (int i = 0; i < k; i++) {
			totals.append(", sum(case when c.furthest = ")
				.append(i)
				.append(" then 1 else 0 end) as furthest")
				.append(i);
			totals.append(", count(c.t").append(i).append(") as recorded").append(i);
			if (i > 0) {
				String gap = "case when c.t" + i + " >= c.t" + (i - 1) + " then c.t" + i + " - c.t" + (i - 1) + " end";
				totals.append(", count(").append(gap).append(") as timed").append(i);
				totals.append(", percentile_cont(0.5) within group (order by ")
					.append(gap)
					.append(") as median")
					.append(i);
			}
		}
		totals.append(" from (").append(perCustomer).append(") c");
		return this.jdbc.sql(totals.toString()).params(params).query((rs, row) -> {
			List<StageFunnel.Stage> stages = new ArrayList<>();
			long reached = 0;
			for (int i = k - 1; i >= 0; i--) {
				reached += rs.getLong("furthest" + i);
				Double median = null;
				long timed = 0;
				if (i > 0) {
					timed = rs.getLong("timed" + i);
					double value = rs.getDouble("median" + i);
					median = rs.wasNull() ? null : value;
				}
				stages.add(0,
						new StageFunnel.Stage(stageIds.get(i), reached, rs.getLong("recorded" + i), timed, median));
			}
			return new StageFunnel(stages);
		}).single();
	}

	/**
	 * The condition that keeps the customers homed at the units asked for and in the
	 * caller's scope; empty when every customer counts. A set of customers, not a join:
	 * H2 would otherwise read the customers by their unit for every contact, not by id.
	 */
	private String homeUnits(@Nullable Collection<Long> homeUnitIds, Map<String, Object> params) {
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
		if (units == null) {
			return "";
		}
		params.put("units", units.isEmpty() ? Set.of(-1L) : units);
		return " s.customer_id in (select h.id from customer h where h.home_unit_id in (:units)) and";
	}

}
