package org.opencxm.segments;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The rule that decides who belongs to a segment: a tree of tests on a customer. Each
 * node is a JSON object whose one distinguishing key names its kind, so the JSON reads as
 * the rule says: <pre>
 * {"all": [
 *   {"field": "lifecycleClass", "in": ["contracted", "run-in"]},
 *   {"not": {"attribute": "vip", "equals": true}},
 *   {"any": [{"ageBand": "30-39"}, {"field": "valueTier", "range": {"min": "HIGH"}}]},
 *   {"contactAt": {"touchpoint": "RE-HANDOVER", "withinDays": 90, "includeDescendants": true}},
 *   {"unit": "RE-EAST"}
 * ]}
 * </pre> See {@code docs/api/segments.md} for every kind and what it accepts.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({ @JsonSubTypes.Type(SegmentRule.All.class), @JsonSubTypes.Type(SegmentRule.Any.class),
		@JsonSubTypes.Type(SegmentRule.Not.class), @JsonSubTypes.Type(SegmentRule.FieldTest.class),
		@JsonSubTypes.Type(SegmentRule.AttributeTest.class), @JsonSubTypes.Type(SegmentRule.AgeIn.class),
		@JsonSubTypes.Type(SegmentRule.UnitSubtree.class), @JsonSubTypes.Type(SegmentRule.ContactAt.class) })
public sealed interface SegmentRule {

	/** AND: every rule holds. */
	record All(List<SegmentRule> all) implements SegmentRule {

	}

	/** OR: at least one rule holds. */
	record Any(List<SegmentRule> any) implements SegmentRule {

	}

	/** NOT: the rule does not hold. */
	record Not(SegmentRule not) implements SegmentRule {

	}

	/**
	 * A test of a profile field ({@code lifecycleClass}, {@code valueTier},
	 * {@code language}, {@code birthYear}, {@code externalId}): exactly one of
	 * {@code equals}, {@code in}, {@code range} or {@code exists}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record FieldTest(String field, @JsonProperty("equals") @Nullable JsonNode equalTo, @Nullable List<JsonNode> in,
			@Nullable Range range, @Nullable Boolean exists) implements SegmentRule {

	}

	/**
	 * A test of a typed customer attribute: exactly one of {@code equals}, {@code in},
	 * {@code range} (numbers, or dates written {@code yyyy-mm-dd}) or {@code exists}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AttributeTest(String attribute, @JsonProperty("equals") @Nullable JsonNode equalTo,
			@Nullable List<JsonNode> in, @Nullable Range range, @Nullable Boolean exists) implements SegmentRule {

	}

	/**
	 * The age reached this year, from the birth year: a band of the customer profile
	 * ({@code A25_34}, {@code A65_PLUS}, {@code UNKNOWN}...), {@code "30-39"} or
	 * {@code "60+"}.
	 */
	record AgeIn(String ageBand) implements SegmentRule {

	}

	/** Customers homed in the org unit with this code or any unit below it. */
	record UnitSubtree(String unit) implements SegmentRule {

	}

	/** Customers with a recorded contact at a touchpoint. */
	record ContactAt(Contact contactAt) implements SegmentRule {

	}

	/**
	 * Which contacts count: at the touchpoint (and, with {@code includeDescendants}, at
	 * any touchpoint below it), in the last {@code withinDays} days (ever, if absent).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Contact(String touchpoint, @Nullable Integer withinDays, @Nullable Boolean includeDescendants) {

		boolean descendants() {
			return Boolean.TRUE.equals(this.includeDescendants);
		}

	}

	/** Inclusive bounds; one may be left out for an open range. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Range(@Nullable JsonNode min, @Nullable JsonNode max) {

	}

}
