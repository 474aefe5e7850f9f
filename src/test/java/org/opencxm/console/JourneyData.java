package org.opencxm.console;

import java.time.Duration;
import java.time.Instant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.Api;

import static org.awaitility.Awaitility.await;

/**
 * A journey with touchpoints and answered touchpoint surveys, made through the API under
 * codes no other test uses.
 */
final class JourneyData {

	private final Api api;

	private final String survey = Api.unique("s");

	private @Nullable String gapSurvey;

	JourneyData(Api api) {
		this.api = api;
		this.api.admin()
			.post("/api/v1/surveys/from-template/touchpoint?code=" + this.survey + "&publish=true", "")
			.expect(201);
	}

	/** A journey of the given stages, named "Stage CODE" in English. */
	String journey(Map<String, String> name, String... stages) {
		String journey = Api.unique("jr");
		List<Map<String, Object>> list = new ArrayList<>();
		for (String stage : stages) {
			list.add(Map.of("code", stage, "name", Map.of("zh-CN", "阶段 " + stage, "en", "Stage " + stage)));
		}
		this.api.admin().post("/api/v1/journeys", Map.of("code", journey, "name", name, "stages", list)).expect(201);
		return journey;
	}

	/** A touchpoint with one standard action, {@code greet}. */
	String touchpoint(String journey, String stage, @Nullable String parent, Map<String, String> name, double weight) {
		String code = Api.unique("tp");
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("journeyCode", journey);
		body.put("stageCode", stage);
		body.put("name", name);
		body.put("contactType", "PERSONNEL");
		body.put("channel", "STORE");
		body.put("brandExperienceLevel", "SERVICE");
		body.put("weight", weight);
		body.put("standardActions",
				List.of(Map.of("code", "greet", "name", Map.of("zh-CN", "迎", "en", "Greet the customer"))));
		if (parent != null) {
			body.put("parentCode", parent);
		}
		this.api.admin().post("/api/v1/touchpoints", body).expect(201);
		return code;
	}

	/** A new customer's answer at the touchpoint: NPS, CSAT, CES and a comment. */
	void respond(String touchpoint, String unit, int nps, int csat, int ces, String comment) {
		String customer = Api.unique("c");
		this.api.admin().put("/api/v1/customers/" + customer, Map.of("homeUnitCode", unit)).expect(201);
		Map<String, Object> answers = new HashMap<>();
		answers.put("nps", nps);
		answers.put("csat", csat);
		answers.put("ces", ces);
		answers.put("sem-feel", 1 + nps % 7);
		answers.put("sem-think", 1 + ces % 7);
		answers.put("comment", comment);
		this.api.admin()
			.post("/api/v1/surveys/" + this.survey + "/responses",
					Map.of("customer", customer, "unit", unit, "touchpoint", touchpoint, "answers", answers,
							"responseKey", Api.unique("k")))
			.expect(201);
	}

	/**
	 * An answer to a survey of one expectation/perception pair, {@code quality} on the
	 * attribute {@code build-quality}, made on first use with the question text given.
	 */
	void respondGap(String touchpoint, String unit, int expectation, int perception, Map<String, String> text) {
		if (this.gapSurvey == null) {
			this.gapSurvey = Api.unique("sg");
			this.api.admin()
				.post("/api/v1/surveys?publish=true",
						Map.of("code", this.gapSurvey, "title", Map.of("zh-CN", "期望", "en", "Expectations"),
								"questions",
								List.of(Map.of("type", "EXPECTATION_PERCEPTION", "code", "quality", "attribute",
										"build-quality", "required", true, "text", text))))
				.expect(201);
		}
		this.api.admin()
			.post("/api/v1/surveys/" + this.gapSurvey + "/responses",
					Map.of("unit", unit, "touchpoint", touchpoint, "responseKey", Api.unique("k"), "answers",
							Map.of("quality", Map.of("expectation", expectation, "perception", perception))))
			.expect(201);
	}

	/** A customer's contact at a touchpoint, as an interaction the funnel counts. */
	void contact(String customer, String touchpoint, String unit, Instant at) {
		Map<String, Object> body = new HashMap<>();
		body.put("eventId", Api.unique("ev"));
		body.put("customer", customer);
		body.put("touchpoint", touchpoint);
		body.put("unit", unit);
		body.put("occurredAt", at.toString());
		this.api.admin().post("/api/v1/interactions", body).expect(201);
	}

	/** Waits until the journey's funnel counts {@code expected} customers. */
	void awaitFunnel(String journey, long expected) {
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.api.admin()
				.get("/api/v1/analytics/journeys/" + journey + "/funnel")
				.expect(200)
				.json()
				.get("customers")
				.asLong() == expected);
	}

	/**
	 * Waits until the journey map counts {@code expected} responses at the stage (0 for
	 * the first).
	 */
	void awaitStage(String journey, int stage, long expected) {
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.api.admin()
				.get("/api/v1/analytics/journeys/" + journey)
				.expect(200)
				.json()
				.get("stages")
				.get(stage)
				.get("scores")
				.path("responses")
				.path("n")
				.asLong() == expected);
	}

}
