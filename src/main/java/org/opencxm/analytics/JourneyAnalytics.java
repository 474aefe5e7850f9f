package org.opencxm.analytics;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalDays;
import org.opencxm.interactions.JourneyFunnels;
import org.opencxm.interactions.StageFunnel;
import org.opencxm.journeys.Journey;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.TouchpointNode;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Journey analytics: the journey map of scores per stage and touchpoint with the weighted
 * journey index, summed from the daily aggregates; and the stage funnel from the contact
 * archive.
 */
@Service
public class JourneyAnalytics {

	/** The figures a journey map shows for each stage and touchpoint. */
	private static final List<Metric> SCORES = List.of(Metric.RESPONSES, Metric.NPS, Metric.CSAT,
			Metric.CSAT_TOP_TWO_BOX, Metric.CES, Metric.SEM_SENSE, Metric.SEM_FEEL, Metric.SEM_THINK, Metric.SEM_ACT,
			Metric.SEM_RELATE);

	private static final double SECONDS_PER_DAY = 86_400;

	private final JdbcClient jdbc;

	private final Metrics metrics;

	private final Journeys journeys;

	private final JourneyFunnels funnels;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Clock clock;

	private final ZoneId zone;

	JourneyAnalytics(JdbcClient jdbc, Metrics metrics, Journeys journeys, JourneyFunnels funnels, OrgScope scope,
			OrgUnits units, Clock clock, @Value("${opencxm.default-time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.metrics = metrics;
		this.journeys = journeys;
		this.funnels = funnels;
		this.scope = scope;
		this.units = units;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	private record Period(LocalDate from, LocalDate to) {

	}

	/**
	 * The journey map over a period, filtered like the metrics (by unit subtree, survey,
	 * channel, lifecycle class, value tier, age band), with the index of {@code metric}.
	 */
	@Transactional(readOnly = true)
	public JourneyMap map(String journeyCode, @Nullable String metricCode, @Nullable LocalDate from,
			@Nullable LocalDate to, Map<String, String> filters) {
		this.scope.requireRole(Role.VIEWER);
		Journey journey = this.journeys.get(journeyCode);
		List<FieldViolation> violations = new ArrayList<>();
		Metric metric = Metric.of((metricCode != null) ? metricCode : Metric.CSAT.code)
			.filter((m) -> m.rankable() || m == Metric.CSAT_TOP_TWO_BOX)
			.orElse(null);
		if (metric == null) {
			violations.add(FieldViolation.of("metric",
					"the index combines nps, csat-top-two-box or a mean, not " + metricCode));
		}
		Period period = period(from, to, violations);
		Metrics.Slice slice = this.metrics.slice(Metric.NPS,
				new Metrics.Query(Metric.NPS.code, null, List.of(), null, null, null, null, filters), violations);
		if (!violations.isEmpty() || metric == null || slice == null) {
			throw new InvalidInputException(violations);
		}
		Map<Long, Totals> byStage = new HashMap<>();
		Map<Long, Totals> byTouchpoint = new HashMap<>();
		List<Long> stageIds = journey.stages().stream().map(Journey.Stage::id).toList();
		List<Metric> summed = new ArrayList<>(SCORES);
		summed.add(metric);
		List<String> counts = Totals.counts(summed);
		// Unfiltered by unit or customer segment, the company-wide rows hold the
		// same sums in a fraction of the rows.
		String table = slice.companyWide() ? "analytics_company_daily" : slice.table();
		this.jdbc
			.sql("select stage_id, touchpoint_id, " + Totals.sums(counts) + " from " + table
					+ " where local_day >= :from and local_day <= :to and stage_id in (:stages)" + slice.where()
					+ " group by stage_id, touchpoint_id")
			.params(slice.params())
			.param("from", Date.valueOf(period.from()))
			.param("to", Date.valueOf(period.to()))
			.param("stages", stageIds)
			.query((rs, row) -> {
				Totals totals = Totals.read(rs, 3, counts);
				byStage.merge(rs.getLong("stage_id"), totals, Totals::merge);
				return byTouchpoint.merge(rs.getLong("touchpoint_id"), totals, Totals::merge);
			})
			.list();
		List<List<WeightedIndex.Node>> trees = new ArrayList<>();
		List<WeightedIndex.@Nullable Score> stageScores = new ArrayList<>();
		for (Journey.Stage stage : journey.stages()) {
			List<WeightedIndex.Node> roots = stage.touchpoints()
				.stream()
				.map((node) -> node(node, metric, byTouchpoint))
				.toList();
			trees.add(roots);
			stageScores.add(WeightedIndex.combine(roots));
		}
		WeightedIndex.Score index = WeightedIndex.mean(stageScores);
		long stagesWithScores = stageScores.stream().filter(java.util.Objects::nonNull).count();
		Map<String, Double> shares = new HashMap<>();
		List<JourneyMap.Stage> stages = new ArrayList<>();
		for (int i = 0; i < journey.stages().size(); i++) {
			Journey.Stage stage = journey.stages().get(i);
			WeightedIndex.Score score = stageScores.get(i);
			double stageShare = (score != null) ? 1.0 / stagesWithScores : 0;
			if (score != null) {
				WeightedIndex.shares(trees.get(i), stageShare, shares);
			}
			List<JourneyMap.Touchpoint> touchpoints = new ArrayList<>();
			for (int t = 0; t < stage.touchpoints().size(); t++) {
				touchpoints.add(touchpoint(stage.touchpoints().get(t), trees.get(i).get(t), byTouchpoint, shares));
			}
			stages.add(new JourneyMap.Stage(stage.code(), stage.name(),
					scores(byStage.getOrDefault(stage.id(), Totals.EMPTY)), (score != null) ? score.figure() : null,
					stageShare, touchpoints));
		}
		return new JourneyMap(journey.code(), period.from(), period.to(), metric.code,
				(index != null) ? index.figure() : Figure.of(0, null, null), stages);
	}

	/**
	 * The stage funnel of the customers who entered the journey in the period (local days
	 * in the company's time zone), optionally only those homed in a unit's subtree.
	 */
	@Transactional(readOnly = true)
	public JourneyFunnel funnel(String journeyCode, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String unit) {
		this.scope.requireRole(Role.VIEWER);
		Journey journey = this.journeys.get(journeyCode);
		List<FieldViolation> violations = new ArrayList<>();
		Period period = period(from, to, violations);
		Collection<Long> homeUnits = null;
		if (unit != null && !unit.isBlank()) {
			OrgUnit found = this.units.find(unit).orElse(null);
			if (found == null) {
				violations.add(FieldViolation.of("unit", "unknown unit " + unit));
			}
			else {
				homeUnits = this.scope.subtree(found.id()).ids();
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		StageFunnel funnel = this.funnels.funnel(journey.stages().stream().map(Journey.Stage::id).toList(),
				period.from().atStartOfDay(this.zone).toInstant(),
				period.to().plusDays(1).atStartOfDay(this.zone).toInstant(), homeUnits);
		long customers = funnel.stages().isEmpty() ? 0 : funnel.stages().get(0).reached();
		List<JourneyFunnel.Step> steps = new ArrayList<>();
		for (int i = 0; i < funnel.stages().size(); i++) {
			StageFunnel.Stage stage = funnel.stages().get(i);
			Journey.Stage named = journey.stages().get(i);
			Figure dropOff = null;
			if (i + 1 < funnel.stages().size()) {
				long next = funnel.stages().get(i + 1).reached();
				dropOff = Figures.share(new Proportion(stage.reached() - next, stage.reached()));
			}
			Double median = stage.medianSecondsFromPrevious();
			steps.add(new JourneyFunnel.Step(named.code(), named.name(), stage.reached(),
					Figures.share(new Proportion(stage.reached(), customers)), stage.recorded(), stage.timed(),
					(median != null) ? median / SECONDS_PER_DAY : null, dropOff));
		}
		return new JourneyFunnel(journey.code(), period.from(), period.to(), customers, steps);
	}

	private Period period(@Nullable LocalDate from, @Nullable LocalDate to, List<FieldViolation> violations) {
		LocalDate last = (to != null) ? to : LocalDays.newest(this.clock);
		LocalDate first = (from != null) ? from : last.minusDays(29);
		if (first.isAfter(last)) {
			violations.add(FieldViolation.of("from", "must not be after to"));
		}
		else if (first.plusDays(Metrics.MAX_DAYS).isBefore(last)) {
			violations.add(FieldViolation.of("to", "at most " + Metrics.MAX_DAYS + " days"));
		}
		return new Period(first, last);
	}

	private static WeightedIndex.Node node(TouchpointNode node, Metric metric, Map<Long, Totals> byTouchpoint) {
		return new WeightedIndex.Node(node.touchpoint().code(), node.touchpoint().weight(), node.touchpoint().active(),
				score(metric, byTouchpoint.get(node.touchpoint().id())),
				node.children().stream().map((child) -> node(child, metric, byTouchpoint)).toList());
	}

	/** The map's view of a touchpoint and of its index node, walked side by side. */
	private JourneyMap.Touchpoint touchpoint(TouchpointNode node, WeightedIndex.Node indexed,
			Map<Long, Totals> byTouchpoint, Map<String, Double> shares) {
		WeightedIndex.Score score = WeightedIndex.value(indexed);
		List<JourneyMap.Touchpoint> children = new ArrayList<>();
		for (int i = 0; i < node.children().size(); i++) {
			children.add(touchpoint(node.children().get(i), indexed.children().get(i), byTouchpoint, shares));
		}
		return new JourneyMap.Touchpoint(node.touchpoint().code(), node.touchpoint().name(), node.touchpoint().weight(),
				node.touchpoint().active(), scores(byTouchpoint.getOrDefault(node.touchpoint().id(), Totals.EMPTY)),
				(score != null) ? score.figure() : null, shares.getOrDefault(node.touchpoint().code(), 0.0), children);
	}

	/** The figures of the metrics that have answers. */
	private static Map<String, Figure> scores(Totals totals) {
		Map<String, Figure> scores = new LinkedHashMap<>();
		for (Metric metric : SCORES) {
			Figure figure = Figures.of(metric, totals);
			if (figure.n() > 0) {
				scores.put(metric.code, figure);
			}
		}
		return scores;
	}

	/**
	 * A touchpoint's own score on the index metric with the variance of its estimate;
	 * null without answers.
	 */
	static WeightedIndex.@Nullable Score score(Metric metric, @Nullable Totals totals) {
		if (totals == null) {
			return null;
		}
		return switch (metric) {
			case NPS -> {
				NpsCounts counts = totals.nps();
				yield (counts.count() == 0) ? null : new WeightedIndex.Score(counts.score().score(),
						10_000 * NetPromoterScore.variance(counts), counts.count());
			}
			case CSAT_TOP_TWO_BOX -> {
				Proportion box = totals.csatTopTwoBox();
				yield (box.count() == 0) ? null : new WeightedIndex.Score(box.share(),
						box.share() * (1 - box.share()) / box.count(), box.count());
			}
			default -> {
				Moments moments = totals.measure(java.util.Objects.requireNonNull(metric.measure));
				yield (moments.count() == 0) ? null : new WeightedIndex.Score(moments.mean(),
						(moments.count() < 2) ? Double.NaN : moments.variance() / moments.count(), moments.count());
			}
		};
	}

}
