package org.opencxm.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.analytics.Metrics;
import org.opencxm.analytics.UnitRanking;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.Users;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Org units ranked by a metric, each with its own (raw) figure and the figure shrunk
 * toward its parent's, so that a store with five responses does not top the list by luck;
 * and a unit's own page, the overview limited to its subtree. A scoped user sees only its
 * subtree, and another unit's page is a 404.
 */
@Controller
class UnitsController {

	private static final int CHART_UNITS = 15;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Users users;

	private final Metrics metrics;

	private final Dashboard dashboard;

	private final MessageSource messages;

	private final JsonMapper json;

	UnitsController(OrgScope scope, OrgUnits units, Users users, Metrics metrics, Dashboard dashboard,
			MessageSource messages, JsonMapper json) {
		this.scope = scope;
		this.units = units;
		this.users = users;
		this.metrics = metrics;
		this.dashboard = dashboard;
		this.messages = messages;
		this.json = json;
	}

	/** One ranked unit with its name and its parent's. */
	record Row(int rank, OrgUnit unit, @Nullable OrgUnit parent, UnitRanking.Entry entry) {

	}

	@GetMapping("/units")
	String ranking(@RequestParam(name = "metric", required = false) @Nullable String metricCode,
			@RequestParam(name = "period", required = false) @Nullable String periodCode,
			@RequestParam Map<String, String> parameters, Model model) {
		SliceFilters filters = SliceFilters.of(parameters);
		this.scope.requireRole(Role.VIEWER);
		String metric = (metricCode != null && Dashboard.METRICS.contains(metricCode)) ? metricCode : "nps";
		Period period = Period.of(periodCode);
		LocalDate to = this.dashboard.today();
		LocalDate from = period.from(to);
		Map<String, OrgUnit> visible = new LinkedHashMap<>();
		this.units.list().forEach((unit) -> visible.put(unit.code(), unit));
		List<Row> rows = new ArrayList<>();
		for (UnitRanking.Entry entry : this.metrics.units(metric, from, to, filters.with(null)).units()) {
			OrgUnit unit = visible.get(entry.unit());
			if (unit != null) {
				rows.add(new Row(rows.size() + 1, unit, (entry.parent() != null) ? visible.get(entry.parent()) : null,
						entry));
			}
		}
		model.addAttribute("metric", metric);
		model.addAttribute("metrics", Dashboard.METRICS);
		model.addAttribute("period", period);
		model.addAttribute("periods", Period.values());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("rows", rows);
		model.addAttribute("chart", chart(metric, rows));
		this.dashboard.filterChoices(model, filters);
		return "units";
	}

	@GetMapping("/units/{code}")
	String unit(@PathVariable String code, @RequestParam(name = "period", required = false) @Nullable String period,
			@RequestParam Map<String, String> parameters, Model model) {
		this.scope.requireRole(Role.VIEWER);
		OrgUnit unit = this.units.get(code);
		model.addAttribute("me", this.users.me());
		model.addAttribute("admin", this.scope.caller().has(Role.ADMIN));
		model.addAttribute("unitPage", true);
		this.dashboard.fill(model, Period.of(period), unit, SliceFilters.of(parameters));
		return "overview";
	}

	private String chart(String metric, List<Row> rows) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Row> shown = rows.subList(0, Math.min(CHART_UNITS, rows.size()));
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "bars");
		chart.put("y", shown.stream().map((row) -> row.unit().name().in(locale)).toList());
		int digits = metric.equals("nps") ? 0 : 2;
		chart.put("series",
				List.of(Map.of("name", this.messages.getMessage("units.col.shrunken", null, locale), "data",
						shown.stream().map((row) -> round(row.entry().shrunken(), digits)).toList()),
						Map.of("name", this.messages.getMessage("units.col.raw", null, locale), "data",
								shown.stream()
									.map((row) -> (row.entry().raw() != null) ? round(row.entry().raw(), digits) : 0)
									.toList())));
		return this.json.writeValueAsString(chart);
	}

	private static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

}
