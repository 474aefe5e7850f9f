package org.opencxm.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outbound webhooks: admins subscribe URLs to case events. Each event becomes one
 * delivery row per subscription, written in the transaction of the change itself, so that
 * no event is lost; the dispatcher posts them later, so that no receiver slows a case
 * down.
 */
@Service
public class Webhooks {

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final Clock clock;

	Webhooks(JdbcClient jdbc, OrgScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
	}

	public List<WebhookSubscription> list() {
		this.scope.requireRole(Role.ADMIN);
		return this.jdbc.sql("select * from webhook_subscription order by id").query(Webhooks::subscription).list();
	}

	public WebhookSubscription get(long id) {
		this.scope.requireRole(Role.ADMIN);
		return this.jdbc.sql("select * from webhook_subscription where id = :id")
			.param("id", id)
			.query(Webhooks::subscription)
			.optional()
			.orElseThrow(() -> new NotFoundException("webhook", id));
	}

	@Transactional
	public WebhookSubscription create(WebhookRequest request) {
		this.scope.requireRole(Role.ADMIN);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into webhook_subscription (name, url, secret, events, active, created_at)
				values (:name, :url, :secret, :events, :active, :now)
				""")
			.param("name", request.name())
			.param("url", request.url())
			.param("secret", request.secret())
			.param("events", stored(request.events()))
			.param("active", request.active() == null || request.active())
			.param("now", SqlTime.of(this.clock.instant()))
			.update(keys, "id");
		return get(keys.getKeyAs(Long.class));
	}

	@Transactional
	public WebhookSubscription update(long id, WebhookRequest request) {
		WebhookSubscription current = get(id);
		this.jdbc
			.sql("""
					update webhook_subscription set name = :name, url = :url, secret = :secret, events = :events, active = :active
					where id = :id
					""")
			.param("name", request.name())
			.param("url", request.url())
			.param("secret", request.secret())
			.param("events", stored(request.events()))
			.param("active", (request.active() != null) ? request.active() : current.active())
			.param("id", id)
			.update();
		return get(id);
	}

	@Transactional
	public void delete(long id) {
		get(id);
		this.jdbc.sql("delete from webhook_subscription where id = :id").param("id", id).update();
	}

	/** A subscription's delivery log, newest first. */
	public PageResult<WebhookDelivery> deliveries(long subscriptionId, PageRequest page) {
		get(subscriptionId);
		long total = this.jdbc.sql("select count(*) from webhook_delivery where subscription_id = :id")
			.param("id", subscriptionId)
			.query(Long.class)
			.single();
		List<WebhookDelivery> items = this.jdbc.sql(
				"select * from webhook_delivery where subscription_id = :id order by id desc limit :limit offset :offset")
			.param("id", subscriptionId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Webhooks::delivery)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	public WebhookDelivery delivery(long id) {
		this.scope.requireRole(Role.ADMIN);
		return this.jdbc.sql("select * from webhook_delivery where id = :id")
			.param("id", id)
			.query(Webhooks::delivery)
			.optional()
			.orElseThrow(() -> new NotFoundException("webhook delivery", id));
	}

	/**
	 * Posts a delivery again: a new delivery with the same event id and body (receivers
	 * can tell a replay by the event id), logged with the one it replays.
	 */
	@Transactional
	public WebhookDelivery replay(long deliveryId) {
		WebhookDelivery original = delivery(deliveryId);
		KeyHolder keys = new GeneratedKeyHolder();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into webhook_delivery (subscription_id, event_type, event_id, case_id, payload, status, attempts,
					next_attempt_at, replay_of, created_at)
				select subscription_id, event_type, event_id, case_id, payload, 'PENDING', 0, :now, id, :now
				from webhook_delivery where id = :id
				""").param("now", SqlTime.of(now)).param("id", original.id()).update(keys, "id");
		return delivery(keys.getKeyAs(Long.class));
	}

	/**
	 * Queues an event for every active subscription to it, in the caller's transaction.
	 */
	void enqueue(CaseEventType event, String eventId, @Nullable Long caseId, String payload) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into webhook_delivery (subscription_id, event_type, event_id, case_id, payload, status, attempts,
					next_attempt_at, created_at)
				select id, :event, :eventId, :case, :payload, 'PENDING', 0, :now, :now
				from webhook_subscription where active and (',' || events || ',') like :pattern
				""")
			.param("event", event.type())
			.param("eventId", eventId)
			.param("case", caseId)
			.param("payload", payload)
			.param("now", SqlTime.of(now))
			.param("pattern", "%," + event.name() + ",%")
			.update();
	}

	private static String stored(Set<CaseEventType> events) {
		return events.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	private static WebhookSubscription subscription(ResultSet rs, int row) throws SQLException {
		Set<CaseEventType> events = EnumSet.noneOf(CaseEventType.class);
		Arrays.stream(rs.getString("events").split(","))
			.filter((name) -> !name.isBlank())
			.map(CaseEventType::valueOf)
			.forEach(events::add);
		return new WebhookSubscription(rs.getLong("id"), rs.getString("name"), rs.getString("url"), events,
				rs.getBoolean("active"), SqlTime.requiredInstant(rs, "created_at"));
	}

	static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		long caseId = rs.getLong("case_id");
		Long caseValue = rs.wasNull() ? null : caseId;
		int code = rs.getInt("last_status_code");
		Integer statusCode = rs.wasNull() ? null : code;
		long replay = rs.getLong("replay_of");
		Long replayOf = rs.wasNull() ? null : replay;
		return new WebhookDelivery(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("event_type"),
				rs.getString("event_id"), caseValue, rs.getString("status"), rs.getInt("attempts"),
				SqlTime.instant(rs, "next_attempt_at"), statusCode, rs.getString("last_error"), replayOf,
				SqlTime.requiredInstant(rs, "created_at"), SqlTime.instant(rs, "delivered_at"));
	}

}
