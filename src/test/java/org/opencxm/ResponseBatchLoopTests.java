package org.opencxm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Responses recorded a batch at a time travel the same chain as single ones (evaluated,
 * rolled up, checked against the alert rules) and are counted once, even when the batch
 * is sent again.
 */
@ApplicationTest
class ResponseBatchLoopTests {

	@Autowired
	Api api;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void aBatchIsEvaluatedAndRolledUpOnceAndARetryAddsNothing() {
		String store = store();
		String survey = survey();
		this.api.admin()
			.post("/api/v1/alert-rules",
					Map.of("code", Api.unique("rule"), "name", text("强烈贬损", "Strong detractor"), "condition",
							Map.of("field", "nps", "op", "lte", "value", 3), "limits", Map.of("units", List.of(store)),
							"action", Map.of("openCase", true, "priority", "P2")))
			.expect(201);
		List<Map<String, Object>> items = new ArrayList<>();
		int[] nps = { 10, 9, 3, 7, 0, 8, 6, 9, 2, 5, 10, 4 };
		for (int i = 0; i < nps.length; i++) {
			String customer = Api.unique("c");
			this.api.admin().put("/api/v1/customers/" + customer, Map.of("homeUnitCode", store)).expect(201);
			Map<String, Object> answers = new HashMap<>();
			answers.put("nps", nps[i]);
			answers.put("csat", 1 + nps[i] / 3);
			answers.put("ces", 1 + nps[i] / 2);
			answers.put("sem-feel", 1 + (nps[i] * 3) % 7);
			answers.put("comment", (nps[i] >= 9) ? "服务很好，很满意" : "等了太久了");
			items.add(Map.of("responseKey", Api.unique("k"), "customer", customer, "unit", store, "answers", answers,
					"language", "zh-CN", "submittedAt", Instant.now().minus(Duration.ofHours(i + 1)).toString()));
		}
		JsonNode result = this.api.admin()
			.post("/api/v1/surveys/" + survey + "/responses/batch", Map.of("items", items))
			.expect(200)
			.json();
		assertThat(result.get("received").asInt()).isEqualTo(nps.length);
		assertThat(result.get("created").asInt()).isEqualTo(nps.length);
		long surveyId = this.jdbc.queryForObject("select id from survey where code = ?", Long.class, survey);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(rolledUp(surveyId)).isEqualTo(nps.length));
		List<Map<String, Object>> incremental = rows(surveyId);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cases(store)).isEqualTo(3));

		JsonNode again = this.api.admin()
			.post("/api/v1/surveys/" + survey + "/responses/batch", Map.of("items", items))
			.expect(200)
			.json();
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("ids")).isEqualTo(result.get("ids"));
		long first = result.get("ids").get(0).asLong();
		this.api.admin().get("/api/v1/responses/" + first + "/evaluation").expect(200);
		long last = result.get("ids").get(nps.length - 1).asLong();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					this.api.admin().get("/api/v1/responses/" + last + "/comments").expect(200).json().toString())
				.contains("\"language\""));
		assertThat(this.jdbc.queryForObject("select count(*) from response_evaluation where survey_id = ?", Long.class,
				surveyId))
			.isEqualTo(nps.length);
		assertThat(rows(surveyId)).isEqualTo(incremental);
		this.api.admin().post("/api/v1/analytics/rebuild", Map.of()).expect(200);
		assertThat(rows(surveyId)).isEqualTo(incremental);
		assertThat(cases(store)).isEqualTo(3);
	}

	private long cases(String unit) {
		return this.api.admin().get("/api/v1/cases?size=1&unit=" + unit).expect(200).json().get("total").asLong();
	}

	@Test
	void rejectsTheWholeBatchNamingTheBadResponse() {
		String store = store();
		String survey = survey();
		String customer = Api.unique("c");
		this.api.admin().put("/api/v1/customers/" + customer, Map.of("homeUnitCode", store)).expect(201);
		Map<String, Object> good = Map.of("responseKey", Api.unique("k"), "customer", customer, "unit", store,
				"answers", Map.of("nps", 9, "csat", 5, "ces", 7));
		Map<String, Object> bad = Map.of("responseKey", Api.unique("k"), "customer", customer, "unit", store, "answers",
				Map.of("nps", 11, "csat", 5, "ces", 7));
		JsonNode problem = this.api.admin()
			.post("/api/v1/surveys/" + survey + "/responses/batch", Map.of("items", List.of(good, bad)))
			.expect(422)
			.json();
		assertThat(problem.toString()).contains("answers.nps").contains("\"index\":1");
		assertThat(this.api.admin().get("/api/v1/responses?survey=" + survey).expect(200).json().get("total").asLong())
			.isZero();
		this.api.as(this.api.userToken("VIEWER", store))
			.post("/api/v1/surveys/" + survey + "/responses/batch", Map.of("items", List.of(good)))
			.expect(403);
	}

	private long rolledUp(long surveyId) {
		return this.jdbc.queryForObject("select coalesce(sum(responses), 0) from analytics_daily where survey_id = ?",
				Long.class, surveyId);
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

	private String store() {
		String company = Api.unique("co");
		String store = company + "-store";
		this.api.admin()
			.post("/api/v1/org-units", Map.of("code", company, "kind", "COMPANY", "name", text("公司", "Company")))
			.expect(201);
		this.api.admin()
			.post("/api/v1/org-units",
					Map.of("code", store, "parentCode", company, "kind", "STORE", "name", text("门店", "Store")))
			.expect(201);
		return store;
	}

	private String survey() {
		String survey = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys/from-template/touchpoint?code=" + survey + "&publish=true", "")
			.expect(201);
		return survey;
	}

	private static Map<String, String> text(String zh, String en) {
		return Map.of("zh-CN", zh, "en", en);
	}

}
