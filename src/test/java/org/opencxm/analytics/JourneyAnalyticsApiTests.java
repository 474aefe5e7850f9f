package org.opencxm.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.evaluation.NpsClass;
import org.opencxm.evaluation.ResponseEvaluated;
import org.opencxm.evaluation.ResponseEvaluations;
import org.opencxm.evaluation.StoredEvaluations;
import org.opencxm.journeys.Channel;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A journey of three stages: viewing has a parent touchpoint A (weight 3, children A1
 * weight 1 and A2 weight 3) and B (weight 1); signing has S; handover has H, without
 * responses. Viewing's responses are at the east unit, signing's at the west.
 */
@ApplicationTest
class JourneyAnalyticsApiTests {

	private static final LocalDate DAY = LocalDate.of(2024, 5, 2);

	@Autowired
	Api api;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ResponseEvaluations evaluations;

	private String company;

	private String journey;

	private final Map<String, Long> unitIds = new HashMap<>();

	private final Map<String, Long> touchpointIds = new HashMap<>();

	private final Map<String, String> touchpointCodes = new HashMap<>();

	private final Map<String, Long> stageIds = new HashMap<>();

	@BeforeEach
	void journey() {
		this.company = Api.unique("ja");
		unit(this.company, null, "COMPANY");
		unit(this.company + "-e", this.company, "REGION");
		unit(this.company + "-w", this.company, "REGION");
		this.journey = Api.unique("jj");
		List<Map<String, Object>> stages = new ArrayList<>();
		for (String stage : List.of("viewing", "signing", "handover")) {
			stages.add(Map.of("code", stage, "name", Map.of("zh-CN", stage, "en", stage)));
		}
		JsonNode created = this.api.admin()
			.post("/api/v1/journeys",
					Map.of("code", this.journey, "name", Map.of("zh-CN", "购房", "en", "Home"), "stages", stages))
			.expect(201)
			.json();
		created.get("stages").forEach((s) -> this.stageIds.put(s.get("code").asString(), s.get("id").asLong()));
		touchpoint("A", "viewing", null, 3.0);
		touchpoint("A1", "viewing", "A", 1.0);
		touchpoint("A2", "viewing", "A", 3.0);
		touchpoint("B", "viewing", null, 1.0);
		touchpoint("S", "signing", null, 1.0);
		touchpoint("H", "handover", null, 2.0);
	}

	private void unit(String code, String parent, String kind) {
		this.unitIds.put(code, this.api.createOrgUnit(code, parent, kind));
	}

	private void touchpoint(String name, String stage, String parent, double weight) {
		String code = Api.unique(name.toLowerCase(java.util.Locale.ROOT));
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("journeyCode", this.journey);
		body.put("stageCode", stage);
		body.put("name", Map.of("zh-CN", "触点 " + name, "en", "Touchpoint " + name));
		body.put("contactType", "PERSONNEL");
		body.put("channel", "STORE");
		body.put("brandExperienceLevel", "SERVICE");
		body.put("weight", weight);
		if (parent != null) {
			body.put("parentCode", this.touchpointCodes.get(parent));
		}
		long id = this.api.admin().post("/api/v1/touchpoints", body).expect(201).json().get("id").asLong();
		this.touchpointIds.put(name, id);
		this.touchpointCodes.put(name, code);
	}

	private void respond(String touchpoint, String stage, String unit, int csat, int nps) {
		long responseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
		ResponseEvaluated event = new ResponseEvaluated(responseId, 987_654_322L, 1L, null,
				this.touchpointIds.get(touchpoint), this.stageIds.get(stage), this.unitIds.get(unit), null,
				Channel.STORE, Instant.parse("2024-05-02T02:00:00Z"), DAY, "new", "gold", "30-39", nps,
				NpsClass.of(nps), csat, csat >= 4, null, Map.of(), null, null, null, null, null,
				Map.of("nps", (double) nps, "csat", (double) csat));
		new StoredEvaluations(this.evaluations, this.transactions, this.events).publish(event);
	}

	private JsonNode map(Api.Caller caller, String query) {
		return caller.get("/api/v1/analytics/journeys/" + this.journey + "?from=2024-05-01&to=2024-05-31" + query)
			.expect(200)
			.json();
	}

	private void respondAll() {
		String east = this.company + "-e";
		respond("A1", "viewing", east, 4, 10);
		respond("A1", "viewing", east, 2, 3);
		respond("A2", "viewing", east, 5, 9);
		respond("A2", "viewing", east, 3, 7);
		respond("A", "viewing", east, 1, 0);
		respond("B", "viewing", east, 2, 9);
		respond("B", "viewing", east, 4, 9);
		String west = this.company + "-w";
		for (int i = 0; i < 3; i++) {
			respond("S", "signing", west, 5, 10);
		}
		// Every response rolled up, which may take more than one run of the rollup.
		await().atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> responses(0) == 7 && responses(1) == 3);
	}

	private long responses(int stage) {
		JsonNode scores = map(this.api.admin(), "").get("stages").get(stage).get("scores");
		return scores.has("responses") ? scores.get("responses").get("n").asLong() : 0;
	}

	@Test
	void theJourneyMapRollsTouchpointScoresUpByWeightIntoStageAndJourneyIndexes() {
		respondAll();
		JsonNode map = map(this.api.admin(), "");
		assertThat(map.get("indexMetric").asString()).isEqualTo("csat");
		JsonNode viewing = map.get("stages").get(0);
		assertThat(viewing.get("code").asString()).isEqualTo("viewing");
		// Every response at the stage: 4, 2, 5, 3, 1, 2, 4.
		assertThat(viewing.get("scores").get("csat").get("value").asDouble()).isCloseTo(3.0, within(1e-9));
		assertThat(viewing.get("scores").get("csat").get("n").asLong()).isEqualTo(7);
		assertThat(viewing.get("scores").get("csat").get("smallSample").asBoolean()).isTrue();
		// A's children: (1 · 3 + 3 · 4) / 4; its own answer (1) is shown, not rolled up.
		JsonNode a = viewing.get("touchpoints").get(0);
		assertThat(a.get("code").asString()).isEqualTo(this.touchpointCodes.get("A"));
		assertThat(a.get("scores").get("csat").get("value").asDouble()).isEqualTo(1.0);
		assertThat(a.get("index").get("value").asDouble()).isCloseTo(3.75, within(1e-9));
		assertThat(a.get("index").get("n").asLong()).isEqualTo(4);
		// Var = (1/4)² · 2/2 + (3/4)² · 2/2 = 0.625.
		assertThat(a.get("index").get("interval").get("upper").asDouble()).isCloseTo(3.75 + 1.959964 * Math.sqrt(0.625),
				within(1e-5));
		JsonNode a2 = a.get("children").get(1);
		assertThat(a2.get("indexShare").asDouble()).isCloseTo(0.5 * 0.75 * 0.75, within(1e-9));
		// Viewing: (3 · 3.75 + 1 · 3) / 4; signing 5; handover has no responses.
		assertThat(viewing.get("index").get("value").asDouble()).isCloseTo(3.5625, within(1e-9));
		assertThat(viewing.get("indexShare").asDouble()).isEqualTo(0.5);
		JsonNode signing = map.get("stages").get(1);
		assertThat(signing.get("index").get("value").asDouble()).isEqualTo(5.0);
		assertThat(signing.get("scores").get("nps").get("value").asDouble()).isEqualTo(100.0);
		JsonNode handover = map.get("stages").get(2);
		assertThat(handover.get("index").isNull()).isTrue();
		assertThat(handover.get("indexShare").asDouble()).isZero();
		assertThat(handover.get("touchpoints").get(0).get("scores").isEmpty()).isTrue();
		// Journey: (3.5625 + 5) / 2; Var = (0.4140625 + 0) / 4.
		JsonNode index = map.get("index");
		assertThat(index.get("value").asDouble()).isCloseTo(4.28125, within(1e-9));
		assertThat(index.get("n").asLong()).isEqualTo(9);
		double halfWidth = 1.959964 * Math.sqrt(0.103515625);
		assertThat(index.get("interval").get("lower").asDouble()).isCloseTo(4.28125 - halfWidth, within(1e-5));
		assertThat(index.get("interval").get("upper").asDouble()).isCloseTo(4.28125 + halfWidth, within(1e-5));
		JsonNode nps = map(this.api.admin(), "&metric=nps").get("stages").get(0).get("touchpoints").get(1);
		// B: two promoters.
		assertThat(nps.get("index").get("value").asDouble()).isEqualTo(100.0);
	}

	@Test
	void aScopedCallerSeesOnlyItsSubtreesResponsesAndCustomers() {
		respondAll();
		Api.Caller east = this.api.as(this.api.userToken("VIEWER", this.company + "-e"));
		JsonNode map = map(east, "");
		assertThat(map.get("stages").get(1).get("scores").isEmpty()).isTrue();
		assertThat(map.get("index").get("value").asDouble()).isCloseTo(3.5625, within(1e-9));
		JsonNode west = map(this.api.admin(), "&unit=" + this.company + "-w");
		assertThat(west.get("index").get("value").asDouble()).isEqualTo(5.0);
		east.get("/api/v1/analytics/journeys/" + this.journey + "?unit=" + this.company + "-w").expect(422);
		contacts();
		JsonNode funnel = east
			.get("/api/v1/analytics/journeys/" + this.journey + "/funnel?from=2024-05-01&to=2024-05-05")
			.expect(200)
			.json();
		assertThat(funnel.get("customers").asLong()).isEqualTo(3);
		assertThat(funnel.get("stages").findValuesAsString("stage")).containsExactly("viewing", "signing", "handover");
		assertThat(funnel.get("stages").get(1).get("reached").asLong()).isEqualTo(3);
		JsonNode westFunnel = this.api.admin()
			.get("/api/v1/analytics/journeys/" + this.journey + "/funnel?from=2024-05-01&to=2024-05-05&unit="
					+ this.company + "-w")
			.expect(200)
			.json();
		assertThat(westFunnel.get("customers").asLong()).isEqualTo(1);
	}

	/**
	 * c1 views, signs two days later and takes the handover ten days after that; c2 signs
	 * four days after viewing; c3 (west) only views; c4 signs without a recorded viewing;
	 * c5 viewed before the period, so it is not in the cohort.
	 */
	private void contacts() {
		String east = this.company + "-e";
		String west = this.company + "-w";
		String c1 = Api.unique("c1");
		String c2 = Api.unique("c2");
		contact(c1, "A1", east, "2024-05-01T04:00:00Z");
		contact(c1, "S", east, "2024-05-03T04:00:00Z");
		contact(c1, "H", east, "2024-05-13T04:00:00Z");
		contact(c2, "B", east, "2024-05-01T04:00:00Z");
		contact(c2, "A2", east, "2024-05-02T04:00:00Z");
		contact(c2, "S", east, "2024-05-05T04:00:00Z");
		contact(Api.unique("c3"), "A", west, "2024-05-02T04:00:00Z");
		contact(Api.unique("c4"), "S", east, "2024-05-02T04:00:00Z");
		String c5 = Api.unique("c5");
		contact(c5, "A", east, "2024-03-20T04:00:00Z");
		contact(c5, "S", east, "2024-05-02T04:00:00Z");
	}

	private void contact(String customer, String touchpoint, String unit, String at) {
		Map<String, Object> body = new HashMap<>();
		body.put("eventId", Api.unique("ev"));
		body.put("customer", customer);
		body.put("touchpoint", this.touchpointCodes.get(touchpoint));
		body.put("unit", unit);
		body.put("occurredAt", at);
		this.api.admin().post("/api/v1/interactions", body).expect(201);
	}

	@Test
	void theFunnelCountsTheCohortStageByStageWithMedianTimesAndDropOff() {
		contacts();
		JsonNode funnel = this.api.admin()
			.get("/api/v1/analytics/journeys/" + this.journey + "/funnel?from=2024-05-01&to=2024-05-05")
			.expect(200)
			.json();
		assertThat(funnel.get("customers").asLong()).isEqualTo(4);
		JsonNode viewing = funnel.get("stages").get(0);
		assertThat(viewing.get("reached").asLong()).isEqualTo(4);
		assertThat(viewing.get("recorded").asLong()).isEqualTo(3);
		assertThat(viewing.get("conversion").get("value").asDouble()).isEqualTo(1.0);
		assertThat(viewing.get("medianDaysFromPrevious").isNull()).isTrue();
		assertThat(viewing.get("dropOff").get("value").asDouble()).isEqualTo(0.25);
		assertThat(viewing.get("dropOff").get("n").asLong()).isEqualTo(4);
		// Wilson for 1 of 4.
		assertThat(viewing.get("dropOff").get("interval").get("lower").asDouble()).isCloseTo(0.045587, within(1e-5));
		assertThat(viewing.get("dropOff").get("interval").get("upper").asDouble()).isCloseTo(0.699358, within(1e-5));
		JsonNode signing = funnel.get("stages").get(1);
		assertThat(signing.get("reached").asLong()).isEqualTo(3);
		assertThat(signing.get("conversion").get("value").asDouble()).isEqualTo(0.75);
		// c1 after 2 days, c2 after 4 (from its first viewing contact, on May 1).
		assertThat(signing.get("timed").asLong()).isEqualTo(2);
		assertThat(signing.get("medianDaysFromPrevious").asDouble()).isCloseTo(3.0, within(1e-9));
		assertThat(signing.get("dropOff").get("value").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
		JsonNode handover = funnel.get("stages").get(2);
		assertThat(handover.get("reached").asLong()).isEqualTo(1);
		assertThat(handover.get("medianDaysFromPrevious").asDouble()).isCloseTo(10.0, within(1e-9));
		assertThat(handover.get("dropOff").isNull()).isTrue();
		JsonNode later = this.api.admin()
			.get("/api/v1/analytics/journeys/" + this.journey + "/funnel?from=2024-03-01&to=2024-03-31")
			.expect(200)
			.json();
		assertThat(later.get("customers").asLong()).isEqualTo(1);
		assertThat(later.get("stages").get(1).get("reached").asLong()).isEqualTo(1);
		assertThat(later.get("stages").get(1).get("medianDaysFromPrevious").asDouble()).isCloseTo(43.0, within(1e-9));
	}

	@Test
	void unknownJourneysAnswer404AndBadParameters422() {
		this.api.admin().get("/api/v1/analytics/journeys/" + Api.unique("none")).expect(404);
		this.api.admin().get("/api/v1/analytics/journeys/" + Api.unique("none") + "/funnel").expect(404);
		String base = "/api/v1/analytics/journeys/" + this.journey;
		JsonNode dates = this.api.admin().get(base + "?from=2024-06-01&to=2024-05-01").expect(422).json();
		assertThat(dates.get("errors").get(0).get("field").asString()).isEqualTo("from");
		JsonNode funnelDates = this.api.admin().get(base + "/funnel?from=2024-06-01&to=2024-05-01").expect(422).json();
		assertThat(funnelDates.get("errors").get(0).get("field").asString()).isEqualTo("from");
		this.api.admin().get(base + "/funnel?from=2000-01-01&to=2024-05-01").expect(422);
		JsonNode metric = this.api.admin().get(base + "?metric=experience-levels").expect(422).json();
		assertThat(metric.get("errors").get(0).get("field").asString()).isEqualTo("metric");
		JsonNode unit = this.api.admin().get(base + "/funnel?unit=nowhere").expect(422).json();
		assertThat(unit.get("errors").get(0).get("field").asString()).isEqualTo("unit");
		this.api.admin().get(base + "?from=May").expect(400);
		this.api.anonymous().get(base).expect(401);
	}

}
