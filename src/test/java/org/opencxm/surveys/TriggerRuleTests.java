package org.opencxm.surveys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SurveyTest
class TriggerRuleTests {

	@Autowired
	Api api;

	@Autowired
	InvitationDispatcher dispatcher;

	@Autowired
	SurveyTestConfiguration.OpenCases openCases;

	@Autowired
	JdbcClient jdbc;

	private SurveyWorkspace workspace;

	private String survey;

	@BeforeEach
	void workspace() {
		this.workspace = new SurveyWorkspace(this.api);
		this.survey = this.workspace.survey();
	}

	private tools.jackson.databind.JsonNode invitationAfterContact(String customer) {
		this.workspace.contact(customer, this.workspace.touchpoint, SurveyWorkspace.minutesAgo(1));
		return this.workspace.invitations(customer, 1).get(0);
	}

	@Test
	void consentSuppressesAnInvitationToACustomerWhoAgreedToNoAllowedChannel() {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of());
		String customer = this.workspace.customer("张伟", "zh-CN", "PHONE");
		var invitation = invitationAfterContact(customer);
		assertThat(invitation.get("status").asString()).isEqualTo("SUPPRESSED");
		assertThat(invitation.get("reason").asString()).startsWith("consent:");
	}

	@Test
	void theFirstChannelTheCustomerAgreedToIsChosenInTheTriggersOrder() {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of("channels", List.of("EMAIL", "SMS")));
		String customer = this.workspace.customer("张伟", "zh-CN", "SMS");
		var invitation = invitationAfterContact(customer);
		assertThat(invitation.get("status").asString()).isEqualTo("PENDING");
		assertThat(invitation.get("channel").asString()).isEqualTo("SMS");
		assertThat(invitation.get("interactionId").isNull()).isFalse();
		assertThat(invitation.get("unitId").isNull()).isFalse();
	}

	@Test
	void quarantineAllowsOneInvitationPerCustomerAcrossSurveys() {
		String otherSurvey = this.workspace.survey();
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of("quarantineDays", 30));
		this.workspace.trigger(otherSurvey, this.workspace.touchpoint, Map.of("quarantineDays", 30));
		String customer = this.workspace.customer("张伟", "zh-CN", "EMAIL");
		this.workspace.contact(customer, this.workspace.touchpoint, SurveyWorkspace.minutesAgo(1));
		var invitations = this.workspace.invitations(customer, 2);
		assertThat(invitations.findValues("status").stream().map((n) -> n.asString()))
			.containsExactlyInAnyOrder("PENDING", "SUPPRESSED");
		this.workspace.contact(customer, this.workspace.touchpoint, SurveyWorkspace.minutesAgo(1));
		var later = this.workspace.invitations(customer, 4);
		assertThat(later.get(0).get("status").asString()).isEqualTo("SUPPRESSED");
		assertThat(later.get(0).get("reason").asString()).startsWith("quarantine:").contains("30 days");
	}

	@Test
	void samplingAsksTheSameCustomersEveryTime() {
		String trigger = this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of("samplingRate", 0.5));
		long triggerId = this.jdbc.sql("select id from survey_trigger where code = :c")
			.param("c", trigger)
			.query(Long.class)
			.single();
		int in = 0;
		for (int i = 0; i < 8; i++) {
			String customer = this.workspace.customer("客户" + i, "zh-CN", "EMAIL");
			boolean sampled = ContactRules.sampled(this.workspace.customerId(customer), triggerId, 0.5);
			var invitation = invitationAfterContact(customer);
			assertThat(invitation.get("status").asString()).isEqualTo(sampled ? "PENDING" : "SUPPRESSED");
			if (!sampled) {
				assertThat(invitation.get("reason").asString()).startsWith("sampling:");
			}
			in += sampled ? 1 : 0;
		}
		assertThat(in).isBetween(1, 7);
	}

	@Test
	void quietHoursMakeTheInvitationWaitInsteadOfDroppingIt() {
		LocalTime local = LocalTime.now(ZoneId.of("Asia/Shanghai"));
		DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
		String start = local.minusHours(1).format(hhmm);
		String end = local.plusHours(1).format(hhmm);
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of("quietStart", start, "quietEnd", end));
		String customer = this.workspace.customer("张伟", "zh-CN", "EMAIL");
		var invitation = invitationAfterContact(customer);
		assertThat(invitation.get("status").asString()).isEqualTo("PENDING");
		assertThat(invitation.get("reason").asString()).startsWith("quiet hours:");
		Instant due = Instant.parse(invitation.get("dueAt").asString());
		assertThat(due).isBetween(Instant.now().plus(Duration.ofMinutes(55)),
				Instant.now().plus(Duration.ofMinutes(61)));
		this.dispatcher.dispatchDue();
		var after = this.api.admin().get("/api/v1/invitations/" + invitation.get("id").asLong()).expect(200).json();
		assertThat(after.get("status").asString()).isEqualTo("PENDING");
	}

	@Test
	void noSurveyGoesToACustomerWithAnOpenCase() {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of());
		String customer = this.workspace.customer("张伟", "zh-CN", "EMAIL");
		this.openCases.customers.add(this.workspace.customerId(customer));
		var invitation = invitationAfterContact(customer);
		assertThat(invitation.get("status").asString()).isEqualTo("SUPPRESSED");
		assertThat(invitation.get("reason").asString()).startsWith("open case:");
	}

	@Test
	void aCaseOpenedDuringTheDelayStopsTheInvitationWhenItIsDue() {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of());
		String customer = this.workspace.customer("张伟", "zh-CN", "EMAIL");
		var invitation = invitationAfterContact(customer);
		assertThat(invitation.get("status").asString()).isEqualTo("PENDING");
		this.openCases.customers.add(this.workspace.customerId(customer));
		this.dispatcher.dispatchDue();
		var after = this.api.admin().get("/api/v1/invitations/" + invitation.get("id").asLong()).expect(200).json();
		assertThat(after.get("status").asString()).isEqualTo("SUPPRESSED");
		assertThat(after.get("reason").asString()).startsWith("open case:");
	}

	@Test
	void aContactTooOldForItsLinkIsNotSurveyed() {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of("expiryHours", 24));
		String customer = this.workspace.customer("张伟", "zh-CN", "EMAIL");
		this.workspace.contact(customer, this.workspace.touchpoint, SurveyWorkspace.minutesAgo(60 * 48));
		var invitation = this.workspace.invitations(customer, 1).get(0);
		assertThat(invitation.get("status").asString()).isEqualTo("SUPPRESSED");
		assertThat(invitation.get("reason").asString()).startsWith("expiry:");
	}

	@Test
	void anExpiredLinkNoLongerTakesAnswers() {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of("expiryHours", 1));
		String customer = this.workspace.customer("张伟", "zh-CN", "EMAIL");
		long id = invitationAfterContact(customer).get("id").asLong();
		this.dispatcher.dispatchDue();
		var sent = this.api.admin().get("/api/v1/invitations/" + id).expect(200).json();
		assertThat(sent.get("status").asString()).isEqualTo("SENT");
		assertThat(Instant.parse(sent.get("expiresAt").asString())).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
		this.jdbc.sql("update survey_invitation set expires_at = :t where id = :id")
			.param("t", java.time.OffsetDateTime.now().minusMinutes(1))
			.param("id", id)
			.update();
		var refused = this.api.admin()
			.post("/api/v1/surveys/" + this.survey + "/responses",
					Map.of("responseKey", Api.unique("k"), "invitation", id, "answers", Map.of("nps", 9, "csat", 4)))
			.expect(422)
			.json();
		assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("invitation");
		this.dispatcher.dispatchDue();
		assertThat(this.api.admin().get("/api/v1/invitations/" + id).json().get("status").asString())
			.isEqualTo("EXPIRED");
	}

	@Test
	void aStageTriggerFiresForAnyTouchpointOfTheStage() {
		this.api.admin()
			.post("/api/v1/survey-triggers",
					Map.of("code", Api.unique("trg"), "survey", this.survey, "journey", this.workspace.journey, "stage",
							"after", "delayMinutes", 30, "channels", List.of("EMAIL"), "quarantineDays", 0))
			.expect(201);
		String customer = this.workspace.customer("张伟", "zh-CN", "EMAIL");
		this.workspace.contact(customer, this.workspace.otherTouchpoint, SurveyWorkspace.minutesAgo(1));
		var invitation = this.workspace.invitations(customer, 1).get(0);
		assertThat(invitation.get("status").asString()).isEqualTo("PENDING");
		assertThat(Instant.parse(invitation.get("dueAt").asString()))
			.isAfter(Instant.now().plus(Duration.ofMinutes(25)));
	}

	@Test
	void twoDispatchersSendEachInvitationOnce() throws Exception {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of());
		List<String> customers = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String customer = this.workspace.customer("客户" + i, "zh-CN", "EMAIL");
			customers.add(customer);
			this.workspace.contact(customer, this.workspace.touchpoint, SurveyWorkspace.minutesAgo(1));
		}
		for (String customer : customers) {
			this.workspace.invitations(customer, 1);
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		var a = pool.submit(this.dispatcher::dispatchDue);
		var b = pool.submit(this.dispatcher::dispatchDue);
		a.get();
		b.get();
		pool.shutdown();
		for (String customer : customers) {
			var invitation = this.workspace.invitations(customer, 1).get(0);
			assertThat(invitation.get("status").asString()).isEqualTo("SENT");
			assertThat(invitation.get("attempts").asInt()).isEqualTo(1);
		}
	}

	@Test
	void triggersAreCheckedAndIdempotent() {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("code", Api.unique("trg"), "survey", this.survey,
				"touchpoint", this.workspace.touchpoint, "channels", List.of("EMAIL")));
		var created = this.api.admin().post("/api/v1/survey-triggers", body).expect(201).json();
		assertThat(created.get("delayMinutes").asInt()).isEqualTo(60);
		assertThat(created.get("samplingRate").asDouble()).isEqualTo(1.0);
		this.api.admin().post("/api/v1/survey-triggers", body).expect(200);
		body.put("delayMinutes", 5);
		this.api.admin().post("/api/v1/survey-triggers", body).expect(409);
		body.put("code", Api.unique("trg"));
		body.put("stage", "after");
		body.put("journey", this.workspace.journey);
		assertThat(field(this.api.admin().post("/api/v1/survey-triggers", body).expect(422).body()))
			.isEqualTo("touchpoint");
		body.remove("stage");
		body.put("quietStart", "22:00");
		assertThat(field(this.api.admin().post("/api/v1/survey-triggers", body).expect(422).body()))
			.isEqualTo("quietEnd");
		body.put("quietEnd", "25:00");
		this.api.admin().post("/api/v1/survey-triggers", body).expect(422);
		body.remove("quietStart");
		body.remove("quietEnd");
		body.put("samplingRate", 1.5);
		this.api.admin().post("/api/v1/survey-triggers", body).expect(422);
		body.put("samplingRate", 0.5);
		body.put("survey", "nothing");
		assertThat(field(this.api.admin().post("/api/v1/survey-triggers", body).expect(422).body()))
			.isEqualTo("survey");
		body.put("survey", this.survey);
		this.api.as(this.api.userToken("UNIT_MANAGER", null)).post("/api/v1/survey-triggers", body).expect(403);
	}

	@Test
	void aTriggerIsChangedInPlaceAndTheSameChangeAgainChangesNothing() {
		String code = Api.unique("trg");
		Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "survey", this.survey, "touchpoint",
				this.workspace.touchpoint, "channels", List.of("EMAIL")));
		this.api.admin().put("/api/v1/survey-triggers/" + code, body).expect(201);
		long id = this.api.admin().get("/api/v1/survey-triggers/" + code).expect(200).json().get("id").asLong();
		body.put("delayMinutes", 5);
		body.put("channels", List.of("SMS", "EMAIL"));
		body.put("active", false);
		var changed = this.api.admin().put("/api/v1/survey-triggers/" + code, body).expect(200).json();
		assertThat(changed.get("id").asLong()).isEqualTo(id);
		assertThat(changed.get("delayMinutes").asInt()).isEqualTo(5);
		assertThat(changed.get("channels")).extracting((c) -> c.asString()).containsExactly("SMS", "EMAIL");
		assertThat(changed.get("active").asBoolean()).isFalse();
		this.api.admin().put("/api/v1/survey-triggers/" + code, body).expect(200);

		body.put("touchpoint", Api.unique("none"));
		assertThat(field(this.api.admin().put("/api/v1/survey-triggers/" + code, body).expect(422).body()))
			.isEqualTo("touchpoint");
		body.put("touchpoint", this.workspace.touchpoint);
		assertThat(
				field(this.api.admin().put("/api/v1/survey-triggers/" + Api.unique("other"), body).expect(422).body()))
			.isEqualTo("code");
		this.api.as(this.api.userToken("UNIT_MANAGER", null)).put("/api/v1/survey-triggers/" + code, body).expect(403);
		assertThat(
				this.api.admin().get("/api/v1/survey-triggers/" + code).expect(200).json().get("delayMinutes").asInt())
			.isEqualTo(5);
	}

	private static String field(String problem) {
		return Api.parse(problem).get("errors").get(0).get("field").asString();
	}

}
