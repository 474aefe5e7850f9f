package org.opencxm.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.SemModule;
import tools.jackson.databind.JsonNode;

/**
 * The condition tree of an alert rule, read from JSON such as {@code {"all": [{"field":
 * "npsClass", "op": "eq", "value": "DETRACTOR"}, {"any": [...]}]}}: {@code all} (AND) and
 * {@code any} (OR) nodes over comparisons of one field of an {@link AlertInput}. A
 * comparison on a value the response does not have is false. {@code theme} and
 * {@code factor} compare with the set found in the response's comments: {@code eq} and
 * {@code in} match when the set holds one of the values, {@code ne} when it holds none (a
 * response without comments matches neither).
 */
sealed interface AlertCondition {

	List<String> NPS_CLASSES = List.of("DETRACTOR", "PASSIVE", "PROMOTER");

	List<String> EXPERIENCE_LEVELS = List.of("NEGATIVE", "NONE", "LOW", "MEDIUM", "HIGH");

	List<String> FACTORS = java.util.Arrays.stream(ExperienceFactor.values()).map(Enum::name).toList();

	int MAX_DEPTH = 5;

	int MAX_NODES = 50;

	boolean test(AlertInput input);

	record All(List<AlertCondition> conditions) implements AlertCondition {

		@Override
		public boolean test(AlertInput input) {
			return this.conditions.stream().allMatch((condition) -> condition.test(input));
		}

	}

	record Any(List<AlertCondition> conditions) implements AlertCondition {

		@Override
		public boolean test(AlertInput input) {
			return this.conditions.stream().anyMatch((condition) -> condition.test(input));
		}

	}

	/**
	 * One comparison; {@code key} is the SEM module or the question code where the field
	 * needs one.
	 */
	record Compare(Field field, @Nullable String key, Op op, List<Object> values) implements AlertCondition {

		@Override
		public boolean test(AlertInput input) {
			Object actual = this.field.value(input, this.key);
			if (actual == null) {
				return false;
			}
			if (actual instanceof Set<?> found) {
				boolean any = found.stream().map(String::valueOf).anyMatch(this.values::contains);
				return (this.op == Op.NE) ? !any : any;
			}
			if (this.op == Op.CONTAINS_ANY) {
				List<String> texts = (actual instanceof List<?> list) ? list.stream().map(String::valueOf).toList()
						: List.of(String.valueOf(actual));
				return texts.stream()
					.map((text) -> text.toLowerCase(Locale.ROOT))
					.anyMatch((text) -> this.values.stream()
						.anyMatch((word) -> text.contains(String.valueOf(word).toLowerCase(Locale.ROOT))));
			}
			return switch (this.op) {
				case EQ -> this.values.stream().anyMatch((value) -> compare(actual, value) == 0);
				case IN -> this.values.stream().anyMatch((value) -> compare(actual, value) == 0);
				case NE -> this.values.stream().noneMatch((value) -> compare(actual, value) == 0);
				case LT -> compare(actual, this.values.get(0)) < 0;
				case LTE -> compare(actual, this.values.get(0)) <= 0;
				case GT -> compare(actual, this.values.get(0)) > 0 && compare(actual, this.values.get(0)) != NO_ORDER;
				case GTE -> compare(actual, this.values.get(0)) >= 0 && compare(actual, this.values.get(0)) != NO_ORDER;
				case CONTAINS_ANY -> false;
			};
		}

		private static final int NO_ORDER = Integer.MAX_VALUE;

		/**
		 * Numbers as numbers, experience levels by their order, anything else as text;
		 * NO_ORDER when they cannot be compared.
		 */
		private int compare(Object actual, Object expected) {
			if (this.field == Field.EXPERIENCE_LEVEL) {
				int a = EXPERIENCE_LEVELS.indexOf(String.valueOf(actual).toUpperCase(Locale.ROOT));
				int b = EXPERIENCE_LEVELS.indexOf(String.valueOf(expected));
				return (a < 0) ? NO_ORDER : Integer.compare(a, b);
			}
			Double a = number(actual);
			Double b = number(expected);
			if (a != null && b != null) {
				return Double.compare(a, b);
			}
			if (expected instanceof Number) {
				return NO_ORDER;
			}
			int text = String.valueOf(actual).compareToIgnoreCase(String.valueOf(expected));
			return (this.op == Op.EQ || this.op == Op.NE || this.op == Op.IN) ? text : NO_ORDER;
		}

		private static @Nullable Double number(Object value) {
			if (value instanceof Number number) {
				return number.doubleValue();
			}
			try {
				return Double.valueOf(String.valueOf(value).trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

	enum Op {

		EQ("eq"), NE("ne"), LT("lt"), LTE("lte"), GT("gt"), GTE("gte"), IN("in"), CONTAINS_ANY("containsAny");

		final String json;

		Op(String json) {
			this.json = json;
		}

		static @Nullable Op of(String json) {
			for (Op op : values()) {
				if (op.json.equals(json)) {
					return op;
				}
			}
			return null;
		}

		boolean ordering() {
			return this == LT || this == LTE || this == GT || this == GTE;
		}

	}

	enum Field {

		NPS("nps", Kind.NUMBER), NPS_CLASS("npsClass", Kind.CHOICE), CSAT("csat", Kind.NUMBER), CES("ces", Kind.NUMBER),
		SEM("sem", Kind.NUMBER), EXPERIENCE_LEVEL("experienceLevel", Kind.LEVEL), ANSWER("answer", Kind.ANSWER),
		COMMENT("comment", Kind.TEXT), SENTIMENT("sentiment", Kind.NUMBER), THEME("theme", Kind.THEME),
		FACTOR("factor", Kind.FACTOR);

		final String json;

		final Kind kind;

		Field(String json, Kind kind) {
			this.json = json;
			this.kind = kind;
		}

		static @Nullable Field of(String json) {
			for (Field field : values()) {
				if (field.json.equals(json)) {
					return field;
				}
			}
			return null;
		}

		@Nullable Object value(AlertInput input, @Nullable String key) {
			return switch (this) {
				case NPS -> input.nps();
				case NPS_CLASS -> input.npsClass();
				case CSAT -> input.csat();
				case CES -> input.ces();
				case SEM -> input.sem().get(SemModule.valueOf(String.valueOf(key)));
				case EXPERIENCE_LEVEL -> input.experienceLevel();
				case ANSWER -> input.answers().get(key);
				case COMMENT -> input.comments().isEmpty() ? null : input.comments();
				case SENTIMENT -> input.sentiment();
				case THEME -> input.comments().isEmpty() ? null : input.themes();
				case FACTOR -> input.comments().isEmpty() ? null : input.factors();
			};
		}

		Set<Op> ops() {
			return switch (this.kind) {
				case NUMBER, LEVEL -> Set.of(Op.EQ, Op.NE, Op.LT, Op.LTE, Op.GT, Op.GTE, Op.IN);
				case CHOICE, THEME, FACTOR -> Set.of(Op.EQ, Op.NE, Op.IN);
				case ANSWER -> Set.of(Op.values());
				case TEXT -> Set.of(Op.CONTAINS_ANY);
			};
		}

	}

	enum Kind {

		NUMBER, CHOICE, LEVEL, ANSWER, TEXT, THEME, FACTOR

	}

	/**
	 * Reads a stored condition tree, whose theme codes were checked when it was saved (a
	 * theme deleted since then simply matches no comment).
	 */
	static @Nullable AlertCondition parse(@Nullable JsonNode node, List<FieldViolation> violations) {
		return parse(node, violations, (theme) -> true);
	}

	/**
	 * Reads a condition tree, collecting every problem with its JSON path under
	 * {@code condition}. Answers null when there were problems.
	 * @param themes whether a theme code names a workspace theme
	 */
	static @Nullable AlertCondition parse(@Nullable JsonNode node, List<FieldViolation> violations,
			Predicate<String> themes) {
		int before = violations.size();
		int[] nodes = { 0 };
		AlertCondition condition = parse(node, "condition", 1, nodes, violations, themes);
		return (violations.size() == before) ? condition : null;
	}

	private static @Nullable AlertCondition parse(@Nullable JsonNode node, String path, int depth, int[] nodes,
			List<FieldViolation> violations, Predicate<String> themes) {
		if (node == null || !node.isObject()) {
			violations.add(FieldViolation.of(path, "must be an object with all, any, or field, op and value"));
			return null;
		}
		if (++nodes[0] > MAX_NODES) {
			violations.add(FieldViolation.of(path, "the condition has more than " + MAX_NODES + " parts"));
			return null;
		}
		if (node.has("all") || node.has("any")) {
			String name = node.has("all") ? "all" : "any";
			if (node.size() != 1) {
				violations.add(FieldViolation.of(path, "must have only " + name));
				return null;
			}
			if (depth >= MAX_DEPTH) {
				violations.add(FieldViolation.of(path, "nests deeper than " + MAX_DEPTH + " levels"));
				return null;
			}
			JsonNode list = node.get(name);
			if (!list.isArray() || list.isEmpty()) {
				violations.add(FieldViolation.of(path + "." + name, "must be a non-empty list of conditions"));
				return null;
			}
			List<AlertCondition> parts = new ArrayList<>();
			int i = 0;
			for (JsonNode child : list.values()) {
				parts.add(parse(child, path + "." + name + "[" + i++ + "]", depth + 1, nodes, violations, themes));
			}
			return name.equals("all") ? new All(parts) : new Any(parts);
		}
		return compare(node, path, violations, themes);
	}

	private static @Nullable AlertCondition compare(JsonNode node, String path, List<FieldViolation> violations,
			Predicate<String> themes) {
		int before = violations.size();
		for (String property : node.propertyNames()) {
			if (!Set.of("field", "op", "value", "module", "question").contains(property)) {
				violations.add(FieldViolation.of(path + "." + property, "unknown property"));
			}
		}
		Field field = node.has("field") ? Field.of(node.get("field").asString("")) : null;
		if (field == null) {
			violations.add(FieldViolation.of(path + ".field", "must be one of nps, npsClass, csat, ces, sem, "
					+ "experienceLevel, answer, comment, sentiment, theme, factor"));
			return null;
		}
		String key = null;
		if (field == Field.SEM) {
			key = node.has("module") ? node.get("module").asString("").toUpperCase(Locale.ROOT) : "";
			if (!Set.of("SENSE", "FEEL", "THINK", "ACT", "RELATE").contains(key)) {
				violations.add(FieldViolation.of(path + ".module", "must be one of SENSE, FEEL, THINK, ACT, RELATE"));
			}
		}
		if (field == Field.ANSWER) {
			key = node.has("question") ? node.get("question").asString("") : "";
			if (key.isBlank()) {
				violations.add(FieldViolation.of(path + ".question", "must name the question code"));
			}
		}
		Op op = node.has("op") ? Op.of(node.get("op").asString("")) : null;
		if (op == null || !field.ops().contains(op)) {
			violations.add(FieldViolation.of(path + ".op", "must be one of "
					+ field.ops().stream().sorted().map((allowed) -> allowed.json).toList() + " for " + field.json));
			return null;
		}
		List<Object> values = values(field, op, node.get("value"), path + ".value", violations, themes);
		return (violations.size() == before) ? new Compare(field, key, op, values) : null;
	}

	private static List<Object> values(Field field, Op op, @Nullable JsonNode value, String path,
			List<FieldViolation> violations, Predicate<String> themes) {
		boolean many = op == Op.IN || op == Op.CONTAINS_ANY;
		List<JsonNode> items = new ArrayList<>();
		if (value == null || value.isNull()) {
			violations.add(FieldViolation.of(path, "is required"));
			return List.of();
		}
		if (many) {
			if (!value.isArray() || value.isEmpty() || value.size() > 100) {
				violations.add(FieldViolation.of(path, "must be a list of 1 to 100 values"));
				return List.of();
			}
			items.addAll(value.values());
		}
		else {
			items.add(value);
		}
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			String at = many ? path + "[" + i + "]" : path;
			switch (field.kind) {
				case NUMBER -> {
					if (!item.isNumber()) {
						violations.add(FieldViolation.of(at, "must be a number"));
					}
					else if (field == Field.NPS && (item.doubleValue() < 0 || item.doubleValue() > 10)) {
						violations.add(FieldViolation.of(at, "must be between 0 and 10"));
					}
					else if (field == Field.SENTIMENT && Math.abs(item.doubleValue()) > 1) {
						violations.add(FieldViolation.of(at, "must be between -1 and 1"));
					}
					else {
						values.add(item.numberValue());
					}
				}
				case CHOICE -> {
					String choice = item.asString("").toUpperCase(Locale.ROOT);
					if (!NPS_CLASSES.contains(choice)) {
						violations.add(FieldViolation.of(at, "must be one of " + NPS_CLASSES));
					}
					values.add(choice);
				}
				case LEVEL -> {
					String level = item.asString("").toUpperCase(Locale.ROOT);
					if (!EXPERIENCE_LEVELS.contains(level)) {
						violations.add(FieldViolation.of(at, "must be one of " + EXPERIENCE_LEVELS));
					}
					values.add(level);
				}
				case THEME -> {
					String theme = item.isString() ? item.asString() : "";
					if (!theme.matches(Codes.PATTERN) || !themes.test(theme)) {
						violations.add(FieldViolation.of(at, "no theme has this code"));
					}
					values.add(theme);
				}
				case FACTOR -> {
					ExperienceFactor factor = factor(item.isString() ? item.asString() : "");
					if (factor == null) {
						violations.add(FieldViolation.of(at, "must be one of " + FACTORS));
					}
					values.add((factor != null) ? factor.name() : "");
				}
				case ANSWER, TEXT -> {
					if (!item.isString() && !item.isNumber() || item.asString("").isBlank()) {
						violations.add(FieldViolation.of(at, "must be a non-empty text or number"));
					}
					else if (op.ordering() && !item.isNumber()) {
						violations.add(FieldViolation.of(at, "must be a number to compare with " + op.json));
					}
					else {
						values.add(item.isNumber() ? (Object) item.numberValue() : item.asString());
					}
				}
			}
		}
		return values;
	}

	/**
	 * An experience factor by name, in any case, with a space or hyphen for the
	 * underscore ({@code brand image}).
	 */
	private static @Nullable ExperienceFactor factor(String name) {
		String normal = name.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		return FACTORS.contains(normal) ? ExperienceFactor.valueOf(normal) : null;
	}

	/** A condition as the map Jackson writes back (for a normalised stored form). */
	static Map<String, Object> describe(AlertCondition condition) {
		return switch (condition) {
			case All all -> Map.of("all", all.conditions().stream().map(AlertCondition::describe).toList());
			case Any any -> Map.of("any", any.conditions().stream().map(AlertCondition::describe).toList());
			case Compare compare -> {
				var map = new java.util.LinkedHashMap<String, Object>();
				map.put("field", compare.field().json);
				if (compare.field() == Field.SEM) {
					map.put("module", compare.key());
				}
				if (compare.field() == Field.ANSWER) {
					map.put("question", compare.key());
				}
				map.put("op", compare.op().json);
				boolean many = compare.op() == Op.IN || compare.op() == Op.CONTAINS_ANY;
				map.put("value", many ? compare.values() : compare.values().get(0));
				yield map;
			}
		};
	}

}
