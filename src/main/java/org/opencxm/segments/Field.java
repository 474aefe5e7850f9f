package org.opencxm.segments;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerCondition;

/**
 * The customer profile fields a rule can test, by their names in the rule JSON.
 */
enum Field {

	LIFECYCLE_CLASS("lifecycleClass", false, CustomerCondition.Field.LIFECYCLE_CLASS),
	VALUE_TIER("valueTier", true, CustomerCondition.Field.VALUE_TIER),
	LANGUAGE("language", false, CustomerCondition.Field.LANGUAGE),
	BIRTH_YEAR("birthYear", true, CustomerCondition.Field.BIRTH_YEAR),
	EXTERNAL_ID("externalId", false, CustomerCondition.Field.EXTERNAL_ID);

	static final String NAMES = Arrays.stream(values()).map((field) -> field.json).collect(Collectors.joining(", "));

	final String json;

	/** Whether a range makes sense: years, and tiers from least to most valuable. */
	final boolean ordered;

	final CustomerCondition.Field column;

	Field(String json, boolean ordered, CustomerCondition.Field column) {
		this.json = json;
		this.ordered = ordered;
		this.column = column;
	}

	static @Nullable Field of(@Nullable String json) {
		for (Field field : values()) {
			if (field.json.equals(json)) {
				return field;
			}
		}
		return null;
	}

}
