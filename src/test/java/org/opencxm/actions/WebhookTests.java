package org.opencxm.actions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.MutableClock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ActionsTest
class WebhookTests {

	private static final String SECRET = "a-secret-of-at-least-16";

	@Autowired
	Api api;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	MutableClock clock;

	private long subscribe(String url, List<String> events) {
		return this.api.admin()
			.post("/api/v1/webhooks",
					Map.of("name", Api.unique("hook"), "url", url, "secret", SECRET, "events", events))
			.expect(201)
			.json()
			.get("id")
			.asLong();
	}

	private JsonNode log(long subscription) {
		return this.api.admin().get("/api/v1/webhooks/" + subscription + "/deliveries").expect(200).json().get("items");
	}

	@Test
	void aSignedDeliveryFailsIsRetriedWithBackoffSucceedsAndIsReplayed() throws Exception {
		Workspace ws = new Workspace(this.api);
		try (Receiver receiver = new Receiver(1)) {
			long subscription = subscribe(receiver.url(), List.of("OPENED"));
			long caseId = ws.as("agent1")
				.post("/api/v1/cases", ws.caseFrom(ws.complaintCall(), "HIGH"))
				.expect(201)
				.json()
				.get("id")
				.asLong();
			assertThat(receiver.requests).as("nothing is posted while the case is opened").isEmpty();
			this.dispatcher.dispatchDue();
			assertThat(receiver.requests).hasSize(1);
			JsonNode failed = log(subscription).get(0);
			assertThat(failed.get("status").asString()).isEqualTo("PENDING");
			assertThat(failed.get("attempts").asInt()).isEqualTo(1);
			assertThat(failed.get("lastStatusCode").asInt()).isEqualTo(500);
			this.dispatcher.dispatchDue();
			assertThat(receiver.requests).as("the retry waits for its backoff").hasSize(1);
			this.clock.advance(Duration.ofSeconds(31));
			this.dispatcher.dispatchDue();
			assertThat(receiver.requests).hasSize(2);
			JsonNode delivered = log(subscription).get(0);
			assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
			assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
			Receiver.Request request = receiver.requests.get(1);
			assertThat(request.signature()).isEqualTo("sha256=" + WebhookDispatcher.sign(SECRET, request.body()));
			assertThat(request.event()).isEqualTo("case.opened");
			JsonNode payload = Api.parse(request.body());
			assertThat(payload.get("type").asString()).isEqualTo("case.opened");
			assertThat(payload.get("case").get("id").asLong()).isEqualTo(caseId);
			assertThat(payload.get("data").get("unitId").asLong()).isPositive();
			JsonNode replay = this.api.admin()
				.post("/api/v1/webhooks/deliveries/" + delivered.get("id").asLong() + "/replay", Map.of())
				.expect(201)
				.json();
			assertThat(replay.get("replayOf").asLong()).isEqualTo(delivered.get("id").asLong());
			this.dispatcher.dispatchDue();
			assertThat(receiver.requests).hasSize(3);
			assertThat(receiver.requests.get(2).eventId()).isEqualTo(request.eventId());
			assertThat(receiver.requests.get(2).body()).isEqualTo(request.body());
			assertThat(log(subscription).valueStream().map((d) -> d.get("status").asString()))
				.containsExactly("DELIVERED", "DELIVERED");
		}
	}

	@Test
	void aReceiverThatIsDownNeitherSlowsCasesNorLosesThemAndIsGivenUpOnAfterTheLastAttempt() throws Exception {
		Workspace ws = new Workspace(this.api);
		long subscription;
		try (Receiver receiver = new Receiver(0)) {
			subscription = subscribe(receiver.url(), List.of("OPENED", "ASSIGNED"));
		}
		long started = System.nanoTime();
		ws.as("agent1").post("/api/v1/cases", ws.caseFrom(ws.complaintCall(), "HIGH")).expect(201);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(log(subscription).valueStream().map((d) -> d.get("event").asString()))
			.containsExactlyInAnyOrder("case.opened", "case.assigned");
		for (int attempt = 0; attempt < 8; attempt++) {
			this.dispatcher.dispatchDue();
			this.clock.advance(Duration.ofHours(7));
		}
		JsonNode deliveries = log(subscription);
		assertThat(deliveries.valueStream().map((d) -> d.get("status").asString())).containsOnly("FAILED");
		assertThat(deliveries.valueStream().map((d) -> d.get("attempts").asInt())).containsOnly(8);
		assertThat(deliveries.get(0).get("lastError").asString()).isNotBlank();
	}

	@Test
	void onlyAdminsManageWebhooksAndBadSubscriptionsAreRefused() {
		this.api.as(this.api.userToken("CX_MANAGER", null)).get("/api/v1/webhooks").expect(403);
		var refused = this.api.admin()
			.post("/api/v1/webhooks",
					Map.of("name", "x", "url", "ftp://example.com", "secret", "short", "events", List.of()))
			.expect(422)
			.json();
		assertThat(refused.get("errors").valueStream().map((e) -> e.get("field").asString())).contains("url", "secret",
				"events");
		this.api.admin()
			.post("/api/v1/webhooks",
					Map.of("name", "x", "url", "https://example.com/h", "secret", SECRET, "events",
							List.of("EXPLODED")))
			.expect(400);
		var created = this.api.admin()
			.post("/api/v1/webhooks",
					Map.of("name", "x", "url", "https://example.com/h", "secret", SECRET, "events",
							List.of("RESOLVED")))
			.expect(201)
			.json();
		assertThat(created.has("secret")).isFalse();
		this.api.admin().delete("/api/v1/webhooks/" + created.get("id").asLong()).expect(204);
		this.api.admin().get("/api/v1/webhooks/" + created.get("id").asLong()).expect(404);
	}

}
