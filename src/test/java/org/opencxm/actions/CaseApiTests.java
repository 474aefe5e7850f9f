package org.opencxm.actions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ActionsTest
class CaseApiTests {

	@Autowired
	Api api;

	private Workspace ws;

	@BeforeEach
	void workspace() {
		this.ws = new Workspace(this.api);
	}

	private JsonNode open(String severity) {
		return this.ws.as("agent1")
			.post("/api/v1/cases", this.ws.caseFrom(this.ws.complaintCall(), severity))
			.expect(201)
			.json();
	}

	@Test
	void aCaseFromAnInteractionTakesItsCustomerTouchpointAndUnitAndGoesToTheLeastBusyAgent() {
		var first = open("MEDIUM");
		assertThat(first.get("customer").asString()).isEqualTo(this.ws.customer);
		assertThat(first.get("touchpoint").asString()).isEqualTo(this.ws.touchpoint);
		assertThat(first.get("unit").asString()).isEqualTo(this.ws.store);
		assertThat(first.get("status").asString()).isEqualTo("NEW");
		assertThat(first.get("priority").asString()).as("MEDIUM severity for a VIP customer").isEqualTo("P1");
		assertThat(first.get("source").get("type").asString()).isEqualTo("INTERACTION");
		String firstOwner = first.get("owner").asString();
		assertThat(firstOwner).isIn(this.ws.username("agent1"), this.ws.username("agent2"));
		var second = open("LOW");
		String secondOwner = second.get("owner").asString();
		assertThat(secondOwner).as("the other agent has fewer open cases").isNotEqualTo(firstOwner);
		assertThat(second.get("priority").asString()).isEqualTo("P2");
		var inbox = this.ws.as(firstOwner.equals(this.ws.username("agent1")) ? "agent1" : "agent2")
			.get("/api/v1/inbox")
			.expect(200)
			.json();
		assertThat(inbox.get("items").valueStream().map((m) -> m.get("caseId").asLong()))
			.contains(first.get("id").asLong());
	}

	@Test
	void theSameRequestAgainAnswersWithTheCaseItOpenedAndOtherDataUnderTheSameReferenceConflicts() {
		var body = this.ws.caseFrom(this.ws.complaintCall(), "HIGH");
		var first = this.ws.as("agent1").post("/api/v1/cases", body).expect(201).json();
		var again = this.ws.as("agent1").post("/api/v1/cases", body).expect(200).json();
		assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
		body.put("title", "another title");
		var conflict = this.ws.as("agent1").post("/api/v1/cases", body).expect(409).json();
		assertThat(conflict.get("current").get("id").asLong()).isEqualTo(first.get("id").asLong());
	}

	@Test
	void badReferencesAreRefusedWithFieldErrorsAndViewersCannotOpenCases() {
		Map<String, Object> body = new HashMap<>();
		body.put("customer", "nobody-" + Api.unique("x"));
		body.put("source", Map.of("type", "INTERACTION", "id", 999999999));
		body.put("touchpoint", "no-such-touchpoint");
		body.put("unit", "no-such-unit");
		body.put("severity", "HIGH");
		body.put("title", "x");
		var refused = this.ws.as("agent1").post("/api/v1/cases", body).expect(422).json();
		assertThat(refused.get("errors").valueStream().map((e) -> e.get("field").asString())).contains("source.id",
				"customer", "touchpoint", "unit");
		body.put("severity", "SEVERE");
		this.ws.as("agent1").post("/api/v1/cases", body).expect(400);
		this.api.as(this.api.userToken("VIEWER", null))
			.post("/api/v1/cases", this.ws.caseFrom(this.ws.complaintCall(), "LOW"))
			.expect(403);
	}

	@Test
	void aCaseMovesThroughItsStatusesAndRefusesIllegalSteps() {
		var opened = open("HIGH");
		long id = opened.get("id").asLong();
		var agent = this.ws.as("agent1");
		var refused = agent.post("/api/v1/cases/" + id + "/close", Map.of()).expect(409).json();
		assertThat(refused.get("current").get("status").asString()).isEqualTo("NEW");
		agent.post("/api/v1/cases/" + id + "/acknowledge", Map.of()).expect(200);
		agent.post("/api/v1/cases/" + id + "/acknowledge", Map.of()).expect(409);
		agent.post("/api/v1/cases/" + id + "/notes", Map.of("text", "已致电客户，约定明天上门。")).expect(200);
		agent.post("/api/v1/cases/" + id + "/start", Map.of()).expect(200);
		var missingCause = Map.of("rootCause", "no-such-cause", "recovery",
				Map.of("apology", true, "explanation", false));
		assertThat(agent.post("/api/v1/cases/" + id + "/resolve", missingCause)
			.expect(422)
			.json()
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("rootCause");
		var nothingDone = Map.of("rootCause", "product-delivery", "recovery",
				Map.of("apology", false, "explanation", false));
		agent.post("/api/v1/cases/" + id + "/resolve", nothingDone).expect(422);
		var resolved = agent.post("/api/v1/cases/" + id + "/resolve",
				Map.of("rootCause", "product-delivery", "summary", "补发缺失配件", "recovery",
						Map.of("apology", true, "explanation", true, "fix", "补发配件", "compensation",
								Map.of("type", "VOUCHER", "amount", 200, "currency", "CNY"))))
			.expect(200)
			.json();
		assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.get("resolution").get("rootCause").asString()).isEqualTo("product-delivery");
		assertThat(resolved.get("resolution").get("recovery").get("compensation").get("amount").decimalValue())
			.isEqualByComparingTo("200.00");
		agent.post("/api/v1/cases/" + id + "/reopen", Map.of("reason", "客户说配件仍未收到")).expect(200);
		agent.post("/api/v1/cases/" + id + "/start", Map.of()).expect(200);
		var activity = agent.get("/api/v1/cases/" + id + "/activity").expect(200).json();
		assertThat(activity.valueStream().map((a) -> a.get("kind").asString())).containsExactly("OPENED", "ASSIGNED",
				"ACKNOWLEDGED", "NOTE", "STARTED", "RESOLVED", "REOPENED", "STARTED");
		assertThat(activity.get(3).get("actor").asString()).isEqualTo(this.ws.username("agent1"));
		assertThat(activity.get(3).get("detail").asString()).isEqualTo("已致电客户，约定明天上门。");
	}

	@Test
	void aStaleUpdateGetsTheCurrentCaseAndLosesNothing() {
		var opened = open("HIGH");
		long id = opened.get("id").asLong();
		long version = opened.get("version").asLong();
		var first = this.ws.as("agent1")
			.send("POST", "/api/v1/cases/" + id + "/acknowledge", Map.of(), "application/json");
		assertThat(first.status()).isEqualTo(200);
		var stale = this.ws.as("agent2")
			.patch("/api/v1/cases/" + id, Map.of("title", "新标题", "version", version))
			.expect(409)
			.json();
		assertThat(stale.get("current").get("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(stale.get("current").get("title").asString()).isEqualTo("电话投诉：交付延迟");
		long current = stale.get("current").get("version").asLong();
		var edited = this.ws.as("agent2")
			.patch("/api/v1/cases/" + id, Map.of("title", "新标题", "version", current))
			.expect(200);
		assertThat(edited.header("ETag")).isEqualTo("\"" + (current + 1) + "\"");
		assertThat(edited.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
		this.ws.as("agent1")
			.post("/api/v1/cases/" + id + "/notes", Map.of("text", "note without a version"))
			.expect(200);
		var activity = this.ws.as("agent1").get("/api/v1/cases/" + id + "/activity").expect(200).json();
		assertThat(activity.valueStream().map((a) -> a.get("kind").asString())).contains("ACKNOWLEDGED", "UPDATED",
				"NOTE");
	}

	@Test
	void onlyAUnitManagerOverTheCaseReassignsIt() {
		var opened = open("HIGH");
		long id = opened.get("id").asLong();
		String other = opened.get("owner").asString().equals(this.ws.username("agent1")) ? this.ws.username("agent2")
				: this.ws.username("agent1");
		this.ws.as("agent1").post("/api/v1/cases/" + id + "/assign", Map.of("username", other)).expect(403);
		var refused = this.ws.as("storeManager")
			.post("/api/v1/cases/" + id + "/assign", Map.of("username", this.ws.username("otherAgent")))
			.expect(422)
			.json();
		assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("username");
		var reassigned = this.ws.as("regionManager")
			.post("/api/v1/cases/" + id + "/assign", Map.of("username", other))
			.expect(200)
			.json();
		assertThat(reassigned.get("owner").asString()).isEqualTo(other);
	}

	@Test
	void scopedUsersSeeOnlyTheCasesOfTheirSubtree() {
		long id = open("HIGH").get("id").asLong();
		this.ws.as("regionManager").get("/api/v1/cases/" + id).expect(200);
		this.ws.as("otherAgent").get("/api/v1/cases/" + id).expect(404);
		this.ws.as("otherAgent").post("/api/v1/cases/" + id + "/acknowledge", Map.of()).expect(404);
		var listed = this.ws.as("otherAgent").get("/api/v1/cases?size=500").expect(200).json();
		assertThat(listed.get("items").valueStream().map((c) -> c.get("id").asLong())).doesNotContain(id);
		var mine = this.ws.as("regionManager")
			.get("/api/v1/cases?unit=" + this.ws.store + "&status=NEW")
			.expect(200)
			.json();
		assertThat(mine.get("items").valueStream().map((c) -> c.get("id").asLong())).containsExactly(id);
		this.ws.as("otherAgent").get("/api/v1/cases?unit=" + this.ws.store).expect(404);
		assertThat(List.of(id)).isNotEmpty();
	}

}
