package org.opencxm.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.evaluation.ExperienceLevel;
import org.opencxm.evaluation.NpsClass;
import org.opencxm.evaluation.ResponseEvaluated;
import org.opencxm.evaluation.ResponseEvaluations;
import org.opencxm.evaluation.StoredEvaluations;
import org.opencxm.journeys.Channel;
import org.opencxm.shared.SemModule;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ApplicationTest
class AnalyticsApiTests {

	private static final LocalDate DAY = LocalDate.of(2024, 3, 14);

	@Autowired
	Api api;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ResponseEvaluations evaluations;

	@Autowired
	JdbcClient jdbc;

	private Map<String, Object> unit(String code, String parent, String kind) {
		return Api.orgUnit(code, parent, kind);
	}

	private long create(String code, String parent, String kind) {
		return this.api.admin()
			.post("/api/v1/org-units", unit(code, parent, kind))
			.expect(201)
			.json()
			.get("id")
			.asLong();
	}

	private ResponseEvaluated evaluated(long unitId, int nps, int csat) {
		long responseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
		NpsClass npsClass = NpsClass.of(nps);
		return new ResponseEvaluated(responseId, 987_654_321L, 1L, null, null, null, unitId, null, Channel.STORE,
				Instant.parse("2024-03-14T02:00:00Z"), DAY, "new", "gold", "30-39", nps, npsClass, csat, csat >= 4, 5,
				Map.of(SemModule.SENSE, 70.0), 0.5, ExperienceLevel.MEDIUM, null, 6.0, 5.0,
				Map.of("nps", (double) nps, "csat", (double) csat, "speed", 4.0));
	}

	private StoredEvaluations stored() {
		return new StoredEvaluations(this.evaluations, this.transactions, this.events);
	}

	private void publish(ResponseEvaluated event) {
		stored().publish(event);
	}

	private JsonNode metric(Api.Caller caller, String query) {
		return caller.get("/api/v1/analytics/metrics?from=2024-03-01&to=2024-03-31&" + query).expect(200).json();
	}

	private long responses(String unit) {
		JsonNode points = metric(this.api.admin(), "metric=responses&unit=" + unit).get("points");
		return points.isEmpty() ? 0 : points.get(0).get("figure").get("n").asLong();
	}

	@Test
	void anEvaluatedResponseIsInTheMetricsWithinASecondAndCountedOnceWhenDeliveredTwice() {
		String company = Api.unique("an");
		long store = create(company + "-s1", null, "COMPANY");
		ResponseEvaluated event = evaluated(store, 10, 5);
		publish(event);
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> responses(company + "-s1") == 1);
		publish(event);
		publish(evaluated(store, 3, 2));
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> responses(company + "-s1") == 2);
		JsonNode nps = metric(this.api.admin(), "metric=nps&grain=month&unit=" + company + "-s1").get("points").get(0);
		assertThat(nps.get("period").asString()).isEqualTo("2024-03-01");
		assertThat(nps.get("figure").get("n").asLong()).isEqualTo(2);
		assertThat(nps.get("figure").get("value").asDouble()).isEqualTo(0.0);
		assertThat(nps.get("figure").get("smallSample").asBoolean()).isTrue();
		assertThat(nps.get("figure").get("interval")).isNotNull();
		JsonNode csat = metric(this.api.admin(), "metric=csat&by=unit,channel&unit=" + company + "-s1").get("points")
			.get(0);
		assertThat(csat.get("group").get("unit").asString()).isEqualTo(company + "-s1");
		assertThat(csat.get("group").get("channel").asString()).isEqualTo("STORE");
		assertThat(csat.get("figure").get("value").asDouble()).isEqualTo(3.5);
		JsonNode rating = metric(this.api.admin(), "metric=rating&question=speed&unit=" + company + "-s1").get("points")
			.get(0);
		assertThat(rating.get("figure").get("value").asDouble()).isEqualTo(4.0);
	}

	@Test
	void aResponseQueuedWhenTheProcessStoppedIsRolledUpFromTheDatabaseAlone() {
		String company = Api.unique("an");
		long store = create(company + "-s1", null, "COMPANY");
		ResponseEvaluated event = evaluated(store, 9, 4);
		// What a process killed right after the evaluation committed leaves: the stored
		// evaluation and its queue entry, no event in memory.
		this.transactions.executeWithoutResult((status) -> {
			stored().store(event);
			this.jdbc.sql("insert into analytics_queue (response_id) values (?)").param(event.responseId()).update();
		});
		awaitResponses(company + "-s1", 1);
		assertThat(queued(event)).isFalse();
	}

	@Test
	void anEvaluationWhoseTransactionRolledBackIsNotCounted() {
		String company = Api.unique("an");
		long store = create(company + "-s1", null, "COMPANY");
		ResponseEvaluated undone = evaluated(store, 2, 1);
		this.transactions.executeWithoutResult((status) -> {
			publish(undone);
			status.setRollbackOnly();
		});
		ResponseEvaluated kept = evaluated(store, 10, 5);
		publish(kept);
		awaitResponses(company + "-s1", 1);
		JsonNode nps = metric(this.api.admin(), "metric=nps&unit=" + company + "-s1").get("points").get(0);
		assertThat(nps.get("figure").get("value").asDouble()).isEqualTo(100.0);
		assertThat(queued(undone)).isFalse();
	}

	/**
	 * Waits (at most the second the rollup is allowed) until the unit has that many
	 * responses.
	 */
	private void awaitResponses(String unit, long count) {
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> responses(unit) == count);
	}

	private boolean queued(ResponseEvaluated event) {
		return this.jdbc.sql("select count(*) from analytics_queue where response_id = ?")
			.param(event.responseId())
			.query(Long.class)
			.single() > 0;
	}

	@Test
	void aResponseToMoreQuestionsThanARatingRowHoldsHasTheMeanOfEach() {
		String company = Api.unique("an");
		long store = create(company + "-s1", null, "COMPANY");
		StoredEvaluations stored = stored();
		long survey = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
		for (int response = 0; response < 2; response++) {
			Map<String, Double> scores = new java.util.TreeMap<>();
			for (int q = 1; q <= 2 * RatingSlots.WIDTH + 3; q++) {
				scores.put("q%02d".formatted(q), (double) (q + response));
			}
			ResponseEvaluated event = evaluated(store, 9, 4);
			stored.publish(new ResponseEvaluated(event.responseId(), survey, 1L, null, null, null, store, null,
					Channel.STORE, event.submittedAt(), DAY, null, null, "30-39", null, null, null, null, null,
					Map.of(), null, null, null, null, null, scores));
		}
		for (int q : new int[] { 1, RatingSlots.WIDTH, RatingSlots.WIDTH + 1, 2 * RatingSlots.WIDTH + 3 }) {
			String question = "q%02d".formatted(q);
			await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
				JsonNode points = metric(this.api.admin(),
						"metric=rating&question=" + question + "&unit=" + company + "-s1")
					.get("points");
				assertThat(points).as(question).hasSize(1);
				assertThat(points.get(0).get("figure").get("n").asLong()).isEqualTo(2);
				assertThat(points.get(0).get("figure").get("value").asDouble()).isEqualTo(q + 0.5);
			});
		}
		assertThat(this.jdbc.sql("select count(*) from analytics_rating_daily where survey_id = ?")
			.param(survey)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aScopedCallerSeesOnlyItsSubtree() {
		String company = Api.unique("an");
		create(company, null, "COMPANY");
		long east = create(company + "-e", company, "REGION");
		long west = create(company + "-w", company, "REGION");
		publish(evaluated(east, 9, 5));
		publish(evaluated(west, 2, 1));
		publish(evaluated(west, 2, 1));
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> responses(company) == 3);
		Api.Caller scoped = this.api.as(this.api.userToken("VIEWER", company + "-e"));
		JsonNode points = metric(scoped, "metric=responses&by=unit").get("points");
		assertThat(points)
			.allSatisfy((p) -> assertThat(p.get("group").get("unit").asString()).isNotEqualTo(company + "-w"));
		assertThat(points.findValuesAsString("unit")).contains(company + "-e");
		JsonNode ranking = this.api.admin()
			.get("/api/v1/analytics/units?metric=csat&from=2024-03-01&to=2024-03-31")
			.expect(200)
			.json();
		assertThat(ranking.get("units").findValuesAsString("unit")).contains(company + "-e", company + "-w");
		JsonNode eastOnly = this.api.admin()
			.get("/api/v1/analytics/units?metric=csat&from=2024-03-01&to=2024-03-31&unit=" + company + "-e")
			.expect(200)
			.json();
		assertThat(eastOnly.get("units").findValuesAsString("unit")).containsExactly(company + "-e");
		assertThat(eastOnly.get("units").get(0).get("n").asLong()).isEqualTo(1);
		assertThat(this.api.admin()
			.get("/api/v1/analytics/units?metric=csat&from=2024-03-01&to=2024-03-31&channel=PHONE&unit=" + company)
			.expect(200)
			.json()
			.get("units")).isEmpty();
		JsonNode tier = this.api.admin()
			.get("/api/v1/analytics/units?metric=csat&value-tier=GOLDEN")
			.expect(422)
			.json();
		assertThat(tier.get("errors").get(0).get("field").asString()).isEqualTo("value-tier");
		JsonNode compared = metric(this.api.admin(), "metric=nps&compare=previous&unit=" + company).get("points")
			.get(0)
			.get("figure");
		assertThat(compared.get("previous").get("n").asLong()).isZero();
	}

	@Test
	void unknownMetricsDimensionsAndCodesAreRejectedWithTheirField() {
		JsonNode metric = this.api.admin().get("/api/v1/analytics/metrics?metric=happiness").expect(422).json();
		assertThat(metric.get("errors").get(0).get("field").asString()).isEqualTo("metric");
		JsonNode by = this.api.admin().get("/api/v1/analytics/metrics?metric=nps&by=colour").expect(422).json();
		assertThat(by.get("errors").get(0).get("field").asString()).isEqualTo("by");
		JsonNode unit = this.api.admin().get("/api/v1/analytics/metrics?metric=nps&unit=nowhere").expect(422).json();
		assertThat(unit.get("errors").get(0).get("field").asString()).isEqualTo("unit");
		JsonNode grain = this.api.admin().get("/api/v1/analytics/metrics?metric=nps&grain=year").expect(422).json();
		assertThat(grain.get("errors").get(0).get("field").asString()).isEqualTo("grain");
		this.api.admin().get("/api/v1/analytics/metrics?metric=nps&from=yesterday").expect(400);
		this.api.admin().get("/api/v1/analytics/units?metric=experience-levels").expect(422);
		this.api.as(this.api.userToken("CX_MANAGER", null)).post("/api/v1/analytics/rebuild", Map.of()).expect(403);
	}

	@Test
	void aRebuildFromTheStoredEvaluationsGivesTheSameRowsAsTheIncrementalPath() {
		this.api.admin().post("/api/v1/analytics/rebuild", Map.of()).expect(200);
		List<Map<String, Object>> incremental = rows();
		this.api.admin().post("/api/v1/analytics/rebuild", Map.of()).expect(200);
		assertThat(rows()).isEqualTo(incremental);
	}

	private List<Map<String, Object>> rows() {
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		Map<String, String> tables = Map.of("analytics_daily", "1, 2, 3, 4, 5, 6, 7, 8, 9", "analytics_company_daily",
				"1, 2, 3, 4, 5", "analytics_company_monthly", "1, 2, 3, 4, 5", "analytics_rating_daily",
				"1, 2, 3, 4, 5", "analytics_driver_daily", "1, 2, 3", "aggregated_response", "1");
		tables.forEach((table, order) -> rows
			.addAll(this.jdbc.sql("select * from " + table + " order by " + order).query().listOfRows()));
		return rows;
	}

}
