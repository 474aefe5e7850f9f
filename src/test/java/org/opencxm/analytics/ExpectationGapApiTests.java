package org.opencxm.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Expectation gaps through the API: a survey asks two expectation/perception pairs at a
 * touchpoint of two stores; each attribute's mean gap (perceived minus expected) comes
 * back with its n and interval, the widest shortfall first, filtered by unit and
 * touchpoint and limited to the caller's units.
 */
@ApplicationTest
class ExpectationGapApiTests {

	private static final String PERIOD = "from=2024-06-01&to=2024-06-30";

	@Autowired
	Api api;

	private String company;

	private String survey;

	private String counter;

	private String lobby;

	@BeforeEach
	void survey() {
		this.company = Api.unique("eg");
		unit(this.company, null, "COMPANY");
		unit(this.company + "-a", this.company, "STORE");
		unit(this.company + "-b", this.company, "STORE");
		String journey = Api.unique("egj");
		this.api.admin()
			.post("/api/v1/journeys",
					Map.of("code", journey, "name", Map.of("zh-CN", "到店", "en", "Visit"), "stages",
							List.of(Map.of("code", "visit", "name", Map.of("zh-CN", "到店", "en", "Visit")))))
			.expect(201);
		this.counter = touchpoint(journey, "柜台", "Counter");
		this.lobby = touchpoint(journey, "大堂", "Lobby");
		this.survey = Api.unique("egs");
		List<Map<String, Object>> questions = List.of(
				pair("quality", "build-quality", "房屋质量：期望与感受", "Build quality: expected and found"),
				pair("process", "handover-process", "交付流程：期望与感受", "Handover process: expected and found"));
		this.api.admin()
			.post("/api/v1/surveys?publish=true",
					Map.of("code", this.survey, "title", Map.of("zh-CN", "交房", "en", "Handover"), "questions",
							questions))
			.expect(201);
	}

	private void unit(String code, String parent, String kind) {
		this.api.createOrgUnit(code, parent, kind);
	}

	private String touchpoint(String journey, String zh, String en) {
		String code = Api.unique("egt");
		this.api.admin()
			.post("/api/v1/touchpoints",
					Map.of("code", code, "journeyCode", journey, "stageCode", "visit", "name",
							Map.of("zh-CN", zh, "en", en), "contactType", "PERSONNEL", "channel", "STORE",
							"brandExperienceLevel", "SERVICE", "weight", 1.0))
			.expect(201);
		return code;
	}

	private static Map<String, Object> pair(String code, String attribute, String zh, String en) {
		return Map.of("type", "EXPECTATION_PERCEPTION", "code", code, "attribute", attribute, "required", false, "text",
				Map.of("zh-CN", zh, "en", en));
	}

	private void respond(String unit, String touchpoint, Map<String, Object> answers) {
		this.api.admin()
			.post("/api/v1/surveys/" + this.survey + "/responses",
					Map.of("responseKey", Api.unique("k"), "unit", unit, "touchpoint", touchpoint, "submittedAt",
							"2024-06-12T04:00:00Z", "answers", answers))
			.expect(201);
	}

	private static Map<String, Object> gap(int expectation, int perception) {
		return Map.of("expectation", expectation, "perception", perception);
	}

	private JsonNode gaps(Api.Caller caller, String query) {
		return caller.get("/api/v1/analytics/expectation-gaps?" + PERIOD + "&survey=" + this.survey + query)
			.expect(200)
			.json();
	}

	@Test
	void eachAttributesMeanGapComesWithItsIntervalWidestShortfallFirst() {
		String a = this.company + "-a";
		String b = this.company + "-b";
		respond(a, this.counter, Map.of("quality", gap(5, 3), "process", gap(4, 6)));
		respond(a, this.counter, Map.of("quality", gap(6, 5)));
		respond(b, this.lobby, Map.of("quality", gap(3, 6), "process", gap(5, 6)));
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gaps(this.api.admin(), "").valueStream()
				.mapToLong((g) -> g.get("gap").get("n").asLong())
				.sum() == 5);

		JsonNode all = gaps(this.api.admin(), "");
		assertThat(all.valueStream().map((g) -> g.get("question").asString())).containsExactly("quality", "process");
		JsonNode quality = all.get(0);
		assertThat(quality.get("survey").asString()).isEqualTo(this.survey);
		assertThat(quality.get("attribute").asString()).isEqualTo("build-quality");
		assertThat(quality.get("text").get("en").asString()).isEqualTo("Build quality: expected and found");
		assertThat(quality.get("text").get("zh-CN").asString()).isEqualTo("房屋质量：期望与感受");
		// −2, −1 and +3: mean 0, sample standard deviation √7, t(2) = 4.303.
		assertThat(quality.get("gap").get("n").asLong()).isEqualTo(3);
		assertThat(quality.get("gap").get("value").asDouble()).isCloseTo(0.0, within(1e-9));
		assertThat(quality.get("gap").get("interval").get("upper").asDouble()).isCloseTo(4.303 * Math.sqrt(7.0 / 3),
				within(0.01));
		assertThat(quality.get("gap").get("smallSample").asBoolean()).isTrue();
		JsonNode process = all.get(1);
		assertThat(process.get("gap").get("n").asLong()).isEqualTo(2);
		assertThat(process.get("gap").get("value").asDouble()).isCloseTo(1.5, within(1e-9));

		JsonNode storeA = gaps(this.api.admin(), "&unit=" + a);
		assertThat(storeA.get(0).get("question").asString()).isEqualTo("quality");
		assertThat(storeA.get(0).get("gap").get("value").asDouble()).isCloseTo(-1.5, within(1e-9));
		assertThat(storeA.get(1).get("gap").get("value").asDouble()).isCloseTo(2.0, within(1e-9));

		JsonNode lobby = gaps(this.api.admin(), "&touchpoint=" + this.lobby);
		assertThat(lobby.valueStream().map((g) -> g.get("gap").get("value").asDouble())).containsExactly(1.0, 3.0);

		Api.Caller scoped = this.api.as(this.api.userToken("VIEWER", b));
		JsonNode seen = gaps(scoped, "");
		assertThat(seen.valueStream().mapToLong((g) -> g.get("gap").get("n").asLong()).sum()).isEqualTo(2);
		assertThat(scoped.get("/api/v1/analytics/expectation-gaps?" + PERIOD + "&unit=" + a)
			.expect(422)
			.json()
			.get("errors")
			.get(0)
			.get("field")
			.asString()).as("another unit is as unknown to a scoped caller as one that does not exist")
			.isEqualTo("unit");
	}

	@Test
	void unknownFiltersAndABackwardPeriodAreRejectedWithTheirField() {
		JsonNode unknown = this.api.admin()
			.get("/api/v1/analytics/expectation-gaps?unit=nowhere&touchpoint=nothing")
			.expect(422)
			.json();
		assertThat(unknown.get("errors").valueStream().map((e) -> e.get("field").asString()))
			.containsExactlyInAnyOrder("unit", "touchpoint");
		JsonNode backward = this.api.admin()
			.get("/api/v1/analytics/expectation-gaps?from=2024-06-30&to=2024-06-01")
			.expect(422)
			.json();
		assertThat(backward.get("errors").get(0).get("field").asString()).isEqualTo("from");
	}

}
