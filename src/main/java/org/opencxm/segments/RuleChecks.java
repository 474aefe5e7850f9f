package org.opencxm.segments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.AttributeValue;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgUnits;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a rule from its JSON and checks it against what exists (fields, attributes and
 * the types of their values, lifecycle classes, org units the caller can see,
 * touchpoints), reporting every problem with its path, e.g.
 * {@code rule.all[2].not.attribute}.
 */
@Component
class RuleChecks {

	static final int MAX_DEPTH = 10;

	static final int MAX_NODES = 200;

	static final int MAX_VALUES = 1000;

	static final int MAX_DAYS = 3660;

	static final String KINDS = "all, any, not, field, attribute, ageBand, unit or contactAt";

	private final JsonMapper json;

	private final Customers customers;

	private final Journeys journeys;

	private final OrgUnits units;

	private final Touchpoints touchpoints;

	RuleChecks(JsonMapper json, Customers customers, Journeys journeys, OrgUnits units, Touchpoints touchpoints) {
		this.json = json;
		this.customers = customers;
		this.journeys = journeys;
		this.units = units;
		this.touchpoints = touchpoints;
	}

	/**
	 * The rule the JSON holds, once it is known to be sound.
	 * @throws InvalidInputException with every problem found
	 */
	SegmentRule read(@Nullable JsonNode node, String path) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			throw new InvalidInputException(path, "must not be null");
		}
		SegmentRule rule;
		try {
			rule = this.json.treeToValue(node, SegmentRule.class);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException(List.of(FieldViolation.of(path + path(ex), reason(ex))));
		}
		List<FieldViolation> violations = new ArrayList<>();
		new Walk(violations).check(rule, path, 1);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return rule;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		if (ex instanceof UnrecognizedPropertyException unknown && path.isEmpty()) {
			path.append('.').append(unknown.getPropertyName());
		}
		return path.toString();
	}

	private static String reason(JacksonException ex) {
		return switch (ex) {
			case UnrecognizedPropertyException unknown -> "is not known here";
			case InvalidTypeIdException type -> "is not a rule: an object with one of " + KINDS;
			case MismatchedInputException mismatch when mismatch.getMessage() != null
					&& mismatch.getMessage().contains("deduce") ->
				"is not a rule: an object with one of " + KINDS;
			case MismatchedInputException mismatch -> "has the wrong type";
			default -> "cannot be read as a rule";
		};
	}

	/** One pass over a rule tree, with the lookups it needs cached. */
	private final class Walk {

		private final List<FieldViolation> violations;

		private final Map<String, @Nullable Set<String>> attributeTypes = new HashMap<>();

		private int nodes;

		private @Nullable Set<String> lifecycleClasses;

		Walk(List<FieldViolation> violations) {
			this.violations = violations;
		}

		void check(SegmentRule rule, String path, int depth) {
			if (++this.nodes == MAX_NODES + 1) {
				problem(path, "the rule has more than " + MAX_NODES + " parts");
			}
			if (depth > MAX_DEPTH) {
				problem(path, "nests deeper than " + MAX_DEPTH + " levels");
				return;
			}
			switch (rule) {
				case SegmentRule.All all -> children(all.all(), path + ".all", depth);
				case SegmentRule.Any any -> children(any.any(), path + ".any", depth);
				case SegmentRule.Not not -> {
					if (not.not() == null) {
						problem(path + ".not", "must be a rule");
					}
					else {
						check(not.not(), path + ".not", depth + 1);
					}
				}
				case SegmentRule.FieldTest test -> field(test, path);
				case SegmentRule.AttributeTest test -> attribute(test, path);
				case SegmentRule.AgeIn age -> {
					if (age.ageBand() == null || RuleValues.ages(age.ageBand()) == null) {
						problem(path + ".ageBand",
								"must be a band such as A25_34, A65_PLUS or UNKNOWN, or ages written 30-39 or 60+");
					}
				}
				case SegmentRule.UnitSubtree unit -> {
					if (unit.unit() == null || this.units().idsByCode(List.of(unit.unit())).isEmpty()) {
						problem(path + ".unit", "no org unit you can see has this code");
					}
				}
				case SegmentRule.ContactAt contact -> contact(contact.contactAt(), path + ".contactAt");
			}
		}

		private OrgUnits units() {
			return RuleChecks.this.units;
		}

		private void children(@Nullable List<SegmentRule> rules, String path, int depth) {
			if (rules == null || rules.isEmpty()) {
				problem(path, "must hold at least one rule");
				return;
			}
			for (int i = 0; i < rules.size(); i++) {
				if (rules.get(i) == null) {
					problem(path + "[" + i + "]", "must be a rule");
				}
				else {
					check(rules.get(i), path + "[" + i + "]", depth + 1);
				}
			}
		}

		private void contact(SegmentRule.@Nullable Contact contact, String path) {
			if (contact == null) {
				problem(path, "must name a touchpoint");
				return;
			}
			if (contact.touchpoint() == null) {
				problem(path + ".touchpoint", "must not be null");
			}
			else if (RuleChecks.this.touchpoints.ref(contact.touchpoint()).isEmpty()) {
				problem(path + ".touchpoint", "no touchpoint has this code");
			}
			if (contact.withinDays() != null && (contact.withinDays() < 1 || contact.withinDays() > MAX_DAYS)) {
				problem(path + ".withinDays", "must be between 1 and " + MAX_DAYS);
			}
		}

		private void field(SegmentRule.FieldTest test, String path) {
			Field field = Field.of(test.field());
			if (field == null) {
				problem(path + ".field", "is not a customer field: use one of " + Field.NAMES);
				return;
			}
			if (!oneTest(test.equalTo(), test.in(), test.range(), test.exists(), path)) {
				return;
			}
			if (test.range() != null) {
				if (!field.ordered) {
					problem(path + ".range", "only birthYear and valueTier have a range");
					return;
				}
				range(test.range(), path + ".range",
						(node) -> (field == Field.BIRTH_YEAR)
								? ((RuleValues.whole(node) != null) ? null : "must be a whole number")
								: fieldValue(field, node));
				return;
			}
			values(test.equalTo(), test.in(), path, (node) -> fieldValue(field, node));
		}

		private @Nullable String fieldValue(Field field, JsonNode node) {
			return switch (field) {
				case LIFECYCLE_CLASS -> {
					if (!node.isString()) {
						yield "must be the code of a lifecycle class";
					}
					yield lifecycleClasses().contains(node.asString()) ? null
							: "is not a lifecycle class of any journey";
				}
				case VALUE_TIER -> (RuleValues.tier(node) != null) ? null : "must be one of VIP, HIGH, MEDIUM, LOW";
				case LANGUAGE -> (RuleValues.language(node) != null) ? null : "must be zh-CN or en";
				case BIRTH_YEAR -> (RuleValues.whole(node) != null) ? null : "must be a whole number";
				case EXTERNAL_ID -> node.isString() ? null : "must be an external id (text)";
			};
		}

		private void attribute(SegmentRule.AttributeTest test, String path) {
			if (test.attribute() == null || test.attribute().isBlank()) {
				problem(path + ".attribute", "must name an attribute");
				return;
			}
			if (!oneTest(test.equalTo(), test.in(), test.range(), test.exists(), path)) {
				return;
			}
			Set<String> types = this.attributeTypes.computeIfAbsent(test.attribute(),
					(name) -> RuleChecks.this.customers.attributeTypes(List.of(name)).get(name));
			if (types == null) {
				problem(path + ".attribute", "no customer has this attribute");
				return;
			}
			if (test.range() != null) {
				range(test.range(), path + ".range", (node) -> {
					AttributeValue bound = RuleValues.bound(node);
					if (bound == null) {
						return "must be a number or a date written yyyy-mm-dd";
					}
					return types.contains(bound.type()) ? null : mismatch(types);
				});
				SegmentRule.Range range = test.range();
				AttributeValue min = RuleValues.bound(range.min());
				AttributeValue max = RuleValues.bound(range.max());
				if (min != null && max != null && !min.type().equals(max.type())) {
					problem(path + ".range", "min and max must be of one type");
				}
				return;
			}
			if (test.exists() != null) {
				return;
			}
			values(test.equalTo(), test.in(), path, (node) -> {
				List<AttributeValue> readings = RuleValues.attributeValues(node);
				if (readings.isEmpty()) {
					return "must be text, a number, true or false, or a date written yyyy-mm-dd";
				}
				return readings.stream().anyMatch((value) -> types.contains(value.type())) ? null : mismatch(types);
			});
		}

		private static String mismatch(Set<String> types) {
			return "does not match the type of the attribute, which holds " + String.join(" and ", types) + " values";
		}

		private boolean oneTest(@Nullable JsonNode equalTo, @Nullable List<JsonNode> in,
				SegmentRule.@Nullable Range range, @Nullable Boolean exists, String path) {
			int given = (RuleValues.given(equalTo) ? 1 : 0) + ((in != null) ? 1 : 0) + ((range != null) ? 1 : 0)
					+ ((exists != null) ? 1 : 0);
			if (given != 1) {
				problem(path, "must hold exactly one of equals, in, range or exists");
				return false;
			}
			return true;
		}

		private void values(@Nullable JsonNode equalTo, @Nullable List<JsonNode> in, String path,
				Function<JsonNode, @Nullable String> check) {
			if (RuleValues.given(equalTo)) {
				String problem = check.apply(equalTo);
				if (problem != null) {
					problem(path + ".equals", problem);
				}
			}
			else if (in != null) {
				if (in.isEmpty() || in.size() > MAX_VALUES) {
					problem(path + ".in", "must hold 1 to " + MAX_VALUES + " values");
					return;
				}
				for (int i = 0; i < in.size(); i++) {
					String problem = RuleValues.given(in.get(i)) ? check.apply(in.get(i)) : "must not be null";
					if (problem != null) {
						problem(path + ".in[" + i + "]", problem);
					}
				}
			}
		}

		private void range(SegmentRule.Range range, String path, Function<JsonNode, @Nullable String> check) {
			if (!RuleValues.given(range.min()) && !RuleValues.given(range.max())) {
				problem(path, "must have a min, a max or both");
				return;
			}
			if (RuleValues.given(range.min())) {
				String problem = check.apply(range.min());
				if (problem != null) {
					problem(path + ".min", problem);
				}
			}
			if (RuleValues.given(range.max())) {
				String problem = check.apply(range.max());
				if (problem != null) {
					problem(path + ".max", problem);
				}
			}
		}

		private Set<String> lifecycleClasses() {
			if (this.lifecycleClasses == null) {
				this.lifecycleClasses = RuleChecks.this.journeys.lifecycleClassCodes();
			}
			return this.lifecycleClasses;
		}

		private void problem(String path, String reason) {
			this.violations.add(FieldViolation.of(path, reason));
		}

	}

}
