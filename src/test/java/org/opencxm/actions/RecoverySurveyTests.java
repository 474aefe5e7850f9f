package org.opencxm.actions;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.MutableClock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recovery survey end to end: resolving a case invites its customer by e-mail once
 * the delay has passed, the customer answers on the respondent page, and the answer
 * becomes the case's follow-up and moves the recovery rate; a second resolution gets a
 * second survey, whose "not resolved" reopens the case.
 */
@ActionsTest
class RecoverySurveyTests {

	private static final Pattern LINK = Pattern.compile("/s/[A-Za-z0-9_-]{32}");

	@Autowired
	Api api;

	@Autowired
	MutableClock clock;

	@Autowired
	GreenMail greenMail;

	@Autowired
	RecoverySurveys recovery;

	@Test
	void aResolvedCaseInvitesItsCustomerAndTheAnswerIsTheCasesFollowUp() throws Exception {
		Workspace ws = new Workspace(this.api);
		String customer = customer(ws, "EMAIL");
		long id = openCase(ws, customer);
		String agent = ownerKey(ws, id);
		JsonNode resolved = resolve(ws, agent, id, true);

		JsonNode survey = awaitRecoverySurveys(ws, id, 1).get(0);
		assertThat(survey.get("caseVersion").asLong()).isEqualTo(resolved.get("version").asLong());
		assertThat(survey.get("survey").asString()).isEqualTo(RecoverySettings.DEFAULT_SURVEY);
		assertThat(survey.get("status").asString()).isEqualTo("PENDING");
		assertThat(Instant.parse(survey.get("dueAt").asString()))
			.as("the survey waits a day after the resolution (and for quiet hours to end)")
			.isAfterOrEqualTo(Instant.parse(resolved.get("resolvedAt").asString()).plus(Duration.ofDays(1)));

		this.clock.advanceTo(Instant.parse(survey.get("dueAt").asString()));
		String mail = mailTo(customer);
		assertThat(mail).contains("Dear Wang Fang", "how things stand now", "Did we solve your problem?");
		String link = LINK.matcher(mail).results().findFirst().orElseThrow().group();
		assertThat(awaitRecoverySurveys(ws, id, 1).get(0).get("status").asString()).isEqualTo("SENT");
		Respondent browser = new Respondent(this.api.baseUrl());
		assertThat(browser.get(link).body()).contains("Did we solve your problem?", "Is your problem resolved?");
		assertThat(browser.post(link, Map.of("q.resolved", "yes", "q.satisfaction", "5", "action", "submit")).status())
			.isEqualTo(302);

		JsonNode followUp = awaitFollowUps(ws, id, 1).get(0);
		assertThat(followUp.get("resolved").asBoolean()).isTrue();
		assertThat(followUp.get("satisfaction").asInt()).isEqualTo(5);
		assertThat(followUp.get("recovered").asBoolean()).isTrue();
		assertThat(followUp.get("responseId").isNull()).isFalse();
		assertThat(awaitRecoverySurveys(ws, id, 1).get(0).get("status").asString()).isEqualTo("ANSWERED");
		assertThat(ws.as(agent).get("/api/v1/cases/" + id + "/activity").expect(200).json().valueStream())
			.anyMatch((entry) -> entry.get("kind").asString().equals("FOLLOW_UP")
					&& entry.get("detail").asString().contains("recovery survey response"));
		JsonNode figures = loopFigures(ws);
		assertThat(figures.get("followedUp").asLong()).isEqualTo(1);
		assertThat(figures.get("recovered").asLong()).isEqualTo(1);
		assertThat(figures.get("recoveryRate").asDouble()).isEqualTo(1.0);
		assertThat(this.api.admin().get("/api/v1/cases?customer=" + customer).expect(200).json().get("total").asLong())
			.as("an answer to a recovery survey opens no case of its own")
			.isEqualTo(1);

		long version = resolved.get("version").asLong();
		this.recovery.request(new CaseResolved(id, 0, customerId(customer), null, 0, null, Instant.now(), version));
		assertThat(awaitRecoverySurveys(ws, id, 1)).as("the same resolution again invites nobody twice").hasSize(1);

		ws.as(agent).post("/api/v1/cases/" + id + "/reopen", Map.of("reason", "the fix broke again")).expect(200);
		ws.as(agent).post("/api/v1/cases/" + id + "/start", Map.of()).expect(200);
		resolve(ws, agent, id, false);
		JsonNode second = awaitRecoverySurveys(ws, id, 2).get(1);
		this.clock.advanceTo(Instant.parse(second.get("dueAt").asString()));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> LINK.matcher(mailTo(customer)).results().map((m) -> m.group()).distinct().count() == 2);
		String secondLink = LINK.matcher(mailTo(customer))
			.results()
			.map((m) -> m.group())
			.filter((l) -> !l.equals(link))
			.findFirst()
			.orElseThrow();
		Respondent again = new Respondent(this.api.baseUrl());
		again.get(secondLink);
		assertThat(
				again.post(secondLink, Map.of("q.resolved", "no", "q.satisfaction", "2", "action", "submit")).status())
			.isEqualTo(302);
		awaitFollowUps(ws, id, 2);
		assertThat(ws.as(agent).get("/api/v1/cases/" + id).expect(200).json().get("status").asString())
			.as("a customer who says it is not resolved reopens the case")
			.isEqualTo("REOPENED");
		JsonNode after = loopFigures(ws);
		assertThat(after.get("followedUp").asLong()).isEqualTo(1);
		assertThat(after.get("recovered").asLong()).isZero();
		assertThat(after.get("recoveryRate").asDouble()).isZero();
	}

	@Test
	void aCustomerWhoDidNotAgreeToBeContactedIsNotSurveyed() {
		Workspace ws = new Workspace(this.api);
		String customer = customer(ws);
		long id = openCase(ws, customer);
		resolve(ws, ownerKey(ws, id), id, true);
		JsonNode survey = awaitRecoverySurveys(ws, id, 1).get(0);
		assertThat(survey.get("status").asString()).isEqualTo("SUPPRESSED");
		assertThat(survey.get("reason").asString()).startsWith("consent:");
		ws.as("otherAgent").get("/api/v1/cases/" + id + "/recovery-surveys").expect(404);
	}

	@Test
	void theSettingsNameASuitableSurveyAndOnlyCxManagersChangeThem() {
		Workspace ws = new Workspace(this.api);
		JsonNode defaults = ws.as("agent1").get("/api/v1/recovery-survey").expect(200).json();
		assertThat(defaults.get("survey").asString()).isEqualTo(RecoverySettings.DEFAULT_SURVEY);
		assertThat(defaults.get("enabled").asBoolean()).isTrue();
		ws.as("storeManager").put("/api/v1/recovery-survey", Map.of("delayMinutes", 60)).expect(403);

		String unsuitable = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys/from-template/relationship-nps?publish=true&code=" + unsuitable, Map.of())
			.expect(201);
		JsonNode refused = this.api.admin()
			.put("/api/v1/recovery-survey",
					Map.of("survey", unsuitable, "channels", List.of("EMAIL", "EMAIL"), "quietStart", "22:00"))
			.expect(422)
			.json();
		assertThat(refused.get("errors").valueStream().map((e) -> e.get("field").asString())).contains("survey",
				"channels", "quietEnd");
		this.api.admin().put("/api/v1/recovery-survey", Map.of("survey", Api.unique("none"))).expect(422);
		this.api.admin().put("/api/v1/recovery-survey", Map.of("delayMinutes", -1)).expect(422);

		String own = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys/from-template/case-recovery?publish=true&code=" + own, Map.of())
			.expect(201);
		try {
			JsonNode changed = this.api.admin()
				.put("/api/v1/recovery-survey",
						Map.of("survey", own, "channels", List.of("SMS"), "delayMinutes", 120, "quietStart", "22:00",
								"quietEnd", "08:00"))
				.expect(200)
				.json();
			assertThat(changed.get("survey").asString()).isEqualTo(own);
			assertThat(changed.get("channels").get(0).asString()).isEqualTo("SMS");
			assertThat(this.api.admin().get("/api/v1/recovery-survey").json().get("delayMinutes").asInt())
				.isEqualTo(120);
		}
		finally {
			this.api.admin().put("/api/v1/recovery-survey", Map.of()).expect(200);
		}
		assertThat(this.api.admin().get("/api/v1/recovery-survey").json().get("survey").asString())
			.isEqualTo(RecoverySettings.DEFAULT_SURVEY);
	}

	private String customer(Workspace ws, String... consented) {
		String code = Api.unique("cust");
		Map<String, Object> consents = new HashMap<>();
		for (String channel : consented) {
			consents.put(channel, Map.of("granted", true, "source", "store"));
		}
		this.api.admin()
			.post("/api/v1/customers",
					Map.of("externalId", code, "name", "Wang Fang", "email", code + "@example.com", "language", "en",
							"homeUnitCode", ws.store, "consents", consents))
			.expect(201);
		return code;
	}

	private long customerId(String customer) {
		return this.api.admin().get("/api/v1/customers/" + customer).expect(200).json().get("id").asLong();
	}

	private long openCase(Workspace ws, String customer) {
		return ws.as("agent1")
			.post("/api/v1/cases",
					Map.of("externalRef", Api.unique("ref"), "source", Map.of("type", "MANUAL"), "customer", customer,
							"touchpoint", ws.touchpoint, "severity", "MEDIUM", "title", "Delivery was late"))
			.expect(201)
			.json()
			.get("id")
			.asLong();
	}

	private String ownerKey(Workspace ws, long id) {
		String owner = this.api.admin().get("/api/v1/cases/" + id).expect(200).json().get("owner").asString();
		return owner.equals(ws.username("agent1")) ? "agent1" : "agent2";
	}

	private JsonNode resolve(Workspace ws, String agent, long id, boolean fresh) {
		if (fresh) {
			ws.as(agent).post("/api/v1/cases/" + id + "/acknowledge", Map.of()).expect(200);
			ws.as(agent).post("/api/v1/cases/" + id + "/start", Map.of()).expect(200);
		}
		return ws.as(agent)
			.post("/api/v1/cases/" + id + "/resolve",
					Map.of("rootCause", "product-delivery", "recovery", Map.of("apology", true, "fix", "delivered")))
			.expect(200)
			.json();
	}

	private List<JsonNode> awaitRecoverySurveys(Workspace ws, long id, int count) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.api.admin()
				.get("/api/v1/cases/" + id + "/recovery-surveys")
				.expect(200)
				.json()
				.valueStream()
				.filter((s) -> !s.get("invitationId").isNull())
				.count() >= count);
		return this.api.admin().get("/api/v1/cases/" + id + "/recovery-surveys").json().valueStream().toList();
	}

	private List<JsonNode> awaitFollowUps(Workspace ws, long id, int count) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.api.admin().get("/api/v1/cases/" + id + "/follow-ups").json().size() >= count);
		return this.api.admin().get("/api/v1/cases/" + id + "/follow-ups").json().valueStream().toList();
	}

	private JsonNode loopFigures(Workspace ws) {
		JsonNode figures = ws.as("regionManager")
			.get("/api/v1/cases/metrics?groupBy=UNIT&unit=" + ws.store)
			.expect(200)
			.json();
		assertThat(figures).hasSize(1);
		return figures.get(0);
	}

	/** The bodies of the e-mails the customer got so far, waiting for the first one. */
	private String mailTo(String customer) {
		await().atMost(Duration.ofSeconds(15)).until(() -> !bodies(customer).isEmpty());
		return bodies(customer);
	}

	private String bodies(String customer) {
		StringBuilder text = new StringBuilder();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			try {
				if (message.getAllRecipients()[0].toString().startsWith(customer + "@")) {
					text.append(message.getContent()).append('\n');
				}
			}
			catch (MessagingException | java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return text.toString();
	}

}
