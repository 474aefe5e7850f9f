package org.opencxm.segments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.actions.AlertInput;
import org.opencxm.actions.AlertMatch;
import org.opencxm.actions.AlertRules;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert rules limited to segments look at the customer's membership as it is when the
 * response is checked, and keep their segments from being deleted.
 */
@ApplicationTest
class SegmentAlertRuleTests {

	@Autowired
	Api api;

	@Autowired
	AlertRules rules;

	@Test
	void anAlertRuleLimitedToASegmentMatchesOnlyItsMembers() {
		SegmentWorkspace ws = new SegmentWorkspace(this.api);
		String segment = Api.unique("vips");
		this.api.admin()
			.put("/api/v1/segments/" + segment,
					SegmentWorkspace.segment(ws.within(Map.of("attribute", ws.attr("vip"), "equals", true))))
			.expect(201);
		String rule = Api.unique("rule");
		this.api.admin()
			.post("/api/v1/alert-rules",
					Map.of("code", rule, "name", Map.of("zh-CN", "贵宾贬损者", "en", "VIP detractors"), "condition",
							Map.of("field", "npsClass", "op", "eq", "value", "DETRACTOR"), "limits",
							Map.of("segments", List.of(segment)), "action", Map.of("notifyUnitManager", true)))
			.expect(201);
		assertThat(matches(detractor(customerId(ws, "c1")), rule)).isTrue();
		assertThat(matches(detractor(customerId(ws, "c2")), rule)).isFalse();
		this.api.admin().delete("/api/v1/alert-rules/" + rule).expect(204);
		this.api.admin().delete("/api/v1/segments/" + segment).expect(204);
	}

	@Test
	void aSegmentThatAlertRulesAreLimitedToIsNotDeletedAndTheRulesAreNamed() {
		SegmentWorkspace ws = new SegmentWorkspace(this.api);
		String segment = Api.unique("vips");
		this.api.admin()
			.put("/api/v1/segments/" + segment,
					SegmentWorkspace.segment(ws.within(Map.of("attribute", ws.attr("vip"), "equals", true))))
			.expect(201);
		List<String> codes = List.of(Api.unique("rule"), Api.unique("rule")).stream().sorted().toList();
		String first = codes.get(0);
		String second = codes.get(1);
		for (String rule : List.of(first, second)) {
			this.api.admin()
				.post("/api/v1/alert-rules",
						Map.of("code", rule, "name", Map.of("zh-CN", "贵宾贬损者", "en", "VIP detractors"), "condition",
								Map.of("field", "npsClass", "op", "eq", "value", "DETRACTOR"), "limits",
								Map.of("segments", List.of(segment)), "action", Map.of("notifyUnitManager", true)))
				.expect(201);
		}

		Api.Response refused = this.api.admin().delete("/api/v1/segments/" + segment).expect(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		JsonNode errors = refused.json().get("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("alertRules[" + first + "].limits.segments");
		assertThat(errors.get(0).get("reason").asString())
			.contains("alert rule " + first + " is limited to this segment");
		assertThat(errors.get(1).get("field").asString()).isEqualTo("alertRules[" + second + "].limits.segments");
		this.api.admin().get("/api/v1/segments/" + segment).expect(200);
		assertThat(matches(detractor(customerId(ws, "c1")), first)).as("still limited").isTrue();
		assertThat(matches(detractor(customerId(ws, "c2")), first)).isFalse();

		this.api.admin().delete("/api/v1/alert-rules/" + first).expect(204);
		assertThat(this.api.admin().delete("/api/v1/segments/" + segment).expect(409).json().get("errors")).hasSize(1);
		this.api.admin().delete("/api/v1/alert-rules/" + second).expect(204);
		this.api.admin().delete("/api/v1/segments/" + segment).expect(204);
		this.api.admin().get("/api/v1/segments/" + segment).expect(404);
	}

	private boolean matches(AlertInput input, String rule) {
		List<AlertMatch> matches = this.rules.evaluate(input);
		return matches.stream().anyMatch((match) -> match.rule().equals(rule));
	}

	private long customerId(SegmentWorkspace ws, String name) {
		return this.api.admin().get("/api/v1/customers/" + ws.id(name)).expect(200).json().get("id").asLong();
	}

	private static AlertInput detractor(long customerId) {
		return new AlertInput(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), customerId, null, null, null,
				Set.of(), 2, "DETRACTOR", null, null, Map.of(), null, Map.of(), List.of(), null);
	}

}
