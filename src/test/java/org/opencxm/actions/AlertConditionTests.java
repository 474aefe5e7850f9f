package org.opencxm.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.SemModule;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AlertConditionTests {

	private static AlertCondition parse(String json) {
		List<FieldViolation> violations = new ArrayList<>();
		AlertCondition condition = AlertCondition.parse(Api.parse(json), violations);
		assertThat(violations).isEmpty();
		return condition;
	}

	private static List<String> problems(String json) {
		List<FieldViolation> violations = new ArrayList<>();
		JsonNode node = Api.parse(json);
		assertThat(AlertCondition.parse(node, violations)).isNull();
		return violations.stream().map(FieldViolation::field).toList();
	}

	private static AlertInput input(Integer nps, String level, Map<String, String> answers, List<String> comments,
			Double sentiment) {
		return new AlertInput(1, null, null, null, null, Set.of(), nps,
				(nps == null) ? null : (nps <= 6) ? "DETRACTOR" : (nps <= 8) ? "PASSIVE" : "PROMOTER", 2.0, 6.0,
				Map.of(SemModule.FEEL, 1.5), level, answers, comments, sentiment);
	}

	@Test
	void allNeedsEveryPartAndAnyOne() {
		AlertCondition condition = parse("""
				{"all": [{"field": "npsClass", "op": "eq", "value": "DETRACTOR"},
				  {"any": [{"field": "comment", "op": "containsAny", "value": ["律师", "Lawyer"]},
				           {"field": "sentiment", "op": "lte", "value": -0.5}]}]}
				""");
		assertThat(condition.test(input(3, "LOW", Map.of(), List.of("我要找律师"), 0.0))).isTrue();
		assertThat(condition.test(input(3, "LOW", Map.of(), List.of("I will call my LAWYER"), 0.0))).isTrue();
		assertThat(condition.test(input(3, "LOW", Map.of(), List.of("fine"), -0.7))).isTrue();
		assertThat(condition.test(input(3, "LOW", Map.of(), List.of("fine"), 0.2))).isFalse();
		assertThat(condition.test(input(9, "LOW", Map.of(), List.of("律师"), -0.9))).isFalse();
	}

	@Test
	void experienceLevelsCompareByTheirOrderAndNumbersAsNumbers() {
		AlertCondition level = parse("{\"field\": \"experienceLevel\", \"op\": \"lte\", \"value\": \"low\"}");
		assertThat(level.test(input(5, "NEGATIVE", Map.of(), List.of(), null))).isTrue();
		assertThat(level.test(input(5, "LOW", Map.of(), List.of(), null))).isTrue();
		assertThat(level.test(input(5, "MEDIUM", Map.of(), List.of(), null))).isFalse();
		AlertCondition answer = parse("{\"field\": \"answer\", \"question\": \"q1\", \"op\": \"lt\", \"value\": 3}");
		assertThat(answer.test(input(5, "LOW", Map.of("q1", "2"), List.of(), null))).isTrue();
		assertThat(answer.test(input(5, "LOW", Map.of("q1", "10"), List.of(), null))).isFalse();
		assertThat(answer.test(input(5, "LOW", Map.of("q1", "no"), List.of(), null))).isFalse();
		AlertCondition text = parse(
				"{\"field\": \"answer\", \"question\": \"q2\", \"op\": \"in\", \"value\": [\"No\", \"否\"]}");
		assertThat(text.test(input(5, "LOW", Map.of("q2", "no"), List.of(), null))).isTrue();
		AlertCondition sem = parse("{\"field\": \"sem\", \"module\": \"feel\", \"op\": \"lt\", \"value\": 2}");
		assertThat(sem.test(input(5, "LOW", Map.of(), List.of(), null))).isTrue();
	}

	@Test
	void aValueTheResponseDoesNotHaveNeverMatches() {
		AlertCondition ne = parse("{\"field\": \"nps\", \"op\": \"ne\", \"value\": 10}");
		assertThat(ne.test(input(null, null, Map.of(), List.of(), null))).isFalse();
		AlertCondition comment = parse("{\"field\": \"comment\", \"op\": \"containsAny\", \"value\": [\"投诉\"]}");
		assertThat(comment.test(input(1, null, Map.of(), List.of(), null))).isFalse();
	}

	@Test
	void everyProblemIsReportedAtItsPath() {
		assertThat(problems("[]")).containsExactly("condition");
		assertThat(problems("""
				{"any": [{"field": "csat", "op": "eq"}, {"field": "npsClass", "op": "lt", "value": "DETRACTOR"},
				  {"field": "answer", "op": "eq", "value": "x"}, {"field": "comment", "op": "containsAny", "value": []},
				  {"field": "nps", "op": "eq", "value": 3, "extra": 1}]}
				""")).containsExactly("condition.any[0].value", "condition.any[1].op", "condition.any[2].question",
				"condition.any[3].value", "condition.any[4].extra");
		assertThat(problems(
				"{\"all\": [{\"all\": [{\"all\": [{\"all\": [{\"all\": [{\"field\": \"nps\", \"op\": \"eq\", \"value\": 1}]}]}]}]}]}"))
			.containsExactly("condition.all[0].all[0].all[0].all[0]");
	}

	@Test
	void aParsedConditionIsDescribedTheWayItIsWritten() {
		AlertCondition condition = parse(
				"{\"any\": [{\"field\": \"sem\", \"module\": \"ACT\", \"op\": \"gte\", \"value\": 4}]}");
		assertThat(AlertCondition.describe(condition))
			.isEqualTo(Map.of("any", List.of(Map.of("field", "sem", "module", "ACT", "op", "gte", "value", 4))));
	}

}
