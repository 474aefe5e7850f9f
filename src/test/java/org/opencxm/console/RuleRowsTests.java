package org.opencxm.console;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencxm.segments.SegmentRule;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows of the segment editor say a rule exactly, or not at all.
 */
class RuleRowsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void rowsSayAFlatRuleAndGiveItBack() {
		SegmentRule rule = rule("""
				{"any": [{"unit": "east"}, {"not": {"field": "valueTier", "in": ["LOW", "MEDIUM"]}},
				  {"field": "birthYear", "range": {"min": 1980, "max": 1989}}, {"attribute": "vip", "equals": true},
				  {"attribute": "handoverDate", "range": {"min": "2026-01-01"}}, {"field": "language", "exists": false},
				  {"ageBand": "30-39"}]}""");
		RuleRows rows = RuleRows.of(rule, this.json);
		assertThat(rows).isNotNull();
		assertThat(rows.combine()).isEqualTo("any");
		assertThat(rows.rows()).containsExactly(new RuleRow("unit", null, "equals", "east", false),
				new RuleRow("valueTier", null, "in", "LOW, MEDIUM", true),
				new RuleRow("birthYear", null, "between", "1980..1989", false),
				new RuleRow("attribute", "vip", "equals", "true", false),
				new RuleRow("attribute", "handoverDate", "atLeast", "2026-01-01", false),
				new RuleRow("language", null, "absent", null, false),
				new RuleRow("ageBand", null, "equals", "30-39", false));
		assertThat(rows.rule(this.json)).isEqualTo(rule);
	}

	@Test
	void aSingleTestBecomesOneRowJoinedByAnd() {
		RuleRows rows = RuleRows.of(rule("{\"field\": \"valueTier\", \"equals\": \"VIP\"}"), this.json);
		assertThat(rows).isNotNull();
		assertThat(rows.combine()).isEqualTo("all");
		assertThat(rows.rows()).hasSize(1);
	}

	@Test
	void rulesTheRowsCannotSayExactlyStayJson() {
		assertThat(RuleRows.of(rule("{\"all\": [{\"any\": [{\"unit\": \"a\"}, {\"unit\": \"b\"}]}]}"), this.json))
			.as("nested")
			.isNull();
		assertThat(RuleRows.of(rule("{\"contactAt\": {\"touchpoint\": \"handover\", \"withinDays\": 90}}"), this.json))
			.as("contact")
			.isNull();
		assertThat(RuleRows.of(rule("{\"attribute\": \"note\", \"in\": [\"a, b\"]}"), this.json))
			.as("a comma in a value")
			.isNull();
		assertThat(RuleRows.of(rule("{\"attribute\": \"code\", \"equals\": \"12\"}"), this.json))
			.as("a text that reads as a number")
			.isNull();
		assertThat(RuleRows.of(rule("{\"not\": {\"not\": {\"unit\": \"a\"}}}"), this.json)).as("not of not").isNull();
	}

	@Test
	void valuesAreTypedAsTheApiReadsThem() {
		RuleRows rows = new RuleRows("all",
				List.of(new RuleRow("birthYear", null, "atMost", "1990", false),
						new RuleRow("attribute", "score", "in", "1, 2.5, x", false),
						new RuleRow("lifecycleClass", null, "equals", "12", false)));
		assertThat(this.json.valueToTree(rows.rule(this.json)).toString()).isEqualTo(
				"{\"all\":[{\"field\":\"birthYear\",\"range\":{\"max\":1990}},{\"attribute\":\"score\",\"in\":[1,2.5,\"x\"]},"
						+ "{\"field\":\"lifecycleClass\",\"equals\":\"12\"}]}");
	}

	private SegmentRule rule(String text) {
		return this.json.readValue(text, SegmentRule.class);
	}

}
