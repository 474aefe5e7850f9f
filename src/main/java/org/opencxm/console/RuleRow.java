package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.opencxm.segments.SegmentRule;
import org.opencxm.segments.SegmentRule.AgeIn;
import org.opencxm.segments.SegmentRule.AttributeTest;
import org.opencxm.segments.SegmentRule.FieldTest;
import org.opencxm.segments.SegmentRule.Not;
import org.opencxm.segments.SegmentRule.Range;
import org.opencxm.segments.SegmentRule.UnitSubtree;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One condition of the segment rule editor: a test of a profile field, an attribute, the
 * age or the home unit, optionally negated. Values are typed as the API reads them: birth
 * years and attribute values that look like numbers or booleans become numbers and
 * booleans; {@code in} takes a comma-separated list, {@code between} two bounds written
 * {@code min..max}.
 */
record RuleRow(@Nullable String subject, @Nullable String attribute, @Nullable String op, @Nullable String value,
		@Nullable Boolean negate) {

	/**
	 * The profile fields of docs/api/segments.md, in the order the editor offers them.
	 */
	static final List<String> FIELDS = List.of("valueTier", "lifecycleClass", "language", "birthYear", "externalId");

	static final String ATTRIBUTE = "attribute";

	static final String AGE = "ageBand";

	static final String UNIT = "unit";

	/** What a row can test, in the order the editor offers them. */
	static final List<String> SUBJECTS = List.of("valueTier", "lifecycleClass", "language", "birthYear", "externalId",
			ATTRIBUTE, AGE, UNIT);

	/** The tests of a field or attribute; the age and the unit take a value only. */
	static final List<String> OPS = List.of("equals", "in", "atLeast", "atMost", "between", "exists", "absent");

	private static final String BETWEEN = "..";

	private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");

	static RuleRow blank() {
		return new RuleRow("valueTier", null, "equals", null, false);
	}

	public boolean negated() {
		return Boolean.TRUE.equals(this.negate);
	}

	/** The rule this row says; the segments service judges whether it is sound. */
	SegmentRule rule(JsonMapper json) {
		String subject = text(this.subject);
		String op = text(this.op);
		SegmentRule test = switch (subject) {
			case AGE -> new AgeIn(text(this.value).trim());
			case UNIT -> new UnitSubtree(text(this.value).trim());
			case ATTRIBUTE -> {
				Parts parts = parts(op, true, json);
				yield new AttributeTest(text(this.attribute).trim(), parts.equalTo(), parts.in(), parts.range(),
						parts.exists());
			}
			default -> {
				Parts parts = parts(op, subject.equals("birthYear"), json);
				yield new FieldTest(subject, parts.equalTo(), parts.in(), parts.range(), parts.exists());
			}
		};
		return negated() ? new Not(test) : test;
	}

	/**
	 * The row that says this rule, or null if no row can (a nested all, any or not, a
	 * contact test).
	 */
	static @Nullable RuleRow of(SegmentRule rule) {
		return switch (rule) {
			case Not not when !(not.not() instanceof Not) -> {
				RuleRow row = of(not.not());
				yield (row != null) ? new RuleRow(row.subject, row.attribute, row.op, row.value, true) : null;
			}
			case FieldTest field ->
				test(field.field(), null, field.equalTo(), field.in(), field.range(), field.exists());
			case AttributeTest attribute -> test(ATTRIBUTE, attribute.attribute(), attribute.equalTo(), attribute.in(),
					attribute.range(), attribute.exists());
			case AgeIn age -> new RuleRow(AGE, null, "equals", age.ageBand(), false);
			case UnitSubtree unit -> new RuleRow(UNIT, null, "equals", unit.unit(), false);
			default -> null;
		};
	}

	private static @Nullable RuleRow test(String subject, @Nullable String attribute, @Nullable JsonNode equalTo,
			@Nullable List<JsonNode> in, @Nullable Range range, @Nullable Boolean exists) {
		if (equalTo != null) {
			return new RuleRow(subject, attribute, "equals", text(equalTo), false);
		}
		if (in != null) {
			List<String> values = new ArrayList<>();
			for (JsonNode value : in) {
				values.add(text(value));
			}
			return new RuleRow(subject, attribute, "in", String.join(", ", values), false);
		}
		if (range != null && range.min() != null && range.max() != null) {
			return new RuleRow(subject, attribute, "between", text(range.min()) + BETWEEN + text(range.max()), false);
		}
		if (range != null && range.min() != null) {
			return new RuleRow(subject, attribute, "atLeast", text(range.min()), false);
		}
		if (range != null && range.max() != null) {
			return new RuleRow(subject, attribute, "atMost", text(range.max()), false);
		}
		if (exists != null) {
			return new RuleRow(subject, attribute, exists ? "exists" : "absent", null, false);
		}
		return null;
	}

	private Parts parts(String op, boolean typed, JsonMapper json) {
		String value = text(this.value).trim();
		return switch (op) {
			case "in" -> {
				List<JsonNode> values = new ArrayList<>();
				for (String part : value.split(",")) {
					if (!part.isBlank()) {
						values.add(value(part.trim(), typed, json));
					}
				}
				yield new Parts(null, values, null, null);
			}
			case "atLeast" -> new Parts(null, null, new Range(value(value, typed, json), null), null);
			case "atMost" -> new Parts(null, null, new Range(null, value(value, typed, json)), null);
			case "between" -> {
				int at = value.indexOf(BETWEEN);
				String min = (at < 0) ? value : value.substring(0, at).trim();
				String max = (at < 0) ? "" : value.substring(at + BETWEEN.length()).trim();
				yield new Parts(null, null, new Range(min.isEmpty() ? null : value(min, typed, json),
						max.isEmpty() ? null : value(max, typed, json)), null);
			}
			case "exists" -> new Parts(null, null, null, true);
			case "absent" -> new Parts(null, null, null, false);
			default -> new Parts(value(value, typed, json), null, null, null);
		};
	}

	/** A value as the API would read it from JSON written by hand. */
	private static JsonNode value(String text, boolean typed, JsonMapper json) {
		if (typed && NUMBER.matcher(text).matches()) {
			return json.readTree(text);
		}
		if (typed && (text.equals("true") || text.equals("false"))) {
			return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
		}
		return JsonNodeFactory.instance.stringNode(text);
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.asString() : node.toString();
	}

	private static String text(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private record Parts(@Nullable JsonNode equalTo, @Nullable List<JsonNode> in, @Nullable Range range,
			@Nullable Boolean exists) {
	}

}
