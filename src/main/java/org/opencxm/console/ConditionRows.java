package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of the alert-rule condition editor: comparisons of a response's field, all of
 * them (AND) or any of them (OR). They become the condition tree the alert rules service
 * reads (see docs/api/cases.md); a tree with nested groups is edited as JSON instead.
 */
final class ConditionRows {

	/** The fields a row can compare, as the alert rules service names them. */
	static final List<String> FIELDS = List.of("nps", "npsClass", "csat", "ces", "sem", "experienceLevel", "answer",
			"comment", "sentiment");

	/** The comparisons, as the alert rules service names them. */
	static final List<String> OPS = List.of("eq", "ne", "lt", "lte", "gt", "gte", "in", "containsAny");

	private static final Set<String> LISTS = Set.of("in", "containsAny");

	private ConditionRows() {
	}

	/**
	 * One comparison; {@code key} is the SEM module of {@code sem} or the question code
	 * of {@code answer}; {@code value} is a list separated by commas for {@code in} and
	 * {@code containsAny}.
	 */
	record Row(@Nullable String field, @Nullable String key, @Nullable String op, @Nullable String value) {

		static final Row EMPTY = new Row(null, null, null, null);

		boolean blank() {
			return this.field == null && this.key == null && this.op == null && this.value == null;
		}

	}

	/** The rows and the form-row index of each comparison sent. */
	record Built(JsonNode condition, List<Integer> indexes) {
	}

	/**
	 * The condition of the rows that are not blank, combined by {@code all} or
	 * {@code any}.
	 */
	static Built build(JsonMapper json, String combinator, List<Row> rows) {
		ObjectNode root = json.createObjectNode();
		ArrayNode parts = root.putArray(combinator.equals("any") ? "any" : "all");
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			if (row.blank()) {
				continue;
			}
			indexes.add(i);
			ObjectNode part = parts.addObject();
			if (row.field() != null) {
				part.put("field", row.field());
			}
			if (row.key() != null && "sem".equals(row.field())) {
				part.put("module", row.key());
			}
			if (row.key() != null && "answer".equals(row.field())) {
				part.put("question", row.key());
			}
			if (row.op() != null) {
				part.put("op", row.op());
			}
			if (row.value() != null) {
				if (row.op() != null && LISTS.contains(row.op())) {
					ArrayNode values = part.putArray("value");
					for (String item : row.value().split("[,，、]")) {
						if (!item.isBlank()) {
							values.add(value(json, item.strip()));
						}
					}
				}
				else {
					part.set("value", value(json, row.value().strip()));
				}
			}
		}
		return new Built(root, indexes);
	}

	/** A number where the text is one, else the text. */
	private static JsonNode value(JsonMapper json, String text) {
		try {
			return json.getNodeFactory().numberNode(new java.math.BigDecimal(text));
		}
		catch (NumberFormatException ex) {
			return json.getNodeFactory().stringNode(text);
		}
	}

	/**
	 * The rows of a stored condition, or null when it has nested groups (it is then
	 * edited as JSON).
	 */
	static @Nullable List<Row> rowsOf(@Nullable JsonNode condition) {
		if (condition == null || !condition.isObject()) {
			return null;
		}
		JsonNode list = condition.has("all") ? condition.get("all") : condition.get("any");
		if (list == null || !list.isArray()) {
			return null;
		}
		List<Row> rows = new ArrayList<>();
		for (JsonNode part : list.values()) {
			if (!part.has("field")) {
				return null;
			}
			String key = part.has("module") ? part.get("module").asString()
					: part.has("question") ? part.get("question").asString() : null;
			JsonNode value = part.get("value");
			String text;
			if (value == null || value.isNull()) {
				text = null;
			}
			else if (value.isArray()) {
				List<String> items = new ArrayList<>();
				value.values()
					.forEach((item) -> items.add(item.isNumber() ? item.numberValue().toString() : item.asString()));
				text = String.join(", ", items);
			}
			else {
				text = value.isNumber() ? value.numberValue().toString() : value.asString();
			}
			rows.add(new Row(part.get("field").asString(), key, part.path("op").asString(null), text));
		}
		return rows;
	}

	static String combinatorOf(@Nullable JsonNode condition) {
		return (condition != null && condition.has("any")) ? "any" : "all";
	}

}
