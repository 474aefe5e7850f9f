package org.opencxm.customers;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The value of a customer attribute. In JSON a string, number or boolean is written as
 * itself; a date, which JSON has no type for, as {@code {"type": "date", "value":
 * "2026-05-01"}}, so that a string that looks like a date stays a string.
 */
@JsonDeserialize(using = AttributeJson.class)
public sealed interface AttributeValue {

	/**
	 * The name stored with the value: {@code string}, {@code number}, {@code boolean} or
	 * {@code date}.
	 */
	String type();

	static AttributeValue of(String value) {
		return new StringValue(value);
	}

	static AttributeValue of(double value) {
		return new NumberValue(value);
	}

	static AttributeValue of(boolean value) {
		return new BooleanValue(value);
	}

	static AttributeValue of(LocalDate value) {
		return new DateValue(value);
	}

	record StringValue(String value) implements AttributeValue {

		@Override
		public String type() {
			return "string";
		}

		@JsonValue
		String json() {
			return this.value;
		}

	}

	record NumberValue(double value) implements AttributeValue {

		private static final double EXACT_LONG_LIMIT = 9_007_199_254_740_992d;

		@Override
		public String type() {
			return "number";
		}

		/**
		 * Whole numbers are written without a fraction, so 12 comes back as 12, not 12.0.
		 */
		@JsonValue
		Number json() {
			if (this.value == Math.rint(this.value) && Math.abs(this.value) < EXACT_LONG_LIMIT) {
				return (long) this.value;
			}
			return this.value;
		}

	}

	record BooleanValue(boolean value) implements AttributeValue {

		@Override
		public String type() {
			return "boolean";
		}

		@JsonValue
		boolean json() {
			return this.value;
		}

	}

	record DateValue(LocalDate value) implements AttributeValue {

		@Override
		public String type() {
			return "date";
		}

		@JsonValue
		Map<String, String> json() {
			return Map.of("type", "date", "value", this.value.toString());
		}

	}

}
