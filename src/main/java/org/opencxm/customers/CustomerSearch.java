package org.opencxm.customers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link CustomerQuery} into one SQL statement, limited to the caller's visible
 * units, in id order so that pages do not shift between requests.
 */
@Component
class CustomerSearch {

	static final int MAX_ATTRIBUTE_FILTERS = 20;

	/** The part of a string attribute that its index holds (see the migration). */
	static final int STRING_KEY_LENGTH = 200;

	private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?$");

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final OrgUnits units;

	CustomerSearch(JdbcClient jdbc, OrgScope scope, OrgUnits units) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.units = units;
	}

	static String stringKey(String value) {
		return (value.length() <= STRING_KEY_LENGTH) ? value : value.substring(0, STRING_KEY_LENGTH);
	}

	PageResult<CustomerRepository.Row> search(CustomerQuery query, PageRequest page) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		List<FieldViolation> violations = new ArrayList<>();
		VisibleUnits visible = this.scope.visibleUnits();
		if (!visible.all()) {
			where.add("c.home_unit_id in (:visible)");
			params.put("visible", visible.ids().isEmpty() ? List.of(-1L) : visible.ids());
		}
		if (query.unitCode() != null) {
			Long unitId = this.units.idsByCode(Set.of(query.unitCode())).get(query.unitCode());
			if (unitId == null) {
				violations.add(FieldViolation.of("unit", "no org unit has this code"));
			}
			else {
				where.add("c.home_unit_id in (:unitTree)");
				params.put("unitTree", this.scope.subtree(unitId).ids());
			}
		}
		text(query.text(), where, params);
		if (query.phone() != null) {
			if (CustomerChecks.validPhone(query.phone().strip())) {
				where.add("c.phone_norm = :phone");
				params.put("phone", Profile.normalPhone(query.phone()));
			}
			else {
				violations.add(FieldViolation.of("phone", "must be a phone number: digits, '+', spaces or dashes"));
			}
		}
		if (query.email() != null) {
			where.add("c.email_norm = :email");
			params.put("email", Profile.normalEmail(query.email()));
		}
		if (query.lifecycleClass() != null) {
			where.add("c.lifecycle_class = :lifecycleClass");
			params.put("lifecycleClass", query.lifecycleClass());
		}
		if (query.valueTier() != null) {
			where.add("c.value_tier = :valueTier");
			params.put("valueTier", query.valueTier().name());
		}
		if (query.consent() != null) {
			where
				.add("c.id in (select k.customer_id from customer_consent k where k.channel = :consent and k.granted)");
			params.put("consent", query.consent().name());
		}
		attributes(query.attributes(), where, params, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
		long total = this.jdbc.sql("select count(*) from customer c" + condition)
			.params(params)
			.query(Long.class)
			.single();
		List<CustomerRepository.Row> rows = this.jdbc
			.sql(CustomerRepository.SELECT + condition + " order by c.id limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(CustomerRepository::row)
			.list();
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	/**
	 * Customers meeting a condition among those the caller may see, in id order.
	 */
	PageResult<CustomerRepository.Row> search(CustomerCondition condition, PageRequest page) {
		CustomerCondition scoped = scoped(condition);
		String where = " where " + scoped.sql();
		long total = this.jdbc.sql("select count(*) from customer c" + where)
			.params(scoped.params())
			.query(Long.class)
			.single();
		List<CustomerRepository.Row> rows = this.jdbc
			.sql(CustomerRepository.SELECT + where + " order by c.id limit :scopeLimit offset :scopeOffset")
			.params(scoped.params())
			.param("scopeLimit", page.size())
			.param("scopeOffset", page.offset())
			.query(CustomerRepository::row)
			.list();
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	long count(CustomerCondition condition) {
		CustomerCondition scoped = scoped(condition);
		return this.jdbc.sql("select count(*) from customer c where " + scoped.sql())
			.params(scoped.params())
			.query(Long.class)
			.single();
	}

	/**
	 * Which of the conditions the customer meets, in one statement, whoever asks.
	 */
	List<Boolean> test(long customerId, List<CustomerCondition> conditions) {
		if (conditions.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		List<String> columns = new ArrayList<>();
		for (int i = 0; i < conditions.size(); i++) {
			columns.add("case when " + conditions.get(i).sql() + " then 1 else 0 end as m" + i);
			params.putAll(conditions.get(i).params());
		}
		params.put("scopeCustomer", customerId);
		return this.jdbc.sql("select " + String.join(", ", columns) + " from customer c where c.id = :scopeCustomer")
			.params(params)
			.query((rs, row) -> {
				List<Boolean> met = new ArrayList<>();
				for (int i = 0; i < conditions.size(); i++) {
					met.add(rs.getInt(i + 1) == 1);
				}
				return met;
			})
			.optional()
			.orElseGet(() -> conditions.stream().map((condition) -> false).toList());
	}

	/**
	 * The types of value stored under each attribute name; a name no customer holds is
	 * left out. Each probe is a look into one of the attribute indexes.
	 */
	Map<String, Set<String>> attributeTypes(Collection<String> names) {
		Map<String, Set<String>> types = new HashMap<>();
		for (String name : names) {
			Set<String> held = new java.util.TreeSet<>();
			this.jdbc
				.sql("""
						select
							case when exists (select 1 from customer_attribute where name = :name and string_key is not null)
								then 1 else 0 end as s,
							case when exists (select 1 from customer_attribute where name = :name and number_value is not null)
								then 1 else 0 end as n,
							case when exists (select 1 from customer_attribute where name = :name and boolean_value is not null)
								then 1 else 0 end as b,
							case when exists (select 1 from customer_attribute where name = :name and date_value is not null)
								then 1 else 0 end as d
						""")
				.param("name", name)
				.query((rs, row) -> {
					if (rs.getInt("s") == 1) {
						held.add("string");
					}
					if (rs.getInt("n") == 1) {
						held.add("number");
					}
					if (rs.getInt("b") == 1) {
						held.add("boolean");
					}
					if (rs.getInt("d") == 1) {
						held.add("date");
					}
					return held;
				})
				.single();
			if (!held.isEmpty()) {
				types.put(name, held);
			}
		}
		return types;
	}

	private CustomerCondition scoped(CustomerCondition condition) {
		VisibleUnits visible = this.scope.visibleUnits();
		if (visible.all()) {
			return condition;
		}
		Map<String, Object> params = new HashMap<>(condition.params());
		params.put("scopeUnits", visible.ids().isEmpty() ? List.of(-1L) : List.copyOf(visible.ids()));
		return CustomerCondition.of("c.home_unit_id in (:scopeUnits) and (" + condition.sql() + ")", params);
	}

	private static void text(@Nullable String text, List<String> where, Map<String, Object> params) {
		if (text == null || text.isBlank()) {
			return;
		}
		String lower = text.strip().toLowerCase(Locale.ROOT);
		List<String> any = new ArrayList<>(
				List.of("lower(c.name) like :text escape '!'", "c.email_norm like :text escape '!'"));
		params.put("text", contains(lower));
		String phone = Profile.normalPhone(lower);
		if (!phone.isEmpty() && lower.chars().allMatch((c) -> Character.isDigit(c) || "+ -".indexOf(c) >= 0)) {
			any.add("c.phone_norm like :phoneText escape '!'");
			params.put("phoneText", contains(phone));
		}
		where.add("(" + String.join(" or ", any) + ")");
	}

	private static String contains(String text) {
		return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	/**
	 * Each filter is a subquery on the attribute indexes; a value is compared as every
	 * type it can be read as, so {@code 12} finds the number 12 and the text "12".
	 */
	private static void attributes(List<CustomerQuery.AttributeFilter> filters, List<String> where,
			Map<String, Object> params, List<FieldViolation> violations) {
		if (filters.size() > MAX_ATTRIBUTE_FILTERS) {
			violations.add(FieldViolation.of("attribute", "at most " + MAX_ATTRIBUTE_FILTERS + " attribute filters"));
			return;
		}
		for (int i = 0; i < filters.size(); i++) {
			CustomerQuery.AttributeFilter filter = filters.get(i);
			if (!CustomerChecks.validAttributeName(filter.name())) {
				violations.add(FieldViolation.of("attr." + filter.name(), "is not a valid attribute name"));
				continue;
			}
			String p = "a" + i;
			String value = filter.value();
			List<String> any = new ArrayList<>();
			any.add("(a.type = 'string' and a.string_key = :" + p + "key and a.string_value = :" + p + "string)");
			params.put(p + "key", stringKey(value));
			params.put(p + "string", value);
			if (NUMBER.matcher(value).matches() && Double.isFinite(Double.parseDouble(value))) {
				any.add("(a.type = 'number' and a.number_value = :" + p + "number)");
				params.put(p + "number", Double.parseDouble(value));
			}
			if (value.equals("true") || value.equals("false")) {
				any.add("(a.type = 'boolean' and a.boolean_value = :" + p + "bool)");
				params.put(p + "bool", Boolean.parseBoolean(value));
			}
			LocalDate date = date(value);
			if (date != null) {
				any.add("(a.type = 'date' and a.date_value = :" + p + "date)");
				params.put(p + "date", java.sql.Date.valueOf(date));
			}
			where.add("c.id in (select a.customer_id from customer_attribute a where a.name = :" + p + "name and ("
					+ String.join(" or ", any) + "))");
			params.put(p + "name", filter.name());
		}
	}

	private static @Nullable LocalDate date(String value) {
		if (value.length() != 10) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
