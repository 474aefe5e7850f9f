package org.opencxm.customers;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.SqlDialect;
import org.opencxm.shared.SqlTime;
import org.opencxm.shared.SqlArrays;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind customers: profile rows, their attributes and their consents. It knows
 * nothing of callers and scope; {@link Customers} decides who may see what.
 */
@Repository
class CustomerRepository {

	static final String SELECT = """
			select c.id, c.external_id, c.name, c.phone, c.email, c.language, c.birth_year, c.lifecycle_class,
				c.value_tier, c.home_unit_id, u.code as home_unit_code, c.created_at, c.updated_at
			from customer c left join org_unit u on u.id = c.home_unit_id
			""";

	private static final String REF = """
			select id, external_id, home_unit_id, lifecycle_class, value_tier, birth_year, language from customer
			""";

	private static final String INSERT = """
			insert into customer (external_id, name, phone, phone_norm, email, email_norm, language, birth_year,
				lifecycle_class, value_tier, home_unit_id, created_at, updated_at)
			values (:externalId, :name, :phone, :phoneNorm, :email, :emailNorm, :language, :birthYear,
				:lifecycleClass, :valueTier, :homeUnitId, :now, :now)
			""";

	private static final String INSERT_ATTRIBUTE = """
			insert into customer_attribute (customer_id, name, type, string_value, string_key, number_value,
				boolean_value, date_value)
			values (:customer, :name, :type, :string, :key, :number, :bool, :date)
			""";

	private static final String CONSENT_COLUMNS = "customer_id, channel, granted, effective_at, source, recorded_by, recorded_at";

	/** Keeps IN lists well below what either database accepts in one statement. */
	static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate template;

	private final Clock clock;

	private final String insertBare;

	CustomerRepository(JdbcClient jdbc, NamedParameterJdbcTemplate template, Clock clock, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
		// On PostgreSQL a concurrent insert of the same id is skipped; H2's "on conflict
		// do nothing"
		// is slow and can stall behind another transaction's uncommitted row, so there
		// the
		// duplicate fails and the caller's retry finds the stored customer.
		this.insertBare = "insert into customer (external_id, language, home_unit_id, created_at, updated_at) "
				+ "values (:externalId, 'zh-CN', :unit, :now, :now)"
				+ (dialect.postgres() ? " on conflict do nothing" : "");
	}

	Optional<Row> byExternalId(String externalId) {
		return this.jdbc.sql(SELECT + " where c.external_id = :externalId")
			.param("externalId", externalId)
			.query(CustomerRepository::row)
			.optional();
	}

	Map<String, Row> byExternalIds(Collection<String> externalIds) {
		Map<String, Row> rows = new HashMap<>();
		for (List<String> chunk : chunks(externalIds)) {
			this.jdbc.sql(SELECT + " where c.external_id = any(:ids)")
				.param("ids", SqlArrays.texts(chunk))
				.query(CustomerRepository::row)
				.list()
				.forEach((row) -> rows.put(row.externalId(), row));
		}
		return rows;
	}

	Optional<CustomerRef> ref(long id) {
		return this.jdbc.sql(REF + " where id = :id").param("id", id).query(CustomerRepository::ref).optional();
	}

	Map<Long, CustomerRef> refsById(Collection<Long> ids) {
		Map<Long, CustomerRef> refs = new HashMap<>();
		List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
		for (int from = 0; from < all.size(); from += 1000) {
			this.jdbc.sql(REF + " where id = any(:ids)")
				.param("ids", SqlArrays.ids(all.subList(from, Math.min(all.size(), from + 1000))))
				.query(CustomerRepository::ref)
				.list()
				.forEach((ref) -> refs.put(ref.id(), ref));
		}
		return refs;
	}

	Optional<CustomerRef> ref(String externalId) {
		return this.jdbc.sql(REF + " where external_id = :externalId")
			.param("externalId", externalId)
			.query(CustomerRepository::ref)
			.optional();
	}

	Map<String, CustomerRef> refs(Collection<String> externalIds) {
		Map<String, CustomerRef> refs = new HashMap<>();
		for (List<String> chunk : chunks(externalIds)) {
			this.jdbc.sql(REF + " where external_id = any(:ids)")
				.param("ids", SqlArrays.texts(chunk))
				.query(CustomerRepository::ref)
				.list()
				.forEach((ref) -> refs.put(ref.externalId(), ref));
		}
		return refs;
	}

	/**
	 * Adds bare profiles in one batch; ids another transaction added meanwhile are left
	 * as they are.
	 */
	void insertBare(Map<String, @Nullable Long> homeUnitIds) {
		var now = SqlTime.of(this.clock.instant());
		// Sorted, so that concurrent transactions lock new rows in the same order.
		SqlParameterSource[] rows = homeUnitIds.keySet()
			.stream()
			.sorted()
			.map((externalId) -> new MapSqlParameterSource().addValue("externalId", externalId)
				.addValue("unit", homeUnitIds.get(externalId))
				.addValue("now", now))
			.toArray(SqlParameterSource[]::new);
		this.template.batchUpdate(this.insertBare, rows);
	}

	/**
	 * Adds new customers with their attributes in a few statements, and answers their ids
	 * by external id.
	 */
	Map<String, Long> insertAll(List<Profile> profiles) {
		var now = SqlTime.of(this.clock.instant());
		SqlParameterSource[] rows = profiles.stream()
			.map((profile) -> new MapSqlParameterSource(profileParams(profile)).addValue("now", now))
			.toArray(SqlParameterSource[]::new);
		this.template.batchUpdate(INSERT, rows);
		Map<String, Long> ids = new HashMap<>();
		refs(profiles.stream().map(Profile::externalId).toList())
			.forEach((externalId, ref) -> ids.put(externalId, ref.id()));
		List<SqlParameterSource> attributeRows = new ArrayList<>();
		profiles.forEach(
				(profile) -> attributeRows.addAll(attributeRows(ids.get(profile.externalId()), profile.attributes())));
		if (!attributeRows.isEmpty()) {
			this.template.batchUpdate(INSERT_ATTRIBUTE, attributeRows.toArray(SqlParameterSource[]::new));
		}
		return ids;
	}

	long insert(Profile profile) {
		KeyHolder keys = new GeneratedKeyHolder();
		var now = SqlTime.of(this.clock.instant());
		this.jdbc.sql(INSERT).params(profileParams(profile)).param("now", now).update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		insertAttributes(id, profile.attributes());
		return id;
	}

	void update(long id, Profile profile, boolean attributesChanged) {
		this.jdbc.sql("""
				update customer set name = :name, phone = :phone, phone_norm = :phoneNorm, email = :email,
					email_norm = :emailNorm, language = :language, birth_year = :birthYear,
					lifecycle_class = :lifecycleClass, value_tier = :valueTier, home_unit_id = :homeUnitId,
					updated_at = :now
				where id = :id
				""")
			.params(profileParams(profile))
			.param("now", SqlTime.of(this.clock.instant()))
			.param("id", id)
			.update();
		if (attributesChanged) {
			this.jdbc.sql("delete from customer_attribute where customer_id = :id").param("id", id).update();
			insertAttributes(id, profile.attributes());
		}
	}

	private static Map<String, @Nullable Object> profileParams(Profile profile) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("externalId", profile.externalId());
		params.put("name", profile.name());
		params.put("phone", profile.phone());
		params.put("phoneNorm", profile.phoneNorm());
		params.put("email", profile.email());
		params.put("emailNorm", profile.emailNorm());
		params.put("language", profile.language().tag());
		params.put("birthYear", profile.birthYear());
		params.put("lifecycleClass", profile.lifecycleClass());
		params.put("valueTier", (profile.valueTier() != null) ? profile.valueTier().name() : null);
		params.put("homeUnitId", profile.homeUnitId());
		return params;
	}

	private void insertAttributes(long customerId, Map<String, AttributeValue> attributes) {
		if (!attributes.isEmpty()) {
			this.template.batchUpdate(INSERT_ATTRIBUTE,
					attributeRows(customerId, attributes).toArray(SqlParameterSource[]::new));
		}
	}

	private static List<SqlParameterSource> attributeRows(long customerId, Map<String, AttributeValue> attributes) {
		return attributes.entrySet().stream().map((entry) -> {
			MapSqlParameterSource row = new MapSqlParameterSource().addValue("customer", customerId)
				.addValue("name", entry.getKey())
				.addValue("type", entry.getValue().type())
				.addValue("string", null)
				.addValue("key", null)
				.addValue("number", null)
				.addValue("bool", null)
				.addValue("date", null);
			switch (entry.getValue()) {
				case AttributeValue.StringValue text ->
					row.addValue("string", text.value()).addValue("key", CustomerSearch.stringKey(text.value()));
				case AttributeValue.NumberValue number -> row.addValue("number", number.value());
				case AttributeValue.BooleanValue flag -> row.addValue("bool", flag.value());
				case AttributeValue.DateValue date -> row.addValue("date", Date.valueOf(date.value()));
			}
			return (SqlParameterSource) row;
		}).toList();
	}

	Map<Long, Map<String, AttributeValue>> attributes(Collection<Long> customerIds) {
		Map<Long, Map<String, AttributeValue>> attributes = new HashMap<>();
		for (List<Long> chunk : chunks(customerIds)) {
			this.jdbc.sql("select * from customer_attribute where customer_id in (:ids) order by customer_id, name")
				.param("ids", chunk)
				.query((rs, row) -> {
					attributes.computeIfAbsent(rs.getLong("customer_id"), (id) -> new LinkedHashMap<>())
						.put(rs.getString("name"), attribute(rs));
					return null;
				})
				.list();
		}
		return attributes;
	}

	private static AttributeValue attribute(ResultSet rs) throws SQLException {
		return switch (rs.getString("type")) {
			case "number" -> new AttributeValue.NumberValue(rs.getDouble("number_value"));
			case "boolean" -> new AttributeValue.BooleanValue(rs.getBoolean("boolean_value"));
			case "date" -> new AttributeValue.DateValue(rs.getObject("date_value", LocalDate.class));
			default -> new AttributeValue.StringValue(rs.getString("string_value"));
		};
	}

	Map<Long, Map<ConsentChannel, Consent>> consents(Collection<Long> customerIds) {
		Map<Long, Map<ConsentChannel, Consent>> consents = new HashMap<>();
		for (List<Long> chunk : chunks(customerIds)) {
			this.jdbc.sql("select " + CONSENT_COLUMNS + " from customer_consent where customer_id in (:ids)")
				.param("ids", chunk)
				.query((rs, row) -> {
					Consent consent = consent(rs);
					consents.computeIfAbsent(rs.getLong("customer_id"), (id) -> new EnumMap<>(ConsentChannel.class))
						.put(consent.channel(), consent);
					return null;
				})
				.list();
		}
		return consents;
	}

	List<Long> consenting(Collection<Long> customerIds, ConsentChannel channel) {
		List<Long> ids = new ArrayList<>();
		for (List<Long> chunk : chunks(customerIds)) {
			ids.addAll(this.jdbc.sql("""
					select customer_id from customer_consent
					where customer_id in (:ids) and channel = :channel and granted
					""").param("ids", chunk).param("channel", channel.name()).query(Long.class).list());
		}
		return ids;
	}

	/**
	 * The consent events of a customer in the order they took effect.
	 */
	List<Consent> consentHistory(long customerId, @Nullable ConsentChannel channel) {
		String where = (channel != null) ? " and channel = :channel" : "";
		var query = this.jdbc
			.sql("select " + CONSENT_COLUMNS + " from customer_consent_event where customer_id = :id" + where
					+ " order by effective_at, id")
			.param("id", customerId);
		if (channel != null) {
			query = query.param("channel", channel.name());
		}
		return query.query((rs, row) -> consent(rs)).list();
	}

	boolean hasConsentEvent(long customerId, ConsentChannel channel, boolean granted, Instant at, String source) {
		return this.jdbc.sql("""
				select count(*) from customer_consent_event
				where customer_id = :id and channel = :channel and granted = :granted and effective_at = :at
					and source = :source
				""")
			.param("id", customerId)
			.param("channel", channel.name())
			.param("granted", granted)
			.param("at", SqlTime.of(at))
			.param("source", source)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Records the first consents of customers who have none yet, in a few statements:
	 * each becomes both history and the current consent of its channel.
	 */
	void recordFirstConsents(Map<Long, List<Consent>> consentsByCustomer) {
		List<SqlParameterSource> events = new ArrayList<>();
		consentsByCustomer.forEach((customerId, consents) -> consents
			.forEach((consent) -> events.add(new MapSqlParameterSource(consentParams(customerId, consent)))));
		if (events.isEmpty()) {
			return;
		}
		this.template.batchUpdate(
				"insert into customer_consent_event (" + CONSENT_COLUMNS
						+ ") values (:id, :channel, :granted, :at, :source, :by, :recordedAt)",
				events.toArray(SqlParameterSource[]::new));
		for (List<Long> chunk : chunks(consentsByCustomer.keySet())) {
			this.jdbc
				.sql("insert into customer_consent (" + CONSENT_COLUMNS + ", event_id) select " + CONSENT_COLUMNS
						+ ", id from customer_consent_event where customer_id in (:ids)")
				.param("ids", chunk)
				.update();
		}
	}

	/**
	 * Adds the event to the history and makes it the current consent unless a later one
	 * took effect already.
	 */
	void recordConsent(long customerId, Consent consent, @Nullable Consent current) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into customer_consent_event (" + CONSENT_COLUMNS
					+ ") values (:id, :channel, :granted, :at, :source, :by, :recordedAt)")
			.params(consentParams(customerId, consent))
			.update(keys, "id");
		long eventId = keys.getKeyAs(Long.class);
		if (current == null) {
			this.jdbc
				.sql("insert into customer_consent (" + CONSENT_COLUMNS
						+ ", event_id) values (:id, :channel, :granted, :at, :source, :by, :recordedAt, :event)")
				.params(consentParams(customerId, consent))
				.param("event", eventId)
				.update();
		}
		else if (!consent.at().isBefore(current.at())) {
			this.jdbc.sql("""
					update customer_consent set granted = :granted, effective_at = :at, source = :source,
						recorded_by = :by, recorded_at = :recordedAt, event_id = :event
					where customer_id = :id and channel = :channel
					""").params(consentParams(customerId, consent)).param("event", eventId).update();
		}
	}

	private static Map<String, @Nullable Object> consentParams(long customerId, Consent consent) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("id", customerId);
		params.put("channel", consent.channel().name());
		params.put("granted", consent.granted());
		params.put("at", SqlTime.of(consent.at()));
		params.put("source", consent.source());
		params.put("by", consent.recordedBy());
		params.put("recordedAt", SqlTime.of(consent.recordedAt()));
		return params;
	}

	private static Consent consent(ResultSet rs) throws SQLException {
		return new Consent(ConsentChannel.valueOf(rs.getString("channel")), rs.getBoolean("granted"),
				SqlTime.requiredInstant(rs, "effective_at"), rs.getString("source"), rs.getString("recorded_by"),
				SqlTime.requiredInstant(rs, "recorded_at"));
	}

	static Row row(ResultSet rs, int rowNum) throws SQLException {
		String tier = rs.getString("value_tier");
		return new Row(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"), rs.getString("phone"),
				rs.getString("email"), LanguageTag.of(rs.getString("language")),
				rs.getObject("birth_year", Integer.class), rs.getString("lifecycle_class"),
				(tier != null) ? ValueTier.valueOf(tier) : null, rs.getObject("home_unit_id", Long.class),
				rs.getString("home_unit_code"), SqlTime.requiredInstant(rs, "created_at"),
				SqlTime.requiredInstant(rs, "updated_at"));
	}

	private static CustomerRef ref(ResultSet rs, int rowNum) throws SQLException {
		String tier = rs.getString("value_tier");
		return new CustomerRef(rs.getLong("id"), rs.getString("external_id"), rs.getObject("home_unit_id", Long.class),
				rs.getString("lifecycle_class"), (tier != null) ? ValueTier.valueOf(tier) : null,
				rs.getObject("birth_year", Integer.class), LanguageTag.of(rs.getString("language")));
	}

	static <T> List<List<T>> chunks(Collection<T> values) {
		List<T> all = List.copyOf(values);
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += CHUNK) {
			chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
		}
		return chunks;
	}

	/**
	 * A customer row without its attributes and consents.
	 */
	record Row(long id, String externalId, @Nullable String name, @Nullable String phone, @Nullable String email,
			LanguageTag language, @Nullable Integer birthYear, @Nullable String lifecycleClass,
			@Nullable ValueTier valueTier, @Nullable Long homeUnitId, @Nullable String homeUnitCode, Instant createdAt,
			Instant updatedAt) {

		Profile profile(Map<String, AttributeValue> attributes) {
			return new Profile(this.externalId, this.name, this.phone, this.email, this.language, this.birthYear,
					this.lifecycleClass, this.valueTier, this.homeUnitId, attributes);
		}

	}

}
