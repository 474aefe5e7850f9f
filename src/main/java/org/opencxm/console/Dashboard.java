package org.opencxm.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.opencxm.actions.LoopFigures;
import org.opencxm.actions.LoopMetrics;
import org.opencxm.analytics.ExpectationGap;
import org.opencxm.analytics.Figure;
import org.opencxm.analytics.MetricPoint;
import org.opencxm.analytics.PeriodComparisons;
import org.opencxm.analytics.UnitChange;
import org.opencxm.customers.AgeBand;
import org.opencxm.customers.ValueTier;
import org.opencxm.evaluation.ExperienceLevel;
import org.opencxm.journeys.Journey;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.TouchpointNode;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.shared.LocalDays;
import org.opencxm.shared.LocalizedText;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the overview shows for a period and, optionally, an org unit with its subtree:
 * headline figures against the previous period, trend lines with their 95% intervals, the
 * experience-level mix, the loop metrics and the units that moved most. Everything comes
 * from the analytics aggregates and the loop metrics, never from raw responses.
 */
@Component
class Dashboard {

	/** The headline metrics, in display order. */
	static final List<String> METRICS = List.of("nps", "csat", "ces");

	private static final String LEVELS = "experience-levels";

	private static final int MOVERS = 5;

	private final PeriodComparisons comparisons;

	private final LoopMetrics loop;

	private final OrgUnits units;

	private final DisplayTime time;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	private final Journeys journeys;

	Dashboard(PeriodComparisons comparisons, LoopMetrics loop, OrgUnits units, DisplayTime time, MessageSource messages,
			JsonMapper json, Clock clock, Journeys journeys) {
		this.journeys = journeys;
		this.comparisons = comparisons;
		this.loop = loop;
		this.units = units;
		this.time = time;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	/** One headline metric: its figure over the period compared with the one before. */
	record Headline(String metric, Figure figure) {

	}

	/** One metric's trend: a row per period bucket, and the chart drawn from them. */
	record Trend(String metric, List<MetricPoint> points, String chart) {

	}

	/**
	 * The experience-level mix of one period bucket: responses and each level's share.
	 */
	record LevelRow(LocalDate period, long n, Map<ExperienceLevel, Double> shares) {

	}

	/** A touchpoint offered as a filter, indented by its depth in its stage's tree. */
	record TouchpointChoice(String code, LocalizedText name, int depth) {

	}

	/** A journey's stages and touchpoints offered as filters. */
	record JourneyChoices(Journey journey, List<TouchpointChoice> touchpoints) {

	}

	/** A unit whose metric moved, with its name. */
	record Mover(OrgUnit unit, UnitChange change) {

	}

	/**
	 * The last day of every period: the newest local day anywhere, as in the analytics
	 * API ({@link LocalDays#newest}). A day counts in its unit's time zone, so a viewer
	 * west of a unit would otherwise miss the unit's responses of its today until their
	 * own day caught up.
	 */
	LocalDate today() {
		return LocalDays.newest(this.clock);
	}

	void fill(Model model, Period period, @Nullable OrgUnit unit, SliceFilters sliceFilters) {
		ZoneId zone = this.time.zone();
		List<OrgUnit> visible = this.units.list();
		LocalDate to = today();
		LocalDate from = period.from(to);
		String unitCode = (unit != null) ? unit.code() : null;
		Map<String, String> filters = sliceFilters.with(unitCode);
		model.addAttribute("period", period);
		model.addAttribute("periods", Period.values());
		model.addAttribute("unit", unit);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("units", UnitAdminController.treeOrder(visible));
		filterChoices(model, sliceFilters);

		List<Headline> headlines = new ArrayList<>();
		List<Trend> trends = new ArrayList<>();
		List<String> charted = new ArrayList<>(METRICS);
		charted.add(LEVELS);
		PeriodComparisons.Headline headline = this.comparisons.headline(METRICS, charted, filters, period.grain(), from,
				to);
		Map<String, Figure> compared = headline.figures();
		Map<String, List<MetricPoint>> series = headline.series();
		for (String metric : METRICS) {
			headlines.add(new Headline(metric, Objects.requireNonNull(compared.get(metric))));
			List<MetricPoint> points = series.getOrDefault(metric, List.of());
			trends.add(new Trend(metric, points, trendChart(metric, points)));
		}
		model.addAttribute("headlines", headlines);
		model.addAttribute("trends", trends);

		List<LevelRow> levels = levels(series.getOrDefault(LEVELS, List.of()));
		model.addAttribute("levels", levels);
		model.addAttribute("levelNames", ExperienceLevel.values());
		model.addAttribute("levelTotals", levelTotals(levels));
		model.addAttribute("levelsChart", levelsChart(levels));

		model.addAttribute("loop", loopFigures(from, to, unitCode, zone));
		model.addAttribute("loopBefore", loopFigures(from.minusDays(period.days()), from.minusDays(1), unitCode, zone));

		List<Mover> movers = new ArrayList<>();
		Map<String, OrgUnit> byCode = new LinkedHashMap<>();
		visible.forEach((candidate) -> byCode.put(candidate.code(), candidate));
		for (UnitChange change : this.comparisons.units("nps", filters, from, to, MOVERS)) {
			OrgUnit moved = byCode.get(change.unit());
			if (moved != null) {
				movers.add(new Mover(moved, change));
			}
		}
		model.addAttribute("movers", movers);
	}

	/**
	 * The filters set and the choices of the stage, touchpoint and customer-segment
	 * selects (the fragments {@code journeyFilters} and {@code segmentFilters}).
	 */
	void filterChoices(Model model, SliceFilters filters) {
		List<Journey> journeys = this.journeys.list();
		model.addAttribute("journeyChoices", journeys.stream().map(Dashboard::choices).toList());
		segmentChoices(model, journeys, filters);
	}

	/**
	 * The filters set and the choices of the customer-segment selects (the fragment
	 * {@code segmentFilters}): every journey's lifecycle classes, the value tiers and the
	 * age bands.
	 */
	static void segmentChoices(Model model, List<Journey> journeys, SliceFilters filters) {
		model.addAttribute("filters", filters);
		Map<String, Journey.LifecycleClass> classes = new LinkedHashMap<>();
		journeys.forEach((journey) -> journey.lifecycleClasses()
			.forEach((candidate) -> classes.putIfAbsent(candidate.code(), candidate)));
		model.addAttribute("lifecycleClasses", classes.values());
		model.addAttribute("valueTiers", ValueTier.values());
		model.addAttribute("ageBands", AgeBand.values());
	}

	private static JourneyChoices choices(Journey journey) {
		List<TouchpointChoice> touchpoints = new ArrayList<>();
		journey.stages().forEach((stage) -> addChoices(stage.touchpoints(), 0, touchpoints));
		return new JourneyChoices(journey, touchpoints);
	}

	private static void addChoices(List<TouchpointNode> nodes, int depth, List<TouchpointChoice> choices) {
		for (TouchpointNode node : nodes) {
			choices.add(new TouchpointChoice(node.touchpoint().code(), node.touchpoint().name(), depth));
			addChoices(node.children(), depth + 1, choices);
		}
	}

	private @Nullable LoopFigures loopFigures(LocalDate from, LocalDate to, @Nullable String unit, ZoneId zone) {
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		List<LoopFigures> figures = this.loop.figures(LoopMetrics.GroupBy.ALL, start, end, unit, zone);
		return figures.isEmpty() ? null : figures.get(0);
	}

	static List<LevelRow> levels(List<MetricPoint> points) {
		List<LevelRow> rows = new ArrayList<>();
		for (MetricPoint point : points) {
			Map<ExperienceLevel, Double> shares = new EnumMap<>(ExperienceLevel.class);
			Map<String, Figure> levels = (point.figure().levels() != null) ? point.figure().levels() : Map.of();
			for (ExperienceLevel level : ExperienceLevel.values()) {
				Figure share = levels.get(level.name());
				shares.put(level, (share != null && share.value() != null) ? share.value() : 0.0);
			}
			rows.add(new LevelRow(point.period(), point.figure().n(), shares));
		}
		return rows;
	}

	/**
	 * The mix over the whole period: each level's share of all responses with a level.
	 */
	static Map<ExperienceLevel, Double> levelTotals(List<LevelRow> rows) {
		Map<ExperienceLevel, Double> counts = new EnumMap<>(ExperienceLevel.class);
		long n = rows.stream().mapToLong(LevelRow::n).sum();
		for (ExperienceLevel level : ExperienceLevel.values()) {
			double count = rows.stream().mapToDouble((row) -> row.n() * row.shares().get(level)).sum();
			counts.put(level, (n > 0) ? count / n : 0.0);
		}
		return counts;
	}

	String trendChart(String metric, List<MetricPoint> points) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "trend");
		chart.put("name", message("metric." + metric));
		chart.put("band", message("overview.interval"));
		chart.put("decimals", metric.equals("nps") ? 0 : 2);
		// The band of a small sample can reach past what the metric can be; it is cut at
		// the scale's ends, where the axis stops too.
		double[] scale = switch (metric) {
			case "nps" -> new double[] { -100, 100 };
			case "csat" -> new double[] { 1, 5 };
			case "ces" -> new double[] { 1, 7 };
			default -> new double[] { Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY };
		};
		if (Double.isFinite(scale[0])) {
			chart.put("min", scale[0]);
			chart.put("max", scale[1]);
		}
		List<String> x = new ArrayList<>();
		List<@Nullable Double> y = new ArrayList<>();
		List<@Nullable Double> lower = new ArrayList<>();
		List<@Nullable Double> upper = new ArrayList<>();
		for (MetricPoint point : points) {
			Figure figure = point.figure();
			x.add(point.period().toString());
			y.add(figure.value());
			lower.add((figure.interval() != null) ? Math.max(scale[0], figure.interval().lower()) : null);
			upper.add((figure.interval() != null) ? Math.min(scale[1], figure.interval().upper()) : null);
		}
		chart.put("x", x);
		chart.put("y", y);
		chart.put("lower", lower);
		chart.put("upper", upper);
		return this.json.writeValueAsString(chart);
	}

	String levelsChart(List<LevelRow> rows) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "stack");
		chart.put("x", rows.stream().map((row) -> row.period().toString()).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		for (ExperienceLevel level : ExperienceLevel.values()) {
			series.add(Map.of("name", message("enum.ExperienceLevel." + level.name()), "level", level.name(), "data",
					rows.stream().map((row) -> Math.round(1000 * row.shares().get(level)) / 10.0).toList()));
		}
		chart.put("series", series);
		return this.json.writeValueAsString(chart);
	}

	/**
	 * Each attribute's mean gap as a bar from zero, short of expectation to the left,
	 * with its interval; labelled by the question in the page's language.
	 */
	String gapsChart(List<ExpectationGap> gaps) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "gaps");
		chart.put("name", message("touchpoint.gaps.mean"));
		chart.put("band", message("overview.interval"));
		List<Map<String, @Nullable Object>> points = new ArrayList<>();
		for (ExpectationGap gap : gaps) {
			Figure figure = gap.gap();
			Map<String, @Nullable Object> point = new LinkedHashMap<>();
			point.put("name", gapLabel(gap, locale));
			point.put("value", figure.value());
			// Cut at the ends of the scale (−6 to +6), which a small sample's interval
			// can pass.
			point.put("lower", (figure.interval() != null) ? Math.max(-6, figure.interval().lower()) : null);
			point.put("upper", (figure.interval() != null) ? Math.min(6, figure.interval().upper()) : null);
			point.put("n", figure.n());
			points.add(point);
		}
		chart.put("points", points);
		return this.json.writeValueAsString(chart);
	}

	/** The question as asked, or its attribute where the survey no longer asks it. */
	static String gapLabel(ExpectationGap gap, Locale locale) {
		return (gap.text() != null) ? gap.text().in(locale) : gap.attribute();
	}

	private String message(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, null, key, locale);
	}

}
