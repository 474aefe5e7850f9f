package org.opencxm.actions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts due webhook deliveries. Each is claimed first (a lease in {@code locked_until})
 * so that several nodes never post the same one; a failure (no answer, or not 2xx) is
 * retried with exponential backoff until the last attempt, then marked FAILED.
 */
@Component
class WebhookDispatcher {

	static final String SIGNATURE_HEADER = "X-OpenCXM-Signature";

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final JdbcClient jdbc;

	private final ActionsProperties properties;

	private final Clock clock;

	private final HttpClient http;

	WebhookDispatcher(JdbcClient jdbc, ActionsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.webhookTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(fixedDelayString = "${opencxm.actions.dispatch-interval:PT5S}",
			initialDelayString = "${opencxm.actions.dispatch-interval:PT5S}")
	void scheduled() {
		try {
			dispatchDue();
		}
		catch (RuntimeException ex) {
			log.warn("Dispatching webhooks failed; will try again", ex);
		}
	}

	/** Posts every delivery that is due; answers how many were delivered. */
	int dispatchDue() {
		Instant now = this.clock.instant();
		List<Long> due = this.jdbc.sql("""
				select id from webhook_delivery
				where status = 'PENDING' and next_attempt_at <= :now and (locked_until is null or locked_until < :now)
				order by next_attempt_at, id
				limit :limit
				""").param("now", SqlTime.of(now)).param("limit", this.properties.batchSize()).query(Long.class).list();
		int delivered = 0;
		for (long id : due) {
			if (claim(id, now) && post(id)) {
				delivered++;
			}
		}
		return delivered;
	}

	private boolean claim(long id, Instant now) {
		Instant lease = now.plus(this.properties.webhookTimeout().multipliedBy(3));
		return this.jdbc.sql("""
				update webhook_delivery set locked_until = :lease
				where id = :id and status = 'PENDING' and (locked_until is null or locked_until < :now)
				""").param("lease", SqlTime.of(lease)).param("id", id).param("now", SqlTime.of(now)).update() == 1;
	}

	private boolean post(long id) {
		Target target = this.jdbc.sql("""
				select d.id, d.event_type, d.event_id, d.payload, d.attempts, s.url, s.secret
				from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
				where d.id = :id
				""")
			.param("id", id)
			.query((rs, row) -> new Target(rs.getLong("id"), rs.getString("event_type"), rs.getString("event_id"),
					rs.getString("payload"), rs.getInt("attempts"), rs.getString("url"), rs.getString("secret")))
			.single();
		Integer status = null;
		String error = null;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
				.timeout(this.properties.webhookTimeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "OpenCXM-Webhook")
				.header("X-OpenCXM-Event", target.event())
				.header("X-OpenCXM-Event-Id", target.eventId())
				.header("X-OpenCXM-Delivery", String.valueOf(target.id()))
				.header(SIGNATURE_HEADER, "sha256=" + sign(target.secret(), target.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(target.payload(), StandardCharsets.UTF_8))
				.build();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
			if (status >= 200 && status < 300) {
				this.jdbc
					.sql("""
							update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status_code = :code,
								last_error = null, delivered_at = :now, next_attempt_at = null, locked_until = null
							where id = :id
							""")
					.param("code", status)
					.param("now", SqlTime.of(this.clock.instant()))
					.param("id", id)
					.update();
				return true;
			}
			error = "answered HTTP " + status;
		}
		catch (IOException | IllegalArgumentException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		failed(target, status, error);
		return false;
	}

	private void failed(Target target, @Nullable Integer status, String error) {
		int attempts = target.attempts() + 1;
		boolean last = attempts >= this.properties.webhookMaxAttempts();
		Duration delay = this.properties.webhookRetryDelay(attempts);
		this.jdbc.sql("""
				update webhook_delivery set status = :status, attempts = :attempts, last_status_code = :code,
					last_error = :error, next_attempt_at = :next, locked_until = null
				where id = :id
				""")
			.param("status", last ? "FAILED" : "PENDING")
			.param("attempts", attempts)
			.param("code", status)
			.param("error", (error.length() > 500) ? error.substring(0, 500) : error)
			.param("next", last ? null : SqlTime.of(this.clock.instant().plus(delay)))
			.param("id", target.id())
			.update();
	}

	/** The hex HMAC-SHA256 of the body under the subscription's secret. */
	static String sign(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Target(long id, String event, String eventId, String payload, int attempts, String url,
			String secret) {
	}

}
