package org.opencxm.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.journeys.JourneyFixtures.createJourney;
import static org.opencxm.journeys.JourneyFixtures.lifecycleClass;
import static org.opencxm.journeys.JourneyFixtures.realEstateJourney;
import static org.opencxm.journeys.JourneyFixtures.stage;
import static org.opencxm.journeys.JourneyFixtures.text;
import static org.opencxm.journeys.JourneyFixtures.touchpoint;
import static org.opencxm.journeys.JourneyFixtures.with;
import static org.opencxm.journeys.JourneyFixtures.without;

@ApplicationTest
class JourneyApiTests {

	@Autowired
	Api api;

	@Autowired
	Journeys journeys;

	private static List<String> codes(JsonNode items) {
		return items.valueStream().map((item) -> item.get("code").asString()).toList();
	}

	private static List<String> fields(JsonNode problem) {
		return problem.get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

	@Test
	void createsAJourneyWithOrderedStagesAndLifecycleClasses() {
		String code = Api.unique("home");
		var created = this.api.admin().post("/api/v1/journeys", realEstateJourney(code)).expect(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/journeys/" + code);
		JsonNode journey = created.json();
		assertThat(journey.get("code").asString()).isEqualTo(code);
		assertThat(journey.get("name").get("zh-CN").asString()).isEqualTo("购房之旅");
		assertThat(journey.get("description").get("en").asString()).isEqualTo("From viewing to living in the new home");
		assertThat(codes(journey.get("stages"))).containsExactlyElementsOf(JourneyFixtures.STAGES);
		assertThat(journey.get("stages").valueStream().map((stage) -> stage.get("position").asInt()).toList())
			.containsExactly(1, 2, 3, 4, 5, 6);
		JsonNode handover = journey.get("stages").get(3);
		assertThat(handover.get("name").get("zh-CN").asString()).isEqualTo("交房");
		assertThat(handover.get("lifecycleClassCode").asString()).isEqualTo("run-in");
		assertThat(handover.get("touchpoints").isEmpty()).isTrue();
		assertThat(codes(journey.get("lifecycleClasses"))).containsExactly("prospect", "contracted", "run-in",
				"stable");
		assertThat(journey.get("lifecycleClasses").get(2).get("name").get("zh-CN").asString()).isEqualTo("磨合期客户");

		JsonNode read = this.api.admin().get("/api/v1/journeys/" + code).expect(200).json();
		assertThat(read).isEqualTo(journey);
		JsonNode listed = this.api.admin().get("/api/v1/journeys").expect(200).json().get("items");
		assertThat(codes(listed)).contains(code);
		this.api.admin().get("/api/v1/journeys/" + Api.unique("none")).expect(404);
	}

	@Test
	void sameJourneyAgainIsNoDuplicateButOtherDataUnderTheSameCodeConflicts() {
		String code = Api.unique("home");
		long id = this.api.admin()
			.post("/api/v1/journeys", realEstateJourney(code))
			.expect(201)
			.json()
			.get("id")
			.asLong();
		var again = this.api.admin().post("/api/v1/journeys", realEstateJourney(code)).expect(200).json();
		assertThat(again.get("id").asLong()).isEqualTo(id);
		var renamed = with(realEstateJourney(code), "name", text("置业之旅", "Home owning journey"));
		var conflict = this.api.admin().post("/api/v1/journeys", renamed).expect(409).json();
		assertThat(conflict.get("current").get("name").get("zh-CN").asString()).isEqualTo("购房之旅");
		var fewerStages = with(realEstateJourney(code), "stages",
				List.of(stage("viewing", "看房", "Viewing", "prospect")));
		this.api.admin().post("/api/v1/journeys", fewerStages).expect(409);
		assertThat(this.api.admin().get("/api/v1/journeys/" + code).expect(200).json().get("stages").size())
			.isEqualTo(6);
	}

	@Test
	void badJourneyInputIsExplainedFieldByField() {
		var body = realEstateJourney(Api.unique("home"));
		assertThat(fields(this.api.admin().post("/api/v1/journeys", without(body, "name")).expect(422).json()))
			.containsExactly("name");
		assertThat(fields(this.api.admin()
			.post("/api/v1/journeys", with(body, "name", Map.of("zh-CN", "购房之旅")))
			.expect(422)
			.json())).containsExactly("name.en");
		assertThat(
				fields(this.api.admin().post("/api/v1/journeys", with(body, "stages", List.of())).expect(422).json()))
			.containsExactly("stages");
		assertThat(
				fields(this.api.admin().post("/api/v1/journeys", with(body, "code", "has space")).expect(422).json()))
			.containsExactly("code");
		var unnamedStage = with(body, "stages", List.of(Map.of("code", "viewing", "name", text("", "Viewing"))));
		assertThat(fields(this.api.admin().post("/api/v1/journeys", unnamedStage).expect(422).json()))
			.containsExactly("stages[0].name.zh");
		var twice = with(body, "stages",
				List.of(stage("viewing", "看房", "Viewing", null), stage("viewing", "再看", "Again", null)));
		assertThat(fields(this.api.admin().post("/api/v1/journeys", twice).expect(422).json()))
			.containsExactly("stages[1].code");
		var unknownClass = with(body, "stages", List.of(stage("viewing", "看房", "Viewing", "vip")));
		assertThat(fields(this.api.admin().post("/api/v1/journeys", unknownClass).expect(422).json()))
			.containsExactly("stages[0].lifecycleClassCode");
		var classTwice = with(body, "lifecycleClasses",
				List.of(lifecycleClass("prospect", "意向", "Prospect"), lifecycleClass("prospect", "意向", "Prospect")));
		assertThat(fields(this.api.admin().post("/api/v1/journeys", classTwice).expect(422).json()))
			.contains("lifecycleClasses[1].code");
		assertThat(fields(this.api.admin().post("/api/v1/journeys", with(body, "colour", "red")).expect(400).json()))
			.containsExactly("colour");
		this.api.admin().post("/api/v1/journeys", "{not json").expect(400);
		this.api.admin().get("/api/v1/journeys/" + body.get("code")).expect(404);
	}

	@Test
	void putMatchesStagesByCodeSoTheyKeepTheirIdsAndTouchpoints() {
		String code = createJourney(this.api);
		JsonNode before = this.api.admin().get("/api/v1/journeys/" + code).expect(200).json();
		long viewingId = before.get("stages").get(0).get("id").asLong();
		String tp = Api.unique("tp");
		this.api.admin().post("/api/v1/touchpoints", touchpoint(tp, code, "viewing")).expect(201);

		var changed = realEstateJourney(code);
		List<Object> stages = new ArrayList<>();
		stages.add(stage("online", "线上了解", "Online research", "prospect"));
		stages.add(stage("viewing", "到访看房", "Site visit", "prospect"));
		stages.add(stage("signing", "签约", "Signing", "contracted"));
		stages.add(stage("handover", "交房", "Handover", "run-in"));
		stages.add(stage("living", "生活", "Living", "stable"));
		changed.put("stages", stages);
		JsonNode after = this.api.admin().put("/api/v1/journeys/" + code, changed).expect(200).json();
		assertThat(codes(after.get("stages"))).containsExactly("online", "viewing", "signing", "handover", "living");
		JsonNode viewing = after.get("stages").get(1);
		assertThat(viewing.get("id").asLong()).isEqualTo(viewingId);
		assertThat(viewing.get("position").asInt()).isEqualTo(2);
		assertThat(viewing.get("name").get("en").asString()).isEqualTo("Site visit");
		assertThat(codes(viewing.get("touchpoints"))).containsExactly(tp);
		var stageRef = this.journeys.stage(viewingId);
		assertThat(stageRef).hasValueSatisfying((ref) -> assertThat(ref.position()).isEqualTo(2));
		assertThat(this.journeys.stagesOf(after.get("id").asLong()).stream().map(StageRef::code).toList())
			.containsExactly("online", "viewing", "signing", "handover", "living");

		var withoutViewing = realEstateJourney(code);
		withoutViewing.put("stages", List.of(stage("online", "线上了解", "Online research", "prospect")));
		var refused = this.api.admin().put("/api/v1/journeys/" + code, withoutViewing).expect(409).json();
		assertThat(refused.get("detail").asString()).contains("viewing");
		assertThat(codes(this.api.admin().get("/api/v1/journeys/" + code).expect(200).json().get("stages")))
			.containsExactly("online", "viewing", "signing", "handover", "living");

		this.api.admin().put("/api/v1/journeys/" + code, with(realEstateJourney(code), "code", "other")).expect(422);
		String fresh = Api.unique("home");
		var created = this.api.admin().put("/api/v1/journeys/" + fresh, without(realEstateJourney(fresh), "code"));
		assertThat(created.expect(201).header("Location")).isEqualTo("/api/v1/journeys/" + fresh);
	}

	@Test
	void lifecycleClassesOfEveryJourneyAreKnownToOtherModules() {
		String code = Api.unique("home");
		var body = realEstateJourney(code);
		String vip = Api.unique("vip");
		body.put("lifecycleClasses", List.of(lifecycleClass(vip, "贵宾", "VIP")));
		body.put("stages", List.of(stage("viewing", "看房", "Viewing", vip)));
		this.api.admin().post("/api/v1/journeys", body).expect(201);
		assertThat(this.journeys.lifecycleClassCodes()).contains(vip);
		body.put("lifecycleClasses", List.of(lifecycleClass("prospect", "意向客户", "Prospect")));
		body.put("stages", List.of(stage("viewing", "看房", "Viewing", "prospect")));
		this.api.admin().put("/api/v1/journeys/" + code, body).expect(200);
		assertThat(this.journeys.lifecycleClassCodes()).doesNotContain(vip).contains("prospect");
	}

	@Test
	void onlyCxManagersChangeJourneysAndEveryoneSignedInReadsThem() {
		String viewer = this.api.userToken("VIEWER", null);
		String agent = this.api.userToken("AGENT", null);
		String unitManager = this.api.userToken("UNIT_MANAGER", null);
		String cxManager = this.api.userToken("CX_MANAGER", null);
		String code = Api.unique("home");
		this.api.as(viewer).post("/api/v1/journeys", realEstateJourney(code)).expect(403);
		this.api.as(agent).post("/api/v1/journeys", realEstateJourney(code)).expect(403);
		this.api.as(unitManager).put("/api/v1/journeys/" + code, realEstateJourney(code)).expect(403);
		this.api.admin().get("/api/v1/journeys/" + code).expect(404);
		this.api.as(cxManager).post("/api/v1/journeys", realEstateJourney(code)).expect(201);
		this.api.as(cxManager).put("/api/v1/journeys/" + code, realEstateJourney(code)).expect(200);
		this.api.as(viewer).get("/api/v1/journeys/" + code).expect(200);
		assertThat(codes(this.api.as(agent).get("/api/v1/journeys").expect(200).json().get("items"))).contains(code);
		this.api.anonymous().get("/api/v1/journeys").expect(401);
	}

}
