package org.opencxm.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.opencxm.ApplicationTest;
import org.opencxm.evaluation.ExperienceLevel;
import org.opencxm.evaluation.NpsClass;
import org.opencxm.evaluation.ResponseEvaluated;
import org.opencxm.evaluation.ResponseEvaluations;
import org.opencxm.evaluation.StoredEvaluations;
import org.opencxm.journeys.Channel;
import org.opencxm.shared.SemModule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ApplicationTest
class CompanyAggregatesTests {

	private static final LocalDate FIRST = LocalDate.of(2023, 1, 20);

	@Autowired
	Metrics metrics;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ResponseEvaluations evaluations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void companyWideFiguresEqualThoseSummedFromEveryUnitsDailyRowsForAnyGrainAndPeriod() {
		long survey = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
		for (int i = 0; i < 300; i++) {
			publish(evaluated(survey, FIRST.plusDays(i % 100), 1 + i % 3, 10 + i % 7, i % 11, 1 + i % 5));
		}
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.jdbc.sql("select coalesce(sum(responses), 0) from analytics_daily where survey_id = ?")
				.param(survey)
				.query(Long.class)
				.single() == 300);
		Map<String, Object> params = Map.of("f_survey", survey);
		Metrics.Slice company = new Metrics.Slice("analytics_daily", " and survey_id in (:f_survey)", params, Map.of(),
				true, Rollup.COUNTS, List.of());
		Metrics.Slice units = new Metrics.Slice("analytics_daily", " and survey_id in (:f_survey)", params, Map.of(),
				false, Rollup.COUNTS, List.of());
		List<List<Dimension>> splits = List.of(List.of(), List.of(Dimension.TOUCHPOINT),
				List.of(Dimension.STAGE, Dimension.CHANNEL));
		List<LocalDate[]> periods = List.of(new LocalDate[] { FIRST, FIRST.plusDays(99) },
				new LocalDate[] { LocalDate.of(2023, 2, 1), LocalDate.of(2023, 3, 31) },
				new LocalDate[] { LocalDate.of(2023, 2, 10), LocalDate.of(2023, 2, 20) },
				new LocalDate[] { LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31) });
		for (Grain grain : Grain.values()) {
			for (List<Dimension> by : splits) {
				for (LocalDate[] period : periods) {
					Map<String, List<Figure>> fast = figures(company, by, grain, period);
					assertThat(fast).isNotEmpty().isEqualTo(figures(units, by, grain, period));
				}
			}
		}
		assertThat(this.jdbc.sql("select count(*) from analytics_company_monthly where survey_id = ?")
			.param(survey)
			.query(Long.class)
			.single()).isEqualTo(4 * 3);
	}

	private Map<String, List<Figure>> figures(Metrics.Slice slice, List<Dimension> by, Grain grain,
			LocalDate[] period) {
		Map<String, List<Figure>> figures = new LinkedHashMap<>();
		this.metrics.sums(slice, by, grain, period[0], period[1])
			.forEach((key, totals) -> figures.put(key.toString(),
					List.of(Figures.of(Metric.NPS, totals), Figures.of(Metric.CSAT, totals),
							Figures.of(Metric.RESPONSES, totals), Figures.of(Metric.EXPERIENCE_LEVELS, totals),
							Figures.of(Metric.SEM_SENSE, totals))));
		return figures;
	}

	private ResponseEvaluated evaluated(long survey, LocalDate day, long touchpoint, long unit, int nps, int csat) {
		long responseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
		return new ResponseEvaluated(responseId, survey, 1L, null, touchpoint, touchpoint * 10, unit, null,
				(touchpoint == 3) ? Channel.APP : Channel.STORE, day.atStartOfDay(ZoneOffset.UTC).toInstant(), day,
				(unit % 2 == 0) ? "new" : "loyal", "gold", "30-39", nps, NpsClass.of(nps), csat, csat >= 4, 5,
				Map.of(SemModule.SENSE, 10.0 * csat), 0.5, ExperienceLevel.values()[csat - 1], null, 6.0, 5.0,
				Map.of("nps", (double) nps, "csat", (double) csat));
	}

	private void publish(ResponseEvaluated event) {
		new StoredEvaluations(this.evaluations, this.transactions, this.events).publish(event);
	}

}
