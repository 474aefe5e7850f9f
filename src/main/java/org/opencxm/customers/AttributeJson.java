package org.opencxm.customers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an attribute value by its JSON type. A typed object ({@code {"type": "date",
 * "value": "2026-05-01"}}) is needed only for dates, and is accepted for the other types
 * too.
 */
class AttributeJson extends ValueDeserializer<AttributeValue> {

	static final String EXPECTED = "a string, a number, true or false, or {\"type\": \"date\", \"value\": \"yyyy-mm-dd\"}";

	@Override
	public AttributeValue deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		JsonNode node = context.readTree(parser);
		if (node.isString()) {
			return new AttributeValue.StringValue(node.stringValue());
		}
		if (node.isNumber()) {
			return new AttributeValue.NumberValue(node.numberValue().doubleValue());
		}
		if (node.isBoolean()) {
			return new AttributeValue.BooleanValue(node.booleanValue());
		}
		if (node.isObject() && node.size() == 2 && node.path("type").isString() && node.has("value")) {
			return typed(node.path("type").stringValue(), node.get("value"), context);
		}
		return context.reportInputMismatch(AttributeValue.class, "an attribute value must be " + EXPECTED);
	}

	private static AttributeValue typed(String type, JsonNode value, DeserializationContext context) {
		if ("date".equals(type) && value.isString()) {
			try {
				return new AttributeValue.DateValue(LocalDate.parse(value.stringValue()));
			}
			catch (DateTimeParseException ex) {
				return context.reportInputMismatch(AttributeValue.class, "a date must be written yyyy-mm-dd");
			}
		}
		if ("string".equals(type) && value.isString()) {
			return new AttributeValue.StringValue(value.stringValue());
		}
		if ("number".equals(type) && value.isNumber()) {
			return new AttributeValue.NumberValue(value.numberValue().doubleValue());
		}
		if ("boolean".equals(type) && value.isBoolean()) {
			return new AttributeValue.BooleanValue(value.booleanValue());
		}
		return context.reportInputMismatch(AttributeValue.class, "an attribute value must be " + EXPECTED);
	}

}
