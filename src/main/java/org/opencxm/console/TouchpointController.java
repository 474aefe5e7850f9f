package org.opencxm.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.actions.CaseQuery;
import org.opencxm.actions.CaseStatus;
import org.opencxm.actions.Cases;
import org.opencxm.analytics.ExpectationGap;
import org.opencxm.analytics.Figure;
import org.opencxm.analytics.JourneyAnalytics;
import org.opencxm.analytics.JourneyMap;
import org.opencxm.analytics.MetricSeries;
import org.opencxm.analytics.Metrics;
import org.opencxm.evaluation.ExperienceLevel;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.Touchpoint;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.shared.PageRequest;
import org.opencxm.surveys.Answer;
import org.opencxm.surveys.ResponseFilter;
import org.opencxm.surveys.Responses;
import org.opencxm.surveys.SurveyResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One touchpoint: its SEM profile (sense, feel, think, act, relate), its experience-level
 * mix, the gap between what customers expected and perceived of each attribute asked
 * about, its CSAT trend, its checklist of standard actions, the latest comments given at
 * it and the cases open at it, for the period and unit in the URL like the journey map. A
 * unit the caller may not see is a 404; comments and cases are limited to the caller's
 * units by the services that read them.
 */
@Controller
class TouchpointController {

	/** The SEM modules in the order the radar draws them, clockwise from the top. */
	static final List<String> SEM = List.of("sense", "feel", "think", "act", "relate");

	private static final int COMMENTS = 10;

	private static final int CASES = 20;

	/** The newest responses searched for comments; many have none. */
	private static final int COMMENT_SCAN = 100;

	private final OrgScope scope;

	private final Touchpoints touchpoints;

	private final JourneyAnalytics analytics;

	private final Metrics metrics;

	private final Responses responses;

	private final Cases cases;

	private final OrgUnits units;

	private final Dashboard dashboard;

	private final DisplayTime time;

	private final CommentMarks marks;

	private final Journeys journeys;

	TouchpointController(OrgScope scope, Touchpoints touchpoints, JourneyAnalytics analytics, Metrics metrics,
			Responses responses, Cases cases, OrgUnits units, Dashboard dashboard, DisplayTime time, CommentMarks marks,
			Journeys journeys) {
		this.journeys = journeys;
		this.marks = marks;
		this.scope = scope;
		this.touchpoints = touchpoints;
		this.analytics = analytics;
		this.metrics = metrics;
		this.responses = responses;
		this.cases = cases;
		this.units = units;
		this.dashboard = dashboard;
		this.time = time;
	}

	/** A comment given at the touchpoint, with when, marked by its stored analysis. */
	record Comment(Instant submittedAt, CommentMarks.MarkedComment comment) {

	}

	@GetMapping("/touchpoints/{code}")
	String touchpoint(@PathVariable String code,
			@RequestParam(name = "period", required = false) @Nullable String period,
			@RequestParam(name = "unit", required = false) @Nullable String unit,
			@RequestParam Map<String, String> parameters, Model model) {
		this.scope.requireRole(Role.VIEWER);
		Touchpoint touchpoint = this.touchpoints.get(code);
		SliceFilters segment = SliceFilters.customer(parameters);
		Period selected = Period.of(period);
		OrgUnit filter = (unit != null && !unit.isBlank()) ? this.units.get(unit) : null;
		String unitCode = (filter != null) ? filter.code() : null;
		LocalDate to = this.dashboard.today();
		LocalDate from = selected.from(to);
		ZoneId zone = this.time.zone();
		Map<String, String> filters = segment.with(unitCode);
		JourneyMap map = this.analytics.map(touchpoint.journeyCode(), JourneyMapController.INDEX_METRIC, from, to,
				filters);
		Map<String, Figure> scores = find(map, code).map(JourneyMap.Touchpoint::scores).orElse(Map.of());
		filters.put("touchpoint", code);
		// The per-question sums behind the gaps are kept by touchpoint and unit, not by
		// customer segment.
		Map<String, String> byQuestion = SliceFilters.NONE.with(unitCode);
		byQuestion.put("touchpoint", code);

		MetricSeries levels = this.metrics
			.query(new Metrics.Query("experience-levels", null, List.of(), selected.grain(), from, to, null, filters));
		List<Dashboard.LevelRow> levelRows = Dashboard.levels(levels.points());
		MetricSeries trend = this.metrics
			.query(new Metrics.Query("csat", null, List.of(), selected.grain(), from, to, null, filters));
		List<ExpectationGap> gaps = this.metrics.gaps(from, to, byQuestion);

		List<SurveyResponse> commented = new ArrayList<>();
		int count = 0;
		for (SurveyResponse response : this.responses
			.list(new ResponseFilter(null, code, unitCode, from.atStartOfDay(zone).toInstant(),
					to.plusDays(1).atStartOfDay(zone).toInstant(), null), new PageRequest(0, COMMENT_SCAN))
			.items()) {
			long texts = response.answers()
				.stream()
				.filter((answer) -> answer instanceof Answer.Text text && !text.text().isBlank())
				.count();
			if (texts > 0 && response.submittedAt() != null && count < COMMENTS) {
				commented.add(response);
				count += (int) texts;
			}
		}
		Map<Long, List<CommentMarks.MarkedComment>> marked = this.marks.of(commented);
		List<Comment> comments = new ArrayList<>();
		for (SurveyResponse response : commented) {
			for (CommentMarks.MarkedComment comment : marked.getOrDefault(response.id(), List.of())) {
				if (comments.size() < COMMENTS) {
					comments.add(new Comment(java.util.Objects.requireNonNull(response.submittedAt()), comment));
				}
			}
		}

		model.addAttribute("touchpoint", touchpoint);
		Dashboard.segmentChoices(model, List.of(this.journeys.get(touchpoint.journeyCode())), segment);
		model.addAttribute("scores", scores);
		model.addAttribute("sem", SEM);
		model.addAttribute("radar", Radar.of(SEM.stream().map((module) -> semValue(scores, module)).toList()));
		model.addAttribute("levelNames", ExperienceLevel.values());
		model.addAttribute("levelTotals", Dashboard.levelTotals(levelRows));
		model.addAttribute("levelsN", levelRows.stream().mapToLong(Dashboard.LevelRow::n).sum());
		model.addAttribute("levelsChart", this.dashboard.levelsChart(levelRows));
		model.addAttribute("trend", trend.points());
		model.addAttribute("trendChart", this.dashboard.trendChart("csat", trend.points()));
		model.addAttribute("gaps", gaps);
		model.addAttribute("gapsChart", this.dashboard.gapsChart(gaps));
		model.addAttribute("comments", comments);
		model.addAttribute("openCases",
				this.cases
					.list(new CaseQuery(CaseStatus.OPEN, unitCode, null, false, null, code, null, null),
							new PageRequest(0, CASES))
					.items());
		model.addAttribute("zone", zone);
		model.addAttribute("period", selected);
		model.addAttribute("periods", Period.values());
		model.addAttribute("unit", filter);
		model.addAttribute("units", UnitAdminController.treeOrder(this.units.list()));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "journeys/touchpoint";
	}

	private static @Nullable Double semValue(Map<String, Figure> scores, String module) {
		Figure figure = scores.get("sem." + module);
		return (figure != null) ? figure.value() : null;
	}

	private static Optional<JourneyMap.Touchpoint> find(JourneyMap map, String code) {
		List<JourneyMap.Touchpoint> pending = new ArrayList<>();
		map.stages().forEach((stage) -> pending.addAll(stage.touchpoints()));
		while (!pending.isEmpty()) {
			JourneyMap.Touchpoint next = pending.remove(0);
			if (next.code().equals(code)) {
				return Optional.of(next);
			}
			pending.addAll(next.children());
		}
		return Optional.empty();
	}

}
