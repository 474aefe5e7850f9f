package org.opencxm.analytics;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics",
		description = "Metrics with intervals, comparisons, unit rankings, key drivers and journey analytics")
class AnalyticsController {

	private final Metrics metrics;

	private final Rollup rollup;

	private final KeyDrivers keyDrivers;

	private final JourneyAnalytics journeys;

	AnalyticsController(Metrics metrics, Rollup rollup, KeyDrivers keyDrivers, JourneyAnalytics journeys) {
		this.metrics = metrics;
		this.rollup = rollup;
		this.keyDrivers = keyDrivers;
		this.journeys = journeys;
	}

	@GetMapping("/journeys/{journey}")
	JourneyMap journey(@PathVariable String journey, @RequestParam(required = false) @Nullable String metric,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(name = "lifecycle-class", required = false) @Nullable String lifecycleClass,
			@RequestParam(name = "value-tier", required = false) @Nullable String valueTier,
			@RequestParam(name = "age-band", required = false) @Nullable String ageBand,
			@RequestParam(required = false) @Nullable String survey) {
		return this.journeys.map(journey, metric, from, to,
				new SliceFilters(null, null, unit, channel, lifecycleClass, valueTier, ageBand, survey).filters());
	}

	@GetMapping("/journeys/{journey}/funnel")
	JourneyFunnel funnel(@PathVariable String journey,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String unit) {
		return this.journeys.funnel(journey, from, to, unit);
	}

	@GetMapping("/key-drivers")
	KeyDriverAnalysis keyDrivers(@RequestParam String survey,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return this.keyDrivers.analyse(survey, from, to);
	}

	record Rebuilt(int responses) {

	}

	@PostMapping("/rebuild")
	Rebuilt rebuild() {
		return new Rebuilt(this.rollup.rebuild());
	}

	@GetMapping("/metrics")
	MetricSeries metrics(@RequestParam String metric, @RequestParam(required = false) @Nullable String question,
			@RequestParam(required = false) @Nullable List<String> by,
			@RequestParam(required = false) @Nullable String grain,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String compare, @ParameterObject SliceFilters slice) {
		List<String> dimensions = (by != null) ? by.stream()
			.flatMap((b) -> java.util.Arrays.stream(b.split(",")))
			.map(String::trim)
			.filter((b) -> !b.isEmpty())
			.toList() : List.of();
		return this.metrics
			.query(new Metrics.Query(metric, question, dimensions, grain, from, to, compare, slice.filters()));
	}

	@GetMapping("/expectation-gaps")
	List<ExpectationGap> expectationGaps(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String touchpoint,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String survey) {
		return this.metrics.gaps(from, to,
				new SliceFilters(touchpoint, null, unit, null, null, null, null, survey).filters());
	}

	@GetMapping("/units")
	UnitRanking units(@RequestParam String metric,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@ParameterObject SliceFilters slice) {
		return this.metrics.units(metric, from, to, slice.filters());
	}

}
