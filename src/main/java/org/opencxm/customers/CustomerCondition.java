package org.opencxm.customers;

import java.sql.Date;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A condition on a customer, as a piece of SQL over the customer row {@code c} with its
 * named parameters, for other modules to compose into one statement (a segment's rule
 * tree) that {@link Customers#count},
 * {@link Customers#search(CustomerCondition, org.opencxm.shared.PageRequest)} or
 * {@link Customers#test} then runs. The factories take the prefix of their parameter
 * names, which must be unique within the statement; names starting with {@code scope} are
 * taken by the queries that run conditions.
 */
public record CustomerCondition(String sql, Map<String, Object> params) {

	/** The customer id column, for conditions other modules write (contact history). */
	public static final String CUSTOMER_ID = "c.id";

	private static final CustomerCondition NONE = new CustomerCondition("1 = 0", Map.of());

	public CustomerCondition {
		params = Map.copyOf(params);
	}

	/** A condition some other module wrote over {@link #CUSTOMER_ID}. */
	public static CustomerCondition of(String sql, Map<String, Object> params) {
		return new CustomerCondition(sql, params);
	}

	/** Holds for no customer (a rule that refers to something since deleted). */
	public static CustomerCondition none() {
		return NONE;
	}

	/** Holds when every one of the conditions holds. */
	public static CustomerCondition all(List<CustomerCondition> conditions) {
		return join(conditions, " and ", "1 = 1");
	}

	/** Holds when at least one of the conditions holds. */
	public static CustomerCondition any(List<CustomerCondition> conditions) {
		return join(conditions, " or ", "1 = 0");
	}

	/**
	 * Holds when the condition does not. Every condition made here is true or false for
	 * every customer (a column that may be null is tested with {@code is not null}
	 * first), so that NOT never meets SQL's unknown; conditions written elsewhere must
	 * keep to that too.
	 */
	public static CustomerCondition not(CustomerCondition condition) {
		return new CustomerCondition("not (" + condition.sql + ")", condition.params);
	}

	public static CustomerCondition externalIdIn(String param, Collection<String> externalIds) {
		return in("c.external_id", param, externalIds);
	}

	public static CustomerCondition lifecycleClassIn(String param, Collection<String> codes) {
		return in("c.lifecycle_class", param, codes);
	}

	public static CustomerCondition valueTierIn(String param, Collection<ValueTier> tiers) {
		return in("c.value_tier", param, tiers.stream().map(ValueTier::name).toList());
	}

	public static CustomerCondition languageIn(String param, Collection<String> languageTags) {
		return in("c.language", param, languageTags);
	}

	public static CustomerCondition birthYearIn(String param, Collection<Integer> years) {
		return in("c.birth_year", param, years);
	}

	/** Customers homed in one of the units (a subtree, resolved by the caller). */
	public static CustomerCondition homeUnitIn(String param, Collection<Long> unitIds) {
		return in("c.home_unit_id", param, unitIds);
	}

	/** A birth year within the bounds, both inclusive; a missing bound is open. */
	public static CustomerCondition birthYearBetween(String param, @Nullable Integer min, @Nullable Integer max) {
		return between("c.birth_year", param, min, max);
	}

	/** Customers with a value in the column: {@code field} is one of those above. */
	public static CustomerCondition present(Field field) {
		return new CustomerCondition("c." + field.column + " is not null", Map.of());
	}

	/** Customers whose age cannot be told: no birth year, or one in the future. */
	public static CustomerCondition birthYearUnknown(String param, int currentYear) {
		return new CustomerCondition("(c.birth_year is null or c.birth_year > :" + param + ")",
				Map.of(param, currentYear));
	}

	/**
	 * Customers holding the attribute with one of the values, each compared with a stored
	 * value of its own type.
	 */
	public static CustomerCondition attributeIn(String param, String name, List<AttributeValue> values) {
		if (values.isEmpty()) {
			return NONE;
		}
		Map<String, Object> params = new HashMap<>();
		params.put(param + "name", name);
		Map<String, List<AttributeValue>> byType = values.stream()
			.collect(Collectors.groupingBy(AttributeValue::type, java.util.LinkedHashMap::new, Collectors.toList()));
		List<String> any = new java.util.ArrayList<>();
		byType.forEach((type, typed) -> {
			String p = param + type;
			switch (type) {
				case "string" -> {
					List<String> texts = typed.stream().map((v) -> ((AttributeValue.StringValue) v).value()).toList();
					params.put(p + "key", texts.stream().map(CustomerSearch::stringKey).distinct().toList());
					params.put(p, texts);
					any.add("(a.type = 'string' and a.string_key in (:" + p + "key) and a.string_value in (:" + p
							+ "))");
				}
				case "number" -> {
					params.put(p, typed.stream().map((v) -> ((AttributeValue.NumberValue) v).value()).toList());
					any.add("(a.type = 'number' and a.number_value in (:" + p + "))");
				}
				case "boolean" -> {
					params.put(p, typed.stream().map((v) -> ((AttributeValue.BooleanValue) v).value()).toList());
					any.add("(a.type = 'boolean' and a.boolean_value in (:" + p + "))");
				}
				default -> {
					params.put(p,
							typed.stream().map((v) -> Date.valueOf(((AttributeValue.DateValue) v).value())).toList());
					any.add("(a.type = 'date' and a.date_value in (:" + p + "))");
				}
			}
		});
		return attribute(param, "(" + String.join(" or ", any) + ")", params);
	}

	/**
	 * Customers holding the attribute as a number, or a date, within the bounds (both
	 * inclusive, a missing one open). Both bounds given must be of the same type, number
	 * or date.
	 */
	public static CustomerCondition attributeBetween(String param, String name, @Nullable AttributeValue min,
			@Nullable AttributeValue max) {
		AttributeValue sample = (min != null) ? min : max;
		if (sample == null) {
			throw new IllegalArgumentException("a range needs at least one bound");
		}
		String column = switch (sample) {
			case AttributeValue.NumberValue number -> "number_value";
			case AttributeValue.DateValue date -> "date_value";
			default -> throw new IllegalArgumentException("only numbers and dates have a range");
		};
		Map<String, Object> params = new HashMap<>();
		params.put(param + "name", name);
		StringBuilder sql = new StringBuilder("a.type = '").append(sample.type()).append('\'');
		if (min != null) {
			sql.append(" and a.").append(column).append(" >= :").append(param).append("min");
			params.put(param + "min", sqlValue(min));
		}
		if (max != null) {
			sql.append(" and a.").append(column).append(" <= :").append(param).append("max");
			params.put(param + "max", sqlValue(max));
		}
		return attribute(param, sql.toString(), params);
	}

	/** Customers holding the attribute, whatever its value. */
	public static CustomerCondition attributePresent(String param, String name) {
		return attribute(param, "1 = 1", Map.of(param + "name", name));
	}

	private static CustomerCondition attribute(String param, String test, Map<String, Object> params) {
		return new CustomerCondition(
				"exists (select 1 from customer_attribute a where a.customer_id = c.id and a.name = :" + param
						+ "name and " + test + ")",
				params);
	}

	private static Object sqlValue(AttributeValue value) {
		return switch (value) {
			case AttributeValue.StringValue text -> text.value();
			case AttributeValue.NumberValue number -> number.value();
			case AttributeValue.BooleanValue flag -> flag.value();
			case AttributeValue.DateValue date -> Date.valueOf(date.value());
		};
	}

	private static CustomerCondition in(String column, String param, Collection<?> values) {
		if (values.isEmpty()) {
			return NONE;
		}
		// "is not null" keeps a missing value false rather than unknown, so NOT stays
		// exact
		return new CustomerCondition("(" + column + " is not null and " + column + " in (:" + param + "))",
				Map.of(param, List.copyOf(values)));
	}

	private static CustomerCondition between(String column, String param, @Nullable Integer min,
			@Nullable Integer max) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder(column).append(" is not null");
		if (min != null) {
			sql.append(" and ").append(column).append(" >= :").append(param).append("min");
			params.put(param + "min", min);
		}
		if (max != null) {
			sql.append(" and ").append(column).append(" <= :").append(param).append("max");
			params.put(param + "max", max);
		}
		return new CustomerCondition("(" + sql + ")", params);
	}

	private static CustomerCondition join(List<CustomerCondition> conditions, String operator, String empty) {
		if (conditions.isEmpty()) {
			return new CustomerCondition(empty, Map.of());
		}
		if (conditions.size() == 1) {
			return conditions.get(0);
		}
		Map<String, Object> params = new HashMap<>();
		conditions.forEach((condition) -> params.putAll(condition.params));
		return new CustomerCondition(
				conditions.stream().map((c) -> "(" + c.sql + ")").collect(Collectors.joining(operator)), params);
	}

	/** The profile columns a condition can ask to be present. */
	public enum Field {

		EXTERNAL_ID("external_id"), LIFECYCLE_CLASS("lifecycle_class"), VALUE_TIER("value_tier"), LANGUAGE("language"),
		BIRTH_YEAR("birth_year"), HOME_UNIT("home_unit_id");

		private final String column;

		Field(String column) {
			this.column = column;
		}

	}

}
