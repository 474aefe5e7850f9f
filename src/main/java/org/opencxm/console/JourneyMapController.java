package org.opencxm.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.analytics.Figure;
import org.opencxm.analytics.JourneyAnalytics;
import org.opencxm.analytics.JourneyFunnel;
import org.opencxm.analytics.JourneyMap;
import org.opencxm.journeys.Journey;
import org.opencxm.journeys.Journeys;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The journeys and the map of each: stages left to right with their touchpoints as a tree
 * under them, each coloured by its CSAT and labelled with its share of the weighted
 * journey index, and the stage funnel of the customers who entered the journey in the
 * period. Period and unit come from the URL ({@code ?period=90d&unit=east}); a unit the
 * caller may not see is a 404.
 */
@Controller
class JourneyMapController {

	/** The metric the map colours by and the index combines. */
	static final String INDEX_METRIC = "csat";

	private final OrgScope scope;

	private final Journeys journeys;

	private final JourneyAnalytics analytics;

	private final OrgUnits units;

	private final Dashboard dashboard;

	private final MessageSource messages;

	private final JsonMapper json;

	JourneyMapController(OrgScope scope, Journeys journeys, JourneyAnalytics analytics, OrgUnits units,
			Dashboard dashboard, MessageSource messages, JsonMapper json) {
		this.scope = scope;
		this.journeys = journeys;
		this.analytics = analytics;
		this.units = units;
		this.dashboard = dashboard;
		this.messages = messages;
		this.json = json;
	}

	/**
	 * A touchpoint as drawn on the map: the analytics view, its depth in the tree and the
	 * band its score falls in.
	 */
	record Tile(JourneyMap.Touchpoint touchpoint, int depth, String band) {

		public @Nullable Double score() {
			Figure figure = this.touchpoint.scores().get(INDEX_METRIC);
			return (figure != null) ? figure.value() : null;
		}

		public long n() {
			Figure figure = this.touchpoint.scores().get(INDEX_METRIC);
			return (figure != null) ? figure.n() : 0;
		}

	}

	/** A stage with its touchpoints in tree order. */
	record Column(JourneyMap.Stage stage, String band, List<Tile> tiles) {

	}

	@GetMapping("/journeys")
	String journeys(Model model) {
		this.scope.requireRole(Role.VIEWER);
		model.addAttribute("journeys", this.journeys.list());
		return "journeys/list";
	}

	@GetMapping("/journeys/{code}")
	String journey(@PathVariable String code, @RequestParam(name = "period", required = false) @Nullable String period,
			@RequestParam(name = "unit", required = false) @Nullable String unit,
			@RequestParam Map<String, String> parameters, Model model) {
		this.scope.requireRole(Role.VIEWER);
		Period selected = Period.of(period);
		SliceFilters segment = SliceFilters.customer(parameters);
		OrgUnit filter = (unit != null && !unit.isBlank()) ? this.units.get(unit) : null;
		String unitCode = (filter != null) ? filter.code() : null;
		LocalDate to = this.dashboard.today();
		LocalDate from = selected.from(to);
		JourneyMap map = this.analytics.map(code, INDEX_METRIC, from, to, segment.with(unitCode));
		JourneyFunnel funnel = this.analytics.funnel(code, from, to, unitCode);
		List<Column> columns = new ArrayList<>();
		for (JourneyMap.Stage stage : map.stages()) {
			List<Tile> tiles = new ArrayList<>();
			stage.touchpoints().forEach((touchpoint) -> walk(touchpoint, 0, tiles));
			columns.add(new Column(stage, band(stage.index()), tiles));
		}
		Journey journey = this.journeys.get(code);
		model.addAttribute("journey", journey);
		Dashboard.segmentChoices(model, List.of(journey), segment);
		// A tile opens its touchpoint with the same period, unit and segment.
		UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("period", selected.code());
		if (unitCode != null) {
			query.queryParam("unit", unitCode);
		}
		segment.values().forEach(query::queryParam);
		model.addAttribute("tileQuery", query.encode().build().getQuery());
		model.addAttribute("map", map);
		model.addAttribute("columns", columns);
		model.addAttribute("funnel", funnel);
		model.addAttribute("funnelChart", funnelChart(funnel));
		model.addAttribute("period", selected);
		model.addAttribute("periods", Period.values());
		model.addAttribute("unit", filter);
		model.addAttribute("units", UnitAdminController.treeOrder(this.units.list()));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "journeys/map";
	}

	private static void walk(JourneyMap.Touchpoint touchpoint, int depth, List<Tile> tiles) {
		Figure own = touchpoint.scores().get(INDEX_METRIC);
		tiles.add(new Tile(touchpoint, depth, band((own != null) ? own : touchpoint.index())));
		touchpoint.children().forEach((child) -> walk(child, depth + 1, tiles));
	}

	/**
	 * The colour band of a CSAT mean on 1..5: good from 4, fair from 3, poor below; none
	 * without responses.
	 */
	static String band(@Nullable Figure figure) {
		if (figure == null || figure.value() == null || figure.n() == 0) {
			return "none";
		}
		double value = figure.value();
		if (value >= 4) {
			return "good";
		}
		return (value >= 3) ? "fair" : "poor";
	}

	private String funnelChart(JourneyFunnel funnel) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "bars");
		// Counts of customers: bars from zero, so that their lengths compare.
		chart.put("fromZero", true);
		chart.put("y", funnel.stages().stream().map((step) -> step.name().in(locale)).toList());
		chart.put("series", List.of(Map.of("name", this.messages.getMessage("journey.funnel.reached", null, locale),
				"data", funnel.stages().stream().map(JourneyFunnel.Step::reached).toList())));
		return this.json.writeValueAsString(chart);
	}

}
