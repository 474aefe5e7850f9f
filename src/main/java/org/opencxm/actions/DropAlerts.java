package org.opencxm.actions;

import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.opencxm.analytics.Comparison;
import org.opencxm.analytics.Figure;
import org.opencxm.analytics.MetricPoint;
import org.opencxm.analytics.Metrics;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.SqlDialect;
import org.opencxm.shared.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the drop rules on a schedule: for each rule, the last complete week or month
 * of every unit or touchpoint is compared with the period before through the analytics
 * module's metrics (summed aggregates, never raw responses) and its significance test. A
 * drop is reported once per rule, slice and period (a unique key stored first), to the
 * unit's managers, the CX managers and the users the rule names, in the inbox and by
 * e-mail.
 */
@Service
public class DropAlerts {

	private static final Logger log = LoggerFactory.getLogger(DropAlerts.class);

	private final JdbcClient jdbc;

	private final AlertRules rules;

	private final Metrics metrics;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Touchpoints touchpoints;

	private final People people;

	private final Notifier notifier;

	private final RuleLimits limits;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ZoneId defaultZone;

	private final String insert;

	DropAlerts(JdbcClient jdbc, SqlDialect dialect, AlertRules rules, Metrics metrics, OrgScope scope, OrgUnits units,
			Touchpoints touchpoints, People people, Notifier notifier, RuleLimits limits,
			TransactionTemplate transactions, Clock clock,
			@Value("${opencxm.default-time-zone:Asia/Shanghai}") String defaultZone) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.metrics = metrics;
		this.scope = scope;
		this.units = units;
		this.touchpoints = touchpoints;
		this.people = people;
		this.notifier = notifier;
		this.limits = limits;
		this.transactions = transactions;
		this.clock = clock;
		this.defaultZone = ZoneId.of(defaultZone);
		this.insert = dialect.upsert("alert_drop_notice", List.of("rule_id", "slice", "period_start"),
				List.of("rule_id", "slice", "period_start", "unit_id", "touchpoint_id", "current_value",
						"previous_value", "difference", "p_value", "current_n", "previous_n", "notified",
						"detected_at"),
				null, null);
	}

	@Scheduled(initialDelayString = "${opencxm.actions.drop-check-interval:PT1H}",
			fixedDelayString = "${opencxm.actions.drop-check-interval:PT1H}")
	void scheduled() {
		try {
			evaluate();
		}
		catch (RuntimeException ex) {
			log.warn("Evaluating the drop rules failed; the next run tries again", ex);
		}
	}

	/**
	 * Evaluates every active drop rule on the last complete period before today and
	 * answers the drops found for the first time; a drop found before is not reported
	 * again. Each drop is stored and told in a transaction of its own, so that one rule
	 * that fails takes no other down with it.
	 */
	public List<DropAlert> evaluate() {
		return this.scope.asSystem(() -> {
			Instant now = this.clock.instant();
			Set<LocalDate> todays = todays(now);
			List<DropAlert> found = new ArrayList<>();
			for (AlertRules.DropRule rule : this.rules.dropRules()) {
				try {
					for (LocalDate today : todays) {
						found.addAll(evaluate(rule, today, now));
					}
				}
				catch (RuntimeException ex) {
					log.warn("Drop rule {} could not be evaluated", rule.view().code(), ex);
				}
			}
			return found;
		});
	}

	/**
	 * Responses are counted on the local day of their unit, so each slice is judged on
	 * the last period that is complete in its own unit's time zone (the default zone for
	 * a touchpoint without an owner unit). The units' zones give the distinct "todays" to
	 * query; usually there is one.
	 */
	private Set<LocalDate> todays(Instant now) {
		Set<LocalDate> todays = new TreeSet<>();
		todays.add(LocalDate.ofInstant(now, this.defaultZone));
		for (OrgUnit unit : this.units.list()) {
			todays.add(LocalDate.ofInstant(now, ZoneId.of(unit.timeZone())));
		}
		return todays;
	}

	private LocalDate today(Slice slice, Instant now) {
		ZoneId zone = (slice.unit() != null) ? ZoneId.of(slice.unit().timeZone()) : this.defaultZone;
		return LocalDate.ofInstant(now, zone);
	}

	/**
	 * The first day of the last complete week (from Monday) or month before
	 * {@code today}.
	 */
	static LocalDate lastCompletePeriod(DropCondition.Period period, LocalDate today) {
		return (period == DropCondition.Period.WEEK)
				? today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1)
				: today.withDayOfMonth(1).minusMonths(1);
	}

	private List<DropAlert> evaluate(AlertRules.DropRule rule, LocalDate today, Instant now) {
		DropCondition drop = rule.drop();
		LocalDate start = lastCompletePeriod(drop.period(), today);
		LocalDate end = ((drop.period() == DropCondition.Period.WEEK) ? start.plusWeeks(1) : start.plusMonths(1))
			.minusDays(1);
		String dimension = (drop.slice() == DropCondition.Slice.UNIT) ? "unit" : "touchpoint";
		AlertLimits limits = rule.limits().codes();
		Map<String, String> filters = new HashMap<>();
		if (drop.slice() == DropCondition.Slice.UNIT && limits.touchpoints().size() == 1) {
			filters.put("touchpoint", limits.touchpoints().get(0));
		}
		if (drop.slice() == DropCondition.Slice.TOUCHPOINT && limits.units().size() == 1) {
			filters.put("unit", limits.units().get(0));
		}
		List<MetricPoint> points = this.metrics
			.query(new Metrics.Query(drop.metric(), null, List.of(dimension),
					drop.period().name().toLowerCase(java.util.Locale.ROOT), start, end, "previous", filters))
			.points();
		List<DropAlert> found = new ArrayList<>();
		for (MetricPoint point : points) {
			String code = point.group().get(dimension);
			Figure figure = point.figure();
			Comparison comparison = figure.comparison();
			Figure previous = figure.previous();
			if (!point.period().equals(start) || code == null || code.isBlank() || comparison == null
					|| previous == null || figure.value() == null || previous.value() == null) {
				continue;
			}
			if (figure.n() < drop.effectiveMinResponses() || previous.n() < drop.effectiveMinResponses()
					|| -comparison.difference() < drop.minDrop() || comparison.pValue() >= drop.effectiveAlpha()) {
				continue;
			}
			Slice slice = slice(drop.slice(), code);
			if (slice == null || !today(slice, now).equals(today) || !within(rule.limits(), drop.slice(), slice)) {
				continue;
			}
			DropAlert alert = new DropAlert(rule.view().code(), drop.metric(), drop.slice(), code, start, end,
					figure.value(), previous.value(), comparison.difference(), comparison.pValue(), figure.n(),
					previous.n(), 0, this.clock.instant(), (slice.unit() != null) ? slice.unit().code() : null);
			Integer notified = this.transactions
				.execute((status) -> record(rule, slice, alert) ? notify(rule, slice, alert) : null);
			if (notified != null) {
				found.add(new DropAlert(alert.rule(), alert.metric(), alert.slice(), alert.code(), alert.periodStart(),
						alert.periodEnd(), alert.value(), alert.previousValue(), alert.difference(), alert.pValue(),
						alert.responses(), alert.previousResponses(), notified, alert.detectedAt(), alert.unit()));
			}
		}
		return found;
	}

	/**
	 * The unit (its own, or the touchpoint's owner) and touchpoint a slice stands for.
	 */
	private record Slice(String key, @Nullable OrgUnit unit, @Nullable Long touchpointId) {
	}

	private @Nullable Slice slice(DropCondition.Slice kind, String code) {
		if (kind == DropCondition.Slice.UNIT) {
			return this.units.find(code).map((unit) -> new Slice("unit:" + code, unit, null)).orElse(null);
		}
		TouchpointRef touchpoint = this.touchpoints.ref(code).orElse(null);
		if (touchpoint == null) {
			return null;
		}
		OrgUnit owner = (touchpoint.ownerUnitId() != null) ? this.units.findById(touchpoint.ownerUnitId()).orElse(null)
				: null;
		return new Slice("touchpoint:" + code, owner, touchpoint.id());
	}

	private boolean within(StoredLimits limits, DropCondition.Slice kind, Slice slice) {
		if (kind == DropCondition.Slice.TOUCHPOINT) {
			return limits.touchpointIds().isEmpty() || limits.touchpointIds().contains(slice.touchpointId());
		}
		OrgUnit unit = slice.unit();
		return limits.unitIds().isEmpty() || (unit != null && this.limits.withinUnits(limits, unit.id()));
	}

	/** Stores the notice under its unique key; answers whether this call stored it. */
	private boolean record(AlertRules.DropRule rule, Slice slice, DropAlert alert) {
		return this.jdbc.sql(this.insert)
			.params(rule.view().id(), slice.key(), Date.valueOf(alert.periodStart()),
					(slice.unit() != null) ? slice.unit().id() : null, slice.touchpointId(), alert.value(),
					alert.previousValue(), alert.difference(), alert.pValue(), alert.responses(),
					alert.previousResponses(), 0, SqlTime.of(alert.detectedAt()))
			.update() == 1;
	}

	private int notify(AlertRules.DropRule rule, Slice slice, DropAlert alert) {
		AlertAction action = rule.view().action();
		Set<Long> recipients = new LinkedHashSet<>();
		action.notifyUsers()
			.forEach((username) -> this.people.byUsername(username).ifPresent((u) -> recipients.add(u.id())));
		OrgUnit unit = slice.unit();
		if (action.notifyUnitManager() && unit != null) {
			recipients.addAll(this.people.managersOf(unit.id()));
		}
		if (action.notifyCxManagers()) {
			recipients.addAll(this.people.cxManagers((unit != null) ? unit.id() : null));
		}
		int told = this.notifier.drop(recipients, rule.view(), alert);
		this.jdbc.sql("""
				update alert_drop_notice set notified = :told
				where rule_id = :rule and slice = :slice and period_start = :start
				""")
			.param("told", told)
			.param("rule", rule.view().id())
			.param("slice", slice.key())
			.param("start", Date.valueOf(alert.periodStart()))
			.update();
		return told;
	}

	/**
	 * The drops a rule reported, newest period first; a scoped caller sees those of units
	 * in its subtree.
	 */
	public List<DropAlert> list(String ruleCode) {
		this.scope.requireRole(Role.VIEWER);
		AlertRule rule = this.rules.get(ruleCode);
		DropCondition drop = rule.drop();
		if (drop == null) {
			return List.of();
		}
		VisibleUnits visible = this.scope.visibleUnits();
		String where = visible.all() ? "" : visible.ids().isEmpty() ? " and 1 = 0" : " and n.unit_id in (:units)";
		var query = this.jdbc.sql("""
				select n.*, u.code as unit_code from alert_drop_notice n left join org_unit u on u.id = n.unit_id
				where n.rule_id = :rule""" + where + " order by n.period_start desc, n.slice").param("rule", rule.id());
		if (!visible.all() && !visible.ids().isEmpty()) {
			query = query.param("units", visible.ids());
		}
		return query.query((rs, row) -> {
			LocalDate start = rs.getDate("period_start").toLocalDate();
			String slice = rs.getString("slice");
			return new DropAlert(rule.code(), drop.metric(), drop.slice(), slice.substring(slice.indexOf(':') + 1),
					start,
					(drop.period() == DropCondition.Period.WEEK) ? start.plusDays(6) : start.plusMonths(1).minusDays(1),
					rs.getDouble("current_value"), rs.getDouble("previous_value"), rs.getDouble("difference"),
					rs.getDouble("p_value"), rs.getLong("current_n"), rs.getLong("previous_n"), rs.getInt("notified"),
					SqlTime.requiredInstant(rs, "detected_at"), rs.getString("unit_code"));
		}).list();
	}

}
