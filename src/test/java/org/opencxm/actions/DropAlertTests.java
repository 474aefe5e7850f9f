package org.opencxm.actions;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Drop rules over aggregates: a store whose NPS collapsed from one week to the next is
 * reported once to its manager and the CX manager, in the inbox and by e-mail; a store
 * whose NPS slipped by as many points on too few responses to be sure is not.
 */
@ActionsTest
class DropAlertTests {

	@Autowired
	Api api;

	@Autowired
	DropAlerts drops;

	@Autowired
	MailOutbox mail;

	@Autowired
	MutableClock clock;

	@Autowired
	GreenMail greenMail;

	@Test
	void aSignificantDropIsReportedOnceAndAnInsignificantOneNot() {
		Workspace ws = new Workspace(this.api);
		String quiet = ws.region + "-q";
		ws.unit(quiet, ws.region, "STORE");
		ws.user("cx", "CX_MANAGER", ws.company, null);
		String survey = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys/from-template/touchpoint?publish=true&code=" + survey, Map.of())
			.expect(201);
		// The store is in the default zone, Asia/Shanghai: its weeks end at its own
		// midnight.
		LocalDate monday = LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Asia/Shanghai")))
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate lastWeek = monday.minusWeeks(1);
		LocalDate weekBefore = monday.minusWeeks(2);
		respond(survey, ws.store, weekBefore, Map.of(10, 10, 8, 2));
		respond(survey, ws.store, lastWeek, Map.of(10, 2, 8, 2, 3, 8));
		respond(survey, quiet, weekBefore, Map.of(10, 5, 8, 3, 3, 2));
		respond(survey, quiet, lastWeek, Map.of(10, 4, 8, 3, 3, 3));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.admin()
				.get("/api/v1/analytics/metrics?metric=responses&survey=" + survey + "&from=" + weekBefore + "&to="
						+ monday.minusDays(1))
				.expect(200)
				.json()
				.get("points")
				.valueStream()
				.mapToLong((p) -> p.get("figure").get("n").asLong())
				.sum() == 44);

		String rule = Api.unique("drop");
		Map<String, Object> body = new HashMap<>(Map.of("code", rule, "kind", "DROP", "name",
				Map.of("zh-CN", "NPS 周下降", "en", "Weekly NPS drop"), "drop",
				Map.of("metric", "nps", "slice", "UNIT", "period", "WEEK", "minDrop", 10, "minResponses", 10), "limits",
				Map.of("units", List.of(ws.company)), "action",
				Map.of("notifyUnitManager", true, "notifyCxManagers", true)));
		JsonNode created = this.api.admin().post("/api/v1/alert-rules", body).expect(201).json();
		assertThat(created.get("kind").asString()).isEqualTo("DROP");
		assertThat(created.get("drop").get("alpha").asDouble()).isEqualTo(0.05);
		assertThat(created.get("condition").isNull()).isTrue();
		this.api.admin().post("/api/v1/alert-rules", body).expect(200);

		List<DropAlert> found = this.drops.evaluate().stream().filter((d) -> d.rule().equals(rule)).toList();
		assertThat(found).singleElement().satisfies((drop) -> {
			assertThat(drop.code()).isEqualTo(ws.store);
			assertThat(drop.periodStart()).isEqualTo(lastWeek);
			assertThat(drop.periodEnd()).isEqualTo(monday.minusDays(1));
			assertThat(drop.previousValue()).isCloseTo(83.3, org.assertj.core.data.Offset.offset(0.1));
			assertThat(drop.value()).isCloseTo(-50.0, org.assertj.core.data.Offset.offset(0.1));
			assertThat(drop.pValue()).isLessThan(0.05);
			assertThat(drop.responses()).isEqualTo(12);
			assertThat(drop.notified()).isGreaterThanOrEqualTo(2);
		});
		assertThat(this.drops.evaluate()).as("a drop is reported once per rule, slice and period")
			.noneMatch((d) -> d.rule().equals(rule));

		assertThat(dropMessages(ws, "storeManager")).hasSize(1);
		assertThat(dropMessages(ws, "cx")).hasSize(1);
		assertThat(dropMessages(ws, "regionManager")).isEmpty();
		JsonNode listed = ws.as("storeManager").get("/api/v1/alert-rules/" + rule + "/drops").expect(200).json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("unit").asString()).isEqualTo(ws.store);
		assertThat(ws.as("otherAgent").get("/api/v1/alert-rules/" + rule + "/drops").expect(200).json()).isEmpty();

		this.mail.sendDue();
		assertThat(subjectsTo(ws.username("storeManager"))).anyMatch((s) -> s.startsWith("Drop alert: nps of unit"));
	}

	@Test
	void badDropRulesAreRefusedWithTheFieldsAtFault() {
		Workspace ws = new Workspace(this.api);
		Map<String, Object> name = Map.of("zh-CN", "下降", "en", "Drop");
		JsonNode refused = this.api.admin()
			.post("/api/v1/alert-rules",
					Map.of("code", Api.unique("drop"), "kind", "DROP", "name", name, "drop",
							Map.of("metric", "mood", "slice", "TOUCHPOINT", "period", "WEEK", "minDrop", 5),
							"condition", Map.of("field", "nps", "op", "lt", "value", 7), "limits",
							Map.of("units", List.of(ws.store, ws.region), "stages",
									List.of(ws.journey + "/after-sale")),
							"action", Map.of("openCase", true, "priority", "P2")))
			.expect(422)
			.json();
		assertThat(refused.get("errors").valueStream().map((e) -> e.get("field").asString())).contains("condition",
				"drop.metric", "limits.units", "limits.stages", "action.openCase");
		JsonNode missing = this.api.admin()
			.post("/api/v1/alert-rules",
					Map.of("code", Api.unique("drop"), "kind", "DROP", "name", name, "action",
							Map.of("notifyCxManagers", true)))
			.expect(422)
			.json();
		assertThat(missing.get("errors").valueStream().map((e) -> e.get("field").asString())).contains("drop");
		this.api.admin()
			.post("/api/v1/alert-rules",
					Map.of("code", Api.unique("drop"), "kind", "DROP", "name", name, "drop",
							Map.of("metric", "nps", "slice", "UNIT", "period", "MONTH", "minDrop", -3), "action",
							Map.of("notifyCxManagers", true)))
			.expect(422);
		this.api.admin()
			.post("/api/v1/alert-rules",
					Map.of("code", Api.unique("rule"), "name", name, "drop",
							Map.of("metric", "nps", "slice", "UNIT", "period", "MONTH", "minDrop", 3), "action",
							Map.of("notifyCxManagers", true)))
			.expect(422);
		ws.as("storeManager")
			.post("/api/v1/alert-rules",
					Map.of("code", Api.unique("drop"), "kind", "DROP", "name", name, "drop",
							Map.of("metric", "csat", "slice", "UNIT", "period", "MONTH", "minDrop", 0.5), "action",
							Map.of("notifyCxManagers", true)))
			.expect(403);
	}

	/**
	 * Records responses at a store on the Wednesday of a week: as many of each NPS score
	 * as the map says.
	 */
	private void respond(String survey, String unit, LocalDate monday, Map<Integer, Integer> scores) {
		String at = monday.plusDays(2).atTime(LocalTime.NOON).atOffset(ZoneOffset.UTC).toInstant().toString();
		scores.forEach((score, count) -> {
			for (int i = 0; i < count; i++) {
				this.api.admin()
					.post("/api/v1/surveys/" + survey + "/responses",
							Map.of("responseKey", Api.unique("k"), "unit", unit, "submittedAt", at, "answers",
									Map.of("nps", score, "csat", 3, "ces", 4)))
					.expect(201);
			}
		});
	}

	private List<JsonNode> dropMessages(Workspace ws, String key) {
		return ws.as(key)
			.get("/api/v1/inbox?size=100")
			.expect(200)
			.json()
			.get("items")
			.valueStream()
			.filter((m) -> m.get("kind").asString().equals("DROP_ALERT"))
			.toList();
	}

	private List<String> subjectsTo(String username) {
		return java.util.Arrays.stream(this.greenMail.getReceivedMessages()).filter((m) -> {
			try {
				return m.getAllRecipients()[0].toString().startsWith(username + "@");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).map(DropAlertTests::subject).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
