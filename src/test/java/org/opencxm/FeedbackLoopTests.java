package org.opencxm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chain of events a piece of feedback sets off: a response is recorded, evaluated
 * (NPS class, SEM scores, experience level) and checked against the alert rules, which
 * open a case routed to the store's agent.
 */
@ApplicationTest
class FeedbackLoopTests {

	@Autowired
	Api api;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void rebuiltAggregatesEqualTheIncrementalOnes() {
		String company = Api.unique("co");
		String store = company + "-store";
		this.api.admin()
			.post("/api/v1/org-units", Map.of("code", company, "kind", "COMPANY", "name", text("公司", "Company")))
			.expect(201);
		this.api.admin()
			.post("/api/v1/org-units",
					Map.of("code", store, "parentCode", company, "kind", "STORE", "name", text("门店", "Store")))
			.expect(201);
		String survey = publishedFromTemplate("touchpoint");
		int[][] scores = { { 10, 5, 7, 6 }, { 9, 4, 6, 5 }, { 3, 2, 2, 1 }, { 7, 4, 5, 4 }, { 0, 1, 1, 2 },
				{ 8, 5, 6, 7 }, { 6, 3, 4, 3 }, { 9, 5, 3, 6 }, { 2, 1, 3, 2 }, { 5, 3, 6, 4 }, { 10, 4, 7, 7 },
				{ 4, 2, 4, 3 }, { 8, 4, 5, 5 }, { 1, 2, 1, 1 } };
		for (int[] score : scores) {
			String customer = Api.unique("c");
			this.api.admin()
				.put("/api/v1/customers/" + customer, Map.of("homeUnitCode", store, "birthYear", 1985))
				.expect(201);
			Map<String, Object> answers = new HashMap<>();
			answers.put("nps", score[0]);
			answers.put("csat", score[1]);
			answers.put("ces", score[2]);
			answers.put("sem-feel", score[3]);
			answers.put("sem-think", 1 + (score[0] * 3 + score[2]) % 7);
			answers.put("intensity", 1 + (score[1] * 2 + score[0]) % 7);
			this.api.admin()
				.send("POST", "/api/v1/surveys/" + survey + "/responses",
						Map.of("customer", customer, "unit", store, "answers", answers, "responseKey", Api.unique("k")),
						"application/json")
				.expect(201);
		}
		long surveyId = this.jdbc.queryForObject("select id from survey where code = ?", Long.class, survey);
		eventually(() -> {
			Long rolledUp = this.jdbc.queryForObject(
					"select coalesce(sum(responses), 0) from analytics_daily where survey_id = ?", Long.class,
					surveyId);
			return new Api.Response((rolledUp == scores.length) ? 200 : 404, Map.of(), "{}");
		});
		List<Map<String, Object>> incremental = rows(surveyId);
		assertThat(incremental).isNotEmpty();
		this.api.admin().post("/api/v1/analytics/rebuild", Map.of()).expect(200);
		assertThat(rows(surveyId)).isEqualTo(incremental);

		JsonNode drivers = this.api.admin().get("/api/v1/analytics/key-drivers?survey=" + survey).expect(200).json();
		assertThat(drivers.get("count").asLong()).isEqualTo(scores.length);
		assertThat(drivers.get("drivers").size()).isEqualTo(5);
		double lmgTotal = drivers.get("drivers")
			.valueStream()
			.mapToDouble((d) -> d.get("lmg").get("value").asDouble())
			.sum();
		assertThat(lmgTotal).isCloseTo(drivers.get("rSquared").get("value").asDouble(),
				org.assertj.core.api.Assertions.within(1e-9));
		String scoped = this.api.userToken("VIEWER", store);
		this.api.as(scoped).get("/api/v1/analytics/key-drivers?survey=" + survey).expect(403);
	}

	private List<Map<String, Object>> rows(long surveyId) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String table : List.of("analytics_daily", "analytics_company_daily", "analytics_company_monthly",
				"analytics_rating_daily", "analytics_driver_daily")) {
			rows.addAll(this.jdbc.queryForList("select * from " + table + " where survey_id = ? order by 1, 2, 3, 4, 5",
					surveyId));
		}
		return rows;
	}

	@Test
	void aDetractorsComplaintIsEvaluatedAndOpensACaseForTheStoresAgent() {
		String company = Api.unique("co");
		String store = company + "-store";
		this.api.admin()
			.post("/api/v1/org-units", Map.of("code", company, "kind", "COMPANY", "name", text("公司", "Company")))
			.expect(201);
		this.api.admin()
			.post("/api/v1/org-units",
					Map.of("code", store, "parentCode", company, "kind", "STORE", "name", text("门店", "Store")))
			.expect(201);
		String touchpoint = checkoutOwnedBy(store);
		String agentToken = this.api.userToken("AGENT", store);
		String agent = this.api.as(agentToken).get("/api/v1/users/me").expect(200).json().get("username").asString();
		String survey = publishedFromTemplate("touchpoint");
		Map<String, Object> rule = new HashMap<>();
		rule.put("code", Api.unique("rule"));
		rule.put("name", text("投诉风险", "Complaint risk"));
		rule.put("condition", Map.of("all", List.of(Map.of("field", "npsClass", "op", "eq", "value", "DETRACTOR"),
				Map.of("field", "comment", "op", "containsAny", "value", List.of("投诉", "complaint")))));
		rule.put("limits", Map.of("touchpoints", List.of(touchpoint)));
		rule.put("action", Map.of("openCase", true, "priority", "P2"));
		this.api.admin().post("/api/v1/alert-rules", rule).expect(201);

		String customer = Api.unique("c");
		this.api.admin()
			.put("/api/v1/customers/" + customer, Map.of("name", "王先生", "homeUnitCode", store, "valueTier", "VIP"))
			.expect(201);
		Map<String, Object> answers = new HashMap<>();
		answers.put("nps", 2);
		answers.put("csat", 1);
		answers.put("ces", 2);
		answers.put("sem-feel", 1);
		answers.put("participation", 6);
		answers.put("comment", "排队四十分钟，收银员态度很差，我要投诉！");
		long response = this.api.admin()
			.send("POST", "/api/v1/surveys/" + survey + "/responses",
					Map.of("customer", customer, "touchpoint", touchpoint, "answers", answers, "responseKey",
							Api.unique("k")),
					"application/json")
			.expect(201)
			.json()
			.get("id")
			.asLong();

		JsonNode evaluation = eventually(() -> this.api.admin().get("/api/v1/responses/" + response + "/evaluation"));
		assertThat(evaluation.get("npsClass").asString()).isEqualTo("DETRACTOR");
		assertThat(evaluation.get("csatTopTwoBox").asBoolean()).isFalse();
		assertThat(evaluation.get("experienceLevel").asString()).isEqualTo("NEGATIVE");
		assertThat(evaluation.get("severity").asString()).isEqualTo("SEVERE");
		assertThat(evaluation.get("semScores").get("FEEL").asDouble()).isZero();

		JsonNode cases = eventually(() -> {
			Api.Response listed = this.api.admin().get("/api/v1/cases?customer=" + customer);
			return (listed.status() == 200 && listed.json().get("total").asLong() > 0) ? listed
					: new Api.Response(404, Map.of(), listed.body());
		});
		JsonNode opened = cases.get("items").get(0);
		assertThat(opened.get("owner").asString()).isEqualTo(agent);
		assertThat(opened.get("priority").asString()).isEqualTo("P2");
		assertThat(this.api.as(agentToken).get("/api/v1/cases?mine=true").expect(200).json().get("total").asLong())
			.isPositive();
		this.api.admin().getAny("/api/v1/customers/" + customer + "/experience-score").expect(200);
	}

	@Test
	void aResponseWithOnlyTheRecommendationQuestionIsEvaluated() {
		String company = Api.unique("co");
		this.api.admin()
			.post("/api/v1/org-units", Map.of("code", company, "kind", "COMPANY", "name", text("公司", "Company")))
			.expect(201);
		String touchpoint = checkoutOwnedBy(company);
		String survey = publishedFromTemplate("relationship-nps");
		String customer = Api.unique("c");
		this.api.admin().put("/api/v1/customers/" + customer, Map.of("homeUnitCode", company)).expect(201);
		long response = this.api.admin()
			.send("POST", "/api/v1/surveys/" + survey + "/responses",
					Map.of("customer", customer, "touchpoint", touchpoint, "answers", Map.of("nps", 10), "responseKey",
							Api.unique("k")),
					"application/json")
			.expect(201)
			.json()
			.get("id")
			.asLong();
		JsonNode evaluation = eventually(() -> this.api.admin().get("/api/v1/responses/" + response + "/evaluation"));
		assertThat(evaluation.get("npsClass").asString()).isEqualTo("PROMOTER");
		// with no expectation items, the recommendation stands in for the expectation
		assertThat(evaluation.get("experienceLevel").asString()).isEqualTo("LOW");
		// a unit whose responses have no CSAT answer is left out of a CSAT ranking
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.api.admin().get("/api/v1/analytics/units?metric=nps").expect(200).json().toString())
				.contains(company));
		assertThat(this.api.admin().get("/api/v1/analytics/units?metric=csat").expect(200).json().toString())
			.doesNotContain(company);
	}

	/** A one-stage journey with a checkout touchpoint owned by the unit. */
	private String checkoutOwnedBy(String unit) {
		String journey = Api.unique("j");
		this.api.admin()
			.post("/api/v1/journeys",
					Map.of("code", journey, "name", text("购物", "Shopping"), "stages",
							List.of(Map.of("code", "visit", "name", text("到店", "Visit")))))
			.expect(201);
		String touchpoint = Api.unique("tp");
		this.api.admin()
			.post("/api/v1/touchpoints",
					Map.of("code", touchpoint, "journeyCode", journey, "stageCode", "visit", "name",
							text("收银台", "Checkout"), "contactType", "PERSONNEL", "channel", "STORE",
							"brandExperienceLevel", "SERVICE", "ownerUnitCode", unit))
			.expect(201);
		return touchpoint;
	}

	private String publishedFromTemplate(String template) {
		String survey = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys/from-template/" + template + "?code=" + survey + "&publish=true", "")
			.expect(201);
		return survey;
	}

	private static JsonNode eventually(Supplier<Api.Response> call) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		Api.Response last = call.get();
		while (last.status() != 200 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
			last = call.get();
		}
		assertThat(last.status()).as(last.body()).isEqualTo(200);
		return last.json();
	}

	private static Map<String, String> text(String zh, String en) {
		return Map.of("zh-CN", zh, "en", en);
	}

}
