package org.opencxm.actions;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.shared.SemModule;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ActionsTest
class AlertRuleTests {

	@Autowired
	Api api;

	@Autowired
	AlertRules rules;

	static Map<String, Object> escalationRisk() {
		return Map.of("all",
				List.of(Map.of("field", "npsClass", "op", "eq", "value", "DETRACTOR"),
						Map.of("any",
								List.of(Map.of("field", "comment", "op", "containsAny", "value",
										List.of("投诉", "律师", "媒体", "complaint", "lawyer")),
										Map.of("field", "sentiment", "op", "lt", "value", -0.6),
										Map.of("field", "experienceLevel", "op", "eq", "value", "NEGATIVE")))));
	}

	static String rule(Api api, Workspace ws, String priority) {
		String code = Api.unique("rule");
		api.admin()
			.post("/api/v1/alert-rules",
					Map.of("code", code, "name", Map.of("zh-CN", "升级风险", "en", "Escalation risk"), "condition",
							escalationRisk(), "limits", Map.of("touchpoints", List.of(ws.touchpoint)), "action",
							Map.of("openCase", true, "priority", priority, "notifyUnitManager", true)))
			.expect(201);
		return code;
	}

	static AlertInput detractor(Api api, Workspace ws, int nps, String comment) {
		long touchpoint = api.admin().get("/api/v1/touchpoints/" + ws.touchpoint).expect(200).json().get("id").asLong();
		long customer = api.admin().get("/api/v1/customers/" + ws.customer).expect(200).json().get("id").asLong();
		long unit = api.admin().get("/api/v1/org-units/" + ws.store).expect(200).json().get("id").asLong();
		return new AlertInput(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), customer, touchpoint, null, unit,
				Set.of("VIP"), nps, (nps <= 6) ? "DETRACTOR" : (nps <= 8) ? "PASSIVE" : "PROMOTER", 2.0, 5.0,
				Map.of(SemModule.FEEL, 1.5), "NEGATIVE", Map.of("q1", "3"), List.of(comment), -0.8);
	}

	@Test
	void aMatchingResponseOpensOneCaseForTheRuleAndTellsTheUnitManagerHoweverOftenItIsEvaluated() {
		Workspace ws = new Workspace(this.api);
		String code = rule(this.api, ws, "P1");
		AlertInput input = detractor(this.api, ws, 2, "配送太慢了，我要找律师投诉！");
		List<AlertMatch> matches = this.rules.evaluate(input).stream().filter((m) -> m.rule().equals(code)).toList();
		assertThat(matches).hasSize(1);
		assertThat(matches.get(0).firstTime()).isTrue();
		long caseId = matches.get(0).caseId();
		List<AlertMatch> again = this.rules.evaluate(input).stream().filter((m) -> m.rule().equals(code)).toList();
		assertThat(again).containsExactly(new AlertMatch(code, caseId, false));
		JsonNode opened = this.api.admin().get("/api/v1/cases/" + caseId).expect(200).json();
		assertThat(opened.get("source").get("type").asString()).isEqualTo("RESPONSE");
		assertThat(opened.get("source").get("id").asLong()).isEqualTo(input.responseId());
		assertThat(opened.get("alertRule").asString()).isEqualTo(code);
		assertThat(opened.get("priority").asString()).isEqualTo("P1");
		assertThat(opened.get("npsScore").asInt()).isEqualTo(2);
		assertThat(opened.get("unit").asString()).isEqualTo(ws.store);
		assertThat(opened.get("owner").asString()).isIn(ws.username("agent1"), ws.username("agent2"));
		var cases = this.api.admin().get("/api/v1/cases?customer=" + ws.customer).expect(200).json();
		assertThat(cases.get("total").asLong()).isEqualTo(1);
		var alerts = ws.as("storeManager").get("/api/v1/inbox").expect(200).json().get("items");
		assertThat(alerts.valueStream().filter((m) -> m.get("kind").asString().equals("ALERT"))).hasSize(1);
		var activity = this.api.admin().get("/api/v1/cases/" + caseId + "/activity").expect(200).json();
		assertThat(activity.get(0).get("actor").asString()).isEqualTo("rule:" + code);
	}

	@Test
	void responsesOutsideTheConditionOrTheLimitsOpenNothing() {
		Workspace ws = new Workspace(this.api);
		String code = rule(this.api, ws, "P2");
		AlertInput promoter = detractor(this.api, ws, 10, "很满意");
		assertThat(this.rules.evaluate(promoter)).noneMatch((m) -> m.rule().equals(code));
		AlertInput calmDetractor = new AlertInput(promoter.responseId() + 1, promoter.customerId(),
				promoter.touchpointId(), null, promoter.unitId(), Set.of(), 5, "DETRACTOR", null, null, Map.of(), "LOW",
				Map.of(), List.of("还行吧"), 0.1);
		assertThat(this.rules.evaluate(calmDetractor)).noneMatch((m) -> m.rule().equals(code));
		AlertInput elsewhere = new AlertInput(promoter.responseId() + 2, promoter.customerId(), -1L, null,
				promoter.unitId(), Set.of(), 0, "DETRACTOR", null, null, Map.of(), "NEGATIVE", Map.of(),
				List.of("lawyer"), -1.0);
		assertThat(this.rules.evaluate(elsewhere)).noneMatch((m) -> m.rule().equals(code));
	}

	@Test
	void badRulesAreRefusedWithTheFieldsAtFault() {
		Workspace ws = new Workspace(this.api);
		var condition = Map.of("all",
				List.of(Map.of("field", "nps", "op", "containsAny", "value", 3),
						Map.of("field", "nps", "op", "lt", "value", 11), Map.of("field", "sem", "op", "lt", "value", 2),
						Map.of("field", "mood", "op", "eq", "value", "bad"), Map.of("any", List.of())));
		var refused = this.api.admin()
			.post("/api/v1/alert-rules",
					Map.of("code", Api.unique("rule"), "name", Map.of("zh-CN", "坏", "en", "Bad"), "condition",
							condition, "limits",
							Map.of("touchpoints", List.of("nope"), "stages", List.of(ws.journey + "/nope")), "action",
							Map.of("openCase", true)))
			.expect(422)
			.json();
		assertThat(refused.get("errors").valueStream().map((e) -> e.get("field").asString())).containsExactlyInAnyOrder(
				"condition.all[0].op", "condition.all[1].value", "condition.all[2].module", "condition.all[3].field",
				"condition.all[4].any", "action.priority", "limits.touchpoints[0]", "limits.stages[0]");
		this.api.as(this.api.userToken("UNIT_MANAGER", null))
			.post("/api/v1/alert-rules",
					Map.of("code", Api.unique("rule"), "name", Map.of("zh-CN", "好", "en", "Good"), "condition",
							escalationRisk(), "action", Map.of("openCase", true, "priority", "P2")))
			.expect(403);
	}

	@Test
	void theSameRuleAgainIsNoDuplicateAndARuleCanBeChangedAndDeleted() {
		Workspace ws = new Workspace(this.api);
		String code = Api.unique("rule");
		var body = new java.util.HashMap<String, Object>(Map.of("code", code, "name",
				Map.of("zh-CN", "差评", "en", "Detractor"), "condition", Map.of("field", "nps", "op", "lte", "value", 6),
				"limits", Map.of("units", List.of(ws.region), "stages", List.of(ws.journey + "/after-sale")), "action",
				Map.of("openCase", false, "notifyUsers", List.of(ws.username("regionManager")))));
		var created = this.api.admin().post("/api/v1/alert-rules", body).expect(201).json();
		assertThat(created.get("condition").get("field").asString()).isEqualTo("nps");
		assertThat(created.get("limits").get("units").get(0).asString()).isEqualTo(ws.region);
		this.api.admin().post("/api/v1/alert-rules", body).expect(200);
		body.put("condition", Map.of("field", "nps", "op", "lte", "value", 4));
		this.api.admin().post("/api/v1/alert-rules", body).expect(409);
		this.api.admin().put("/api/v1/alert-rules/" + code, body).expect(200);
		assertThat(this.api.admin()
			.get("/api/v1/alert-rules/" + code)
			.expect(200)
			.json()
			.get("condition")
			.get("value")
			.asInt()).isEqualTo(4);
		this.api.admin().delete("/api/v1/alert-rules/" + code).expect(204);
		this.api.admin().get("/api/v1/alert-rules/" + code).expect(404);
	}

}
