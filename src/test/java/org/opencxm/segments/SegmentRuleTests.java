package org.opencxm.segments;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentRuleTests {

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void readsEveryKindByItsKeyAndWritesItBackTheSame() {
		String text = """
				{"all":[{"field":"lifecycleClass","in":["contracted"]},{"not":{"attribute":"vip","equals":true}},\
				{"any":[{"ageBand":"30-39"},{"field":"valueTier","range":{"min":"HIGH"}}]},\
				{"contactAt":{"touchpoint":"RE-HANDOVER","withinDays":90,"includeDescendants":true}},\
				{"unit":"RE-EAST"},{"attribute":"floor","exists":false}]}""";
		SegmentRule rule = this.json.readValue(text, SegmentRule.class);
		SegmentRule.All all = (SegmentRule.All) rule;
		assertThat(all.all()).hasSize(6);
		assertThat(all.all().get(0)).isInstanceOf(SegmentRule.FieldTest.class);
		assertThat(((SegmentRule.Not) all.all().get(1)).not()).isInstanceOf(SegmentRule.AttributeTest.class);
		assertThat(((SegmentRule.Any) all.all().get(2)).any().get(0)).isEqualTo(new SegmentRule.AgeIn("30-39"));
		assertThat(all.all().get(3))
			.isEqualTo(new SegmentRule.ContactAt(new SegmentRule.Contact("RE-HANDOVER", 90, true)));
		assertThat(all.all().get(4)).isEqualTo(new SegmentRule.UnitSubtree("RE-EAST"));
		assertThat(this.json.writeValueAsString(rule)).isEqualTo(text);
		assertThat(this.json.readValue(this.json.writeValueAsString(rule), SegmentRule.class)).isEqualTo(rule);
	}

	@Test
	void refusesAnObjectThatIsNoRule() {
		assertThatThrownBy(() -> this.json.readValue("{\"colour\":\"red\"}", SegmentRule.class))
			.isInstanceOf(tools.jackson.core.JacksonException.class);
		assertThatThrownBy(() -> this.json.readValue("{\"unit\":\"A\",\"colour\":\"red\"}", SegmentRule.class))
			.isInstanceOf(tools.jackson.databind.exc.UnrecognizedPropertyException.class);
	}

	@Test
	void readsAgeBandsOfTheProfileAndWrittenSpans() {
		assertThat(RuleValues.ages("A25_34")).isEqualTo(new RuleValues.Ages(25, 34));
		assertThat(RuleValues.ages("under_18")).isEqualTo(new RuleValues.Ages(null, 17));
		assertThat(RuleValues.ages("A65_PLUS")).isEqualTo(new RuleValues.Ages(65, null));
		assertThat(RuleValues.ages("UNKNOWN")).isSameAs(RuleValues.Ages.UNKNOWN);
		assertThat(RuleValues.ages("30-39")).isEqualTo(new RuleValues.Ages(30, 39));
		assertThat(RuleValues.ages("60+")).isEqualTo(new RuleValues.Ages(60, null));
		for (String bad : List.of("39-30", "old", "30-", "-5", "200+", "30-200", "")) {
			assertThat(RuleValues.ages(bad)).as(bad).isNull();
		}
	}

	@Test
	void readsATextThatLooksLikeADateAsTextAndDate() {
		assertThat(RuleValues.attributeValues(this.json.readTree("\"2026-03-01\""))).hasSize(2);
		assertThat(RuleValues.attributeValues(this.json.readTree("\"2026-13-01\""))).hasSize(1);
		assertThat(RuleValues.attributeValues(this.json.readTree("12"))).hasSize(1);
		assertThat(RuleValues.attributeValues(this.json.readTree("{}"))).isEmpty();
	}

}
