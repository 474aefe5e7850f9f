package org.opencxm.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A metric over any run of days against the run of the same length just before it, for a
 * whole slice and per org unit: the headline figures of a dashboard and the units that
 * moved most. Summed from the daily aggregates like every other metric. The slice is
 * named by the filters of {@link Metrics#query} (dimension code to value: {@code unit},
 * {@code stage}, {@code touchpoint}, {@code lifecycle-class}, ...); a unit filter takes
 * the unit with its subtree, and the caller's scope always applies.
 */
@Service
public class PeriodComparisons {

	private final Metrics metrics;

	private final OrgScope scope;

	private final OrgUnits units;

	PeriodComparisons(Metrics metrics, OrgScope scope, OrgUnits units) {
		this.metrics = metrics;
		this.scope = scope;
		this.units = units;
	}

	/**
	 * The headline of a dashboard from one read of the slice's daily sums: the metrics
	 * {@code compared} from {@code from} to {@code to} (inclusive) against the same
	 * number of days before {@code from}, and the metrics {@code charted} over the period
	 * bucketed by grain ({@code day}, {@code week}, {@code month} or {@code quarter}), as
	 * {@link Metrics#query} gives them one metric at a time; both by metric code, in the
	 * order given.
	 */
	@Transactional(readOnly = true)
	public Headline headline(List<String> compared, List<String> charted, Map<String, String> filters, String grainCode,
			LocalDate from, LocalDate to) {
		List<FieldViolation> violations = new ArrayList<>();
		Grain grain = Metrics.grain(grainCode, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (from.isAfter(to)) {
			throw new InvalidInputException("from", "must not be after to");
		}
		List<String> codes = new ArrayList<>(compared);
		charted.stream().filter((code) -> !codes.contains(code)).forEach(codes::add);
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		Periods periods = periods(codes, filters, from.minusDays(days), to, List.of(), false);
		Totals now = Totals.EMPTY;
		Totals before = Totals.EMPTY;
		Map<LocalDate, Totals> buckets = new TreeMap<>();
		for (Map.Entry<Metrics.Key, Totals> day : periods.days().entrySet()) {
			if (day.getKey().period().isBefore(from)) {
				before = before.merge(day.getValue());
			}
			else {
				now = now.merge(day.getValue());
				buckets.merge(grain.start(day.getKey().period()), day.getValue(), Totals::merge);
			}
		}
		Map<String, Figure> figures = new LinkedHashMap<>();
		Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
		for (Metric metric : periods.metrics()) {
			if (compared.contains(metric.code)) {
				figures.put(metric.code, compared(metric, now, before));
			}
			if (charted.contains(metric.code)) {
				List<MetricPoint> points = new ArrayList<>();
				buckets.forEach(
						(period, totals) -> points.add(new MetricPoint(period, Map.of(), Figures.of(metric, totals))));
				series.put(metric.code, points);
			}
		}
		return new Headline(figures, series);
	}

	/**
	 * The headline figures of a dashboard: by metric code, each compared metric's figure
	 * with its comparison, and each charted metric's points in period order.
	 */
	public record Headline(Map<String, Figure> figures, Map<String, List<MetricPoint>> series) {

	}

	/**
	 * The units of the slice (every visible unit under the unit filter, or every visible
	 * unit) whose metric moved most between the previous period and this one, largest
	 * absolute difference first; only units with responses in both periods.
	 */
	@Transactional(readOnly = true)
	public List<UnitChange> units(String metricCode, Map<String, String> filters, LocalDate from, LocalDate to,
			int limit) {
		Periods periods = periods(List.of(metricCode), filters, from, to, List.of(Dimension.UNIT), true);
		Map<Long, Totals> now = new HashMap<>();
		Map<Long, Totals> before = new HashMap<>();
		periods.days()
			.forEach((key, totals) -> (key.period().isBefore(from) ? before : now).merge((Long) key.group().get(0),
					totals, Totals::merge));
		Map<Long, OrgUnit> visible = new HashMap<>();
		this.units.list().forEach((candidate) -> visible.put(candidate.id(), candidate));
		List<UnitChange> changes = new ArrayList<>();
		now.forEach((unitId, totals) -> {
			OrgUnit owner = visible.get(unitId);
			Totals previous = before.get(unitId);
			if (owner == null || previous == null) {
				return;
			}
			Figure figure = compared(periods.metrics().get(0), totals, previous);
			if (figure.comparison() != null) {
				changes.add(new UnitChange(owner.code(), figure));
			}
		});
		changes.sort(Comparator
			.comparingDouble(
					(UnitChange change) -> -Math.abs(Objects.requireNonNull(change.figure().comparison()).difference()))
			.thenComparing(UnitChange::unit));
		return changes.subList(0, Math.min(Math.max(limit, 0), changes.size()));
	}

	private record Periods(List<Metric> metrics, Map<Metrics.Key, Totals> days) {

	}

	/**
	 * The daily sums of the slice from {@code from} to {@code to}; with
	 * {@code withPrevious} the sums of that period and of as many days before it, keyed
	 * by their first days.
	 */
	private Periods periods(List<String> metricCodes, Map<String, String> filters, LocalDate from, LocalDate to,
			List<Dimension> by, boolean withPrevious) {
		this.scope.requireRole(Role.VIEWER);
		List<Metric> metrics = new ArrayList<>();
		for (String code : metricCodes) {
			metrics.add(Metric.of(code)
				.filter((candidate) -> candidate != Metric.RATING && candidate != Metric.RESPONSES)
				.orElseThrow(() -> new InvalidInputException("metric", "cannot compare " + code)));
		}
		if (metrics.isEmpty()) {
			throw new InvalidInputException("metric", "name at least one metric");
		}
		if (from.isAfter(to)) {
			throw new InvalidInputException("from", "must not be after to");
		}
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		List<FieldViolation> violations = new ArrayList<>();
		Metrics.Query query = new Metrics.Query(metrics.get(0).code, null, List.of(), "day", from, to, null, filters);
		Metrics.Slice slice = this.metrics.slice(metrics.get(0), query, violations);
		if (!violations.isEmpty() || slice == null) {
			throw new InvalidInputException(violations);
		}
		// A comparison needs each period's sums only: the database adds up the days.
		return new Periods(metrics,
				withPrevious ? this.metrics.runs(slice.counting(metrics), by, List.of(from.minusDays(days), from), to)
						: this.metrics.sums(slice.counting(metrics), by, Grain.DAY, from, to));
	}

	private static Figure compared(Metric metric, Totals now, Totals before) {
		return Figures.of(metric, now)
			.comparedWith(Figures.of(metric, before), Figures.comparison(metric, now, before));
	}

}
