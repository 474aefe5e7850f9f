package org.opencxm.console;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logic of the design forms without a server: editing steps on rows, condition rows
 * to JSON and back, and service paths to form fields.
 */
class DesignFormsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void rowStepsAddMoveAndRemoveRowsAndSayWhereTheFocusGoes() {
		List<String> rows = List.of("a", "b", "c");
		assertThat(RowOps.apply(rows, "add", "")).containsExactly("a", "b", "c", "");
		assertThat(RowOps.apply(rows, "up-1", "")).containsExactly("b", "a", "c");
		assertThat(RowOps.apply(rows, "up-0", "")).containsExactly("a", "b", "c");
		assertThat(RowOps.apply(rows, "down-1", "")).containsExactly("a", "c", "b");
		assertThat(RowOps.apply(rows, "down-2", "")).containsExactly("a", "b", "c");
		assertThat(RowOps.apply(rows, "remove-0", "")).containsExactly("b", "c");
		assertThat(RowOps.apply(rows, "remove-9", "")).containsExactly("a", "b", "c");
		assertThat(RowOps.apply(rows, "sideways-x", "")).containsExactly("a", "b", "c");
		assertThat(RowOps.focusField("add", 4, "stages[%d].code")).isEqualTo("stages[3].code");
		assertThat(RowOps.focusField("up-1", 3, "rows[%d].field")).isEqualTo("rows[0].field");
		assertThat(RowOps.focusField("down-1", 3, "rows[%d].field")).isEqualTo("rows[2].field");
		assertThat(RowOps.focusField("remove-1", 2, "rows[%d].field")).isNull();
	}

	@Test
	void conditionRowsBecomeTheServicesConditionAndComeBack() {
		List<ConditionRows.Row> rows = List.of(new ConditionRows.Row("npsClass", null, "eq", "DETRACTOR"),
				ConditionRows.Row.EMPTY, new ConditionRows.Row("comment", null, "containsAny", "投诉，lawyer, 媒体"),
				new ConditionRows.Row("sem", "FEEL", "lte", "2"), new ConditionRows.Row("answer", "q1", "in", "1, 2"));
		ConditionRows.Built built = ConditionRows.build(this.json, "any", rows);
		assertThat(built.condition().toString()).isEqualTo("{\"any\":[{\"field\":\"npsClass\",\"op\":\"eq\","
				+ "\"value\":\"DETRACTOR\"},{\"field\":\"comment\",\"op\":\"containsAny\",\"value\":[\"投诉\",\"lawyer\","
				+ "\"媒体\"]},{\"field\":\"sem\",\"module\":\"FEEL\",\"op\":\"lte\",\"value\":2},{\"field\":\"answer\","
				+ "\"question\":\"q1\",\"op\":\"in\",\"value\":[1,2]}]}");
		assertThat(built.indexes()).containsExactly(0, 2, 3, 4);
		assertThat(ConditionRows.rowsOf(built.condition())).containsExactly(rows.get(0),
				new ConditionRows.Row("comment", null, "containsAny", "投诉, lawyer, 媒体"), rows.get(3), rows.get(4));
		assertThat(ConditionRows.combinatorOf(built.condition())).isEqualTo("any");
		assertThat(ConditionRows.rowsOf(this.json.readTree("{\"all\": [{\"any\": [{\"field\": \"nps\"}]}]}"))).isNull();
	}

	@Test
	void servicePathsBecomeFormFields() {
		assertThat(DesignErrors.formField("name.zh")).isEqualTo("nameZh");
		assertThat(DesignErrors.formField("stages[1].name.en")).isEqualTo("stages[1].nameEn");
		assertThat(DesignErrors.formField("standardActions[0].name")).isEqualTo("standardActions[0].nameZh");
		assertThat(DesignErrors.formField("description.en")).isEqualTo("descriptionEn");
		List<Integer> sent = List.of(0, 2);
		assertThat(AlertRuleDesignController.formField("condition.all[1].value[0]", sent)).isEqualTo("rows[2].value");
		assertThat(AlertRuleDesignController.formField("condition.any[0].module", sent)).isEqualTo("rows[0].key");
		assertThat(AlertRuleDesignController.formField("condition.all[1]", sent)).isEqualTo("rows[2].field");
		assertThat(AlertRuleDesignController.formField("condition.all", sent)).isEqualTo("rows");
		assertThat(AlertRuleDesignController.formField("limits.units[0]", sent)).isEqualTo("units");
		assertThat(AlertRuleDesignController.formField("action.notifyUsers[1]", sent)).isEqualTo("notifyUsers");
		assertThat(AlertRuleDesignController.formField("action.priority", sent)).isEqualTo("priority");
		assertThat(AlertRuleDesignController.formField("drop.minDrop", sent)).isEqualTo("dropMinDrop");
	}

}
