package org.opencxm.interactions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerRef;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.Channel;
import org.opencxm.org.OrgScope;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.IdBatch;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.shared.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the contact archive: one interaction, a customer's timeline, filtered lists, and
 * where a customer stands on each journey. A scoped caller sees only contacts at units in
 * its subtree.
 */
@Service
public class ContactHistory {

	private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
	};

	private static final String SELECT = """
			select i.id, i.event_id, i.unit_id, c.external_id as customer_code, t.code as touchpoint_code, s.code as stage_code,
				u.code as unit_code, f.code as staff_code, i.channel, i.occurred_at, i.recorded_at, i.properties
			from interaction i
			join customer c on c.id = i.customer_id
			join touchpoint t on t.id = i.touchpoint_id
			join journey_stage s on s.id = i.stage_id
			left join org_unit u on u.id = i.unit_id
			left join staff f on f.id = i.staff_id
			""";

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final Customers customers;

	private final JsonMapper json;

	ContactHistory(JdbcClient jdbc, OrgScope scope, Customers customers, JsonMapper json) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.customers = customers;
		this.json = json;
	}

	public Interaction get(long id) {
		VisibleUnits visible = this.scope.visibleUnits();
		return this.jdbc.sql(SELECT + " where i.id = :id")
			.param("id", id)
			.query((rs, row) -> visible.contains(nullableLong(rs, "unit_id")) ? map(rs) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("interaction", id));
	}

	/**
	 * The interactions with these ids that the caller may see, by id; others are left
	 * out.
	 */
	public Map<Long, Interaction> getAll(Collection<Long> ids) {
		VisibleUnits visible = this.scope.visibleUnits();
		Map<Long, Interaction> found = new HashMap<>();
		List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
		for (int from = 0; from < all.size(); from += 1000) {
			IdBatch batch = IdBatch.of(all.subList(from, Math.min(all.size(), from + 1000)));
			this.jdbc.sql(SELECT + " where " + batch.condition("i.id")).params(batch.args()).query((ResultSet rs) -> {
				if (batch.contains(rs.getLong("id")) && visible.contains(nullableLong(rs, "unit_id"))) {
					Interaction interaction = map(rs);
					found.put(interaction.id(), interaction);
				}
			});
		}
		return found;
	}

	/**
	 * A customer's contacts, newest first, with where the customer stands on each
	 * journey.
	 */
	public Timeline timeline(String externalId, PageRequest page) {
		CustomerRef customer = this.customers.refByExternalId(externalId)
			.orElseThrow(() -> new NotFoundException("customer", externalId));
		PageResult<Interaction> contacts = list(new Filter(customer.id(), null, null, null, null), page);
		List<JourneyPosition> positions = this.jdbc.sql("""
				select j.code as journey_code, s.code as stage_code, cj.stage_position, cj.reached_at
				from customer_journey cj
				join journey j on j.id = cj.journey_id
				join journey_stage s on s.id = cj.stage_id
				where cj.customer_id = :customer order by j.code
				""")
			.param("customer", customer.id())
			.query((rs, row) -> new JourneyPosition(rs.getString("journey_code"), rs.getString("stage_code"),
					rs.getInt("stage_position"), SqlTime.requiredInstant(rs, "reached_at")))
			.list();
		return new Timeline(externalId, positions, contacts);
	}

	/**
	 * Contacts matching the filter that the caller may see, newest first.
	 */
	public PageResult<Interaction> list(Filter filter, PageRequest page) {
		VisibleUnits visible = this.scope.visibleUnits();
		List<String> conditions = new ArrayList<>();
		var params = new java.util.HashMap<String, Object>();
		if (filter.customerId() != null) {
			conditions.add("i.customer_id = :customer");
			params.put("customer", filter.customerId());
		}
		if (filter.touchpointId() != null) {
			conditions.add("i.touchpoint_id = :touchpoint");
			params.put("touchpoint", filter.touchpointId());
		}
		if (filter.unitIds() != null) {
			conditions.add("i.unit_id in (:units)");
			params.put("units", filter.unitIds().isEmpty() ? List.of(-1L) : filter.unitIds());
		}
		if (filter.from() != null) {
			conditions.add("i.occurred_at >= :from");
			params.put("from", SqlTime.of(filter.from()));
		}
		if (filter.to() != null) {
			conditions.add("i.occurred_at < :to");
			params.put("to", SqlTime.of(filter.to()));
		}
		if (!visible.all()) {
			conditions.add("i.unit_id in (:visible)");
			params.put("visible", visible.ids().isEmpty() ? List.of(-1L) : visible.ids());
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		long total = this.jdbc.sql("select count(*) from interaction i" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Interaction> items = this.jdbc
			.sql(SELECT + where + " order by i.occurred_at desc, i.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> map(rs))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * An SQL condition, for other modules' queries, that holds when the customer in
	 * {@code customerIdColumn} had a contact at one of the touchpoints in the named
	 * parameter {@code :touchpointIdsParam} at or after {@code :sinceParam}.
	 */
	public String contactSinceCondition(String customerIdColumn, String touchpointIdsParam, String sinceParam) {
		return "exists (select 1 from interaction ci where ci.customer_id = " + customerIdColumn
				+ " and ci.touchpoint_id in (:" + touchpointIdsParam + ") and ci.occurred_at >= :" + sinceParam + ")";
	}

	/**
	 * Where a customer stands on a journey: the furthest stage reached, and since when.
	 */
	public record JourneyPosition(String journey, String stage, int stagePosition, Instant reachedAt) {
	}

	/**
	 * A customer's timeline: positions on journeys and a page of contacts.
	 */
	public record Timeline(String customer, List<JourneyPosition> journeys, PageResult<Interaction> contacts) {
	}

	/**
	 * Which contacts to list; null fields do not filter.
	 */
	public record Filter(@Nullable Long customerId, @Nullable Long touchpointId, @Nullable List<Long> unitIds,
			@Nullable Instant from, @Nullable Instant to) {
	}

	private Interaction map(ResultSet rs) throws SQLException {
		String properties = rs.getString("properties");
		return new Interaction(rs.getLong("id"), rs.getString("event_id"), rs.getString("customer_code"),
				rs.getString("touchpoint_code"), rs.getString("stage_code"), rs.getString("unit_code"),
				rs.getString("staff_code"), Channel.valueOf(rs.getString("channel")),
				SqlTime.requiredInstant(rs, "occurred_at"), SqlTime.requiredInstant(rs, "recorded_at"),
				(properties != null) ? this.json.readValue(properties, PROPERTIES) : Map.of());
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
