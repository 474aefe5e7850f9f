package org.opencxm.actions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.MutableClock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop for one store: a complaint call becomes a case for the right agent, the
 * SLA slips twice and the case climbs the org tree, it is resolved with a root cause and
 * compensation, a stale edit is refused, the customer's follow-up counts as recovered, a
 * detractor's response opens a second case through a rule, and the loop metrics and the
 * webhook log show all of it.
 */
@ActionsTest
class ClosedLoopTests {

	@Autowired
	Api api;

	@Autowired
	SlaMonitor monitor;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	CaseFollowUps followUps;

	@Autowired
	AlertRules rules;

	@Autowired
	MutableClock clock;

	@Test
	void aComplaintIsRoutedEscalatedResolvedFollowedUpAndCounted() throws Exception {
		Workspace ws = new Workspace(this.api);
		try (Receiver receiver = new Receiver(1)) {
			long subscription = this.api.admin()
				.post("/api/v1/webhooks",
						Map.of("name", "ticketing", "url", receiver.url(), "secret", "ticketing-secret-123", "events",
								List.of("OPENED", "ASSIGNED", "ESCALATED", "RESOLVED")))
				.expect(201)
				.json()
				.get("id")
				.asLong();

			long call = ws.complaintCall();
			JsonNode opened = ws.as("agent1").post("/api/v1/cases", ws.caseFrom(call, "HIGH")).expect(201).json();
			long id = opened.get("id").asLong();
			String owner = opened.get("owner").asString();
			assertThat(owner).isIn(ws.username("agent1"), ws.username("agent2"));
			String ownerKey = owner.equals(ws.username("agent1")) ? "agent1" : "agent2";

			this.clock.advanceTo(Instant.parse(opened.get("firstResponseDue").asString()));
			this.monitor.check();
			this.clock.advanceTo(Instant.parse(opened.get("resolutionDue").asString()));
			this.monitor.check();
			JsonNode escalated = ws.as(ownerKey).get("/api/v1/cases/" + id).expect(200).json();
			assertThat(escalated.get("escalationLevel").asInt()).isEqualTo(2);
			assertThat(escalated.get("escalatedTo").asString()).isEqualTo(ws.username("companyManager"));

			var agent = ws.as(ownerKey);
			long version = agent.post("/api/v1/cases/" + id + "/acknowledge", Map.of())
				.expect(200)
				.json()
				.get("version")
				.asLong();
			JsonNode started = agent
				.send("POST", "/api/v1/cases/" + id + "/start", Map.of("version", version), "application/json")
				.expect(200)
				.json();
			JsonNode resolved = agent
				.post("/api/v1/cases/" + id + "/resolve",
						Map.of("rootCause", "product-delivery", "summary", "补发缺失配件并上门安装", "version",
								started.get("version").asLong(), "recovery",
								Map.of("apology", true, "explanation", true, "fix", "补发配件", "compensation",
										Map.of("type", "VOUCHER", "amount", 300, "currency", "CNY"))))
				.expect(200)
				.json();
			assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
			var stale = ws.as("storeManager")
				.post("/api/v1/cases/" + id + "/notes", Map.of("text", "too late", "version", version))
				.expect(409)
				.json();
			assertThat(stale.get("current").get("status").asString()).isEqualTo("RESOLVED");

			FollowUp followUp = this.followUps.recordFollowUp(id, true, 5);
			assertThat(followUp.recovered()).isTrue();

			AlertInput response = AlertRuleTests.detractor(this.api, ws, 3, "服务态度太差，要找媒体曝光");
			String rule = AlertRuleTests.rule(this.api, ws, "P2");
			long ruleCase = this.rules.evaluate(response)
				.stream()
				.filter((m) -> m.rule().equals(rule))
				.findFirst()
				.orElseThrow()
				.caseId();
			String ruleOwnerKey = ws.api.admin()
				.get("/api/v1/cases/" + ruleCase)
				.expect(200)
				.json()
				.get("owner")
				.asString()
				.equals(ws.username("agent1")) ? "agent1" : "agent2";
			var ruleAgent = ws.as(ruleOwnerKey);
			ruleAgent.post("/api/v1/cases/" + ruleCase + "/acknowledge", Map.of()).expect(200);
			ruleAgent.post("/api/v1/cases/" + ruleCase + "/start", Map.of()).expect(200);
			ruleAgent
				.post("/api/v1/cases/" + ruleCase + "/resolve",
						Map.of("rootCause", "service-attitude", "recovery",
								Map.of("apology", true, "explanation", false)))
				.expect(200);
			this.followUps.recordFollowUp(ruleCase, false, 2);
			assertThat(ruleAgent.get("/api/v1/cases/" + ruleCase).expect(200).json().get("status").asString())
				.as("a customer who says it is not resolved reopens the case")
				.isEqualTo("REOPENED");

			JsonNode figures = ws.as("regionManager")
				.get("/api/v1/cases/metrics?groupBy=UNIT&unit=" + ws.region)
				.expect(200)
				.json();
			assertThat(figures).hasSize(1);
			JsonNode store = figures.get(0);
			assertThat(store.get("group").asString()).isEqualTo(ws.store);
			assertThat(store.get("opened").asLong()).isEqualTo(2);
			assertThat(store.get("closedLoop").asLong()).isEqualTo(1);
			assertThat(store.get("loopClosureRate").asDouble()).isEqualTo(0.5);
			assertThat(store.get("responded").asLong()).isEqualTo(2);
			assertThat(store.get("meanHoursToFirstResponse").asDouble()).isPositive();
			assertThat(store.get("resolved").asLong()).isEqualTo(1);
			assertThat(store.get("slaDecided").asLong()).isEqualTo(1);
			assertThat(store.get("slaMet").asLong()).isZero();
			assertThat(store.get("slaCompliance").asDouble()).isZero();
			assertThat(store.get("escalated").asLong()).isEqualTo(1);
			assertThat(store.get("followedUp").asLong()).isEqualTo(2);
			assertThat(store.get("recovered").asLong()).isEqualTo(1);
			assertThat(store.get("recoveryRate").asDouble()).isEqualTo(0.5);
			JsonNode byOwner = ws.as("regionManager")
				.get("/api/v1/cases/metrics?groupBy=OWNER&unit=" + ws.store)
				.expect(200)
				.json();
			assertThat(byOwner.valueStream().mapToLong((f) -> f.get("opened").asLong()).sum()).isEqualTo(2);

			JsonNode ranked = ws.as("regionManager")
				.get("/api/v1/cases/metrics/root-causes?by=nps&responses=20&unit=" + ws.store)
				.expect(200)
				.json();
			assertThat(ranked.valueStream().map((c) -> c.get("code").asString())).containsExactly("service-attitude",
					"product-delivery");
			assertThat(ranked.get(0).get("detractors").asLong()).isEqualTo(1);
			assertThat(ranked.get(0).get("npsPoints").asDouble()).isEqualTo(5.0);

			ws.as("otherAgent").get("/api/v1/cases/" + id).expect(404);
			assertThat(ws.as("otherAgent")
				.get("/api/v1/cases/metrics?groupBy=UNIT")
				.expect(200)
				.json()
				.valueStream()
				.map((f) -> f.get("group").asString())).doesNotContain(ws.store);

			for (int round = 0; round < 3; round++) {
				this.dispatcher.dispatchDue();
				this.clock.advance(java.time.Duration.ofMinutes(5));
			}
			JsonNode log = this.api.admin()
				.get("/api/v1/webhooks/" + subscription + "/deliveries?size=100")
				.expect(200)
				.json()
				.get("items");
			assertThat(log.valueStream()
				.filter((d) -> d.get("caseId").asLong() == id)
				.map((d) -> d.get("event").asString()))
				.contains("case.opened", "case.assigned", "case.escalated", "case.resolved");
			assertThat(log.valueStream().map((d) -> d.get("status").asString())).containsOnly("DELIVERED");
			assertThat(log.valueStream().mapToInt((d) -> d.get("attempts").asInt()).max().orElse(0)).isEqualTo(2);
			long first = log.get(log.size() - 1).get("id").asLong();
			this.api.admin().post("/api/v1/webhooks/deliveries/" + first + "/replay", Map.of()).expect(201);
			int before = receiver.requests.size();
			this.dispatcher.dispatchDue();
			assertThat(receiver.requests).hasSize(before + 1);
		}
	}

}
