package org.opencxm.journeys;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opencxm.journeys.JourneyFixtures.createCompany;
import static org.opencxm.journeys.JourneyFixtures.createJourney;
import static org.opencxm.journeys.JourneyFixtures.text;
import static org.opencxm.journeys.JourneyFixtures.touchpoint;
import static org.opencxm.journeys.JourneyFixtures.with;
import static org.opencxm.journeys.JourneyFixtures.without;

@ApplicationTest
class TouchpointApiTests {

	@Autowired
	Api api;

	private static List<String> codes(JsonNode items) {
		return items.valueStream().map((item) -> item.get("code").asString()).toList();
	}

	private static List<String> fields(JsonNode problem) {
		return problem.get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

	private static Map<String, Object> action(String code, String zh, String en) {
		return Map.of("code", code, "name", text(zh, en));
	}

	private JsonNode create(Map<String, Object> body) {
		return this.api.admin().post("/api/v1/touchpoints", body).expect(201).json();
	}

	@Test
	void createsATouchpointWithItsContactDesignAndStandardActions() {
		String journey = createJourney(this.api);
		String company = createCompany(this.api);
		String code = Api.unique("counter");
		var body = touchpoint(code, journey, "signing");
		body.put("name", text("签约柜台", "Signing counter"));
		body.put("description", text("签约中心的服务柜台", "The service counter of the signing centre"));
		body.put("semModules", List.of("RELATE", "SENSE", "FEEL"));
		body.put("ownerUnitCode", company + "-p1");
		body.put("standardActions",
				List.of(action("greet", "迎", "Greet"), action("ask", "问", "Ask"), action("receive", "接", "Receive"),
						action("handle", "办", "Handle"), action("offer", "销", "Offer"),
						action("hand-over", "递", "Hand over"), Map.of("code", "see-off", "name", text("送", "See off"),
								"description", text("起身送别客户", "Stand up and see the customer off"))));
		var created = this.api.admin().post("/api/v1/touchpoints", body).expect(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/touchpoints/" + code);
		JsonNode touchpoint = created.json();
		assertThat(touchpoint.get("journeyCode").asString()).isEqualTo(journey);
		assertThat(touchpoint.get("stageCode").asString()).isEqualTo("signing");
		assertThat(touchpoint.get("parentCode").isNull()).isTrue();
		assertThat(touchpoint.get("name").get("zh-CN").asString()).isEqualTo("签约柜台");
		assertThat(touchpoint.get("contactType").asString()).isEqualTo("PERSONNEL");
		assertThat(touchpoint.get("channel").asString()).isEqualTo("STORE");
		assertThat(touchpoint.get("brandExperienceLevel").asString()).isEqualTo("SERVICE");
		assertThat(touchpoint.get("semModules").valueStream().map(JsonNode::asString).toList()).containsExactly("SENSE",
				"FEEL", "RELATE");
		assertThat(touchpoint.get("weight").asDouble()).isEqualTo(1.0);
		assertThat(touchpoint.get("normalizedWeight").asDouble()).isEqualTo(1.0);
		assertThat(touchpoint.get("ownerUnitCode").asString()).isEqualTo(company + "-p1");
		assertThat(touchpoint.get("atomic").asBoolean()).isTrue();
		assertThat(touchpoint.get("active").asBoolean()).isTrue();
		assertThat(touchpoint.get("position").asInt()).isEqualTo(1);
		JsonNode actions = touchpoint.get("standardActions");
		assertThat(codes(actions)).containsExactly("greet", "ask", "receive", "handle", "offer", "hand-over",
				"see-off");
		assertThat(actions.get(6).get("description").get("zh-CN").asString()).isEqualTo("起身送别客户");
		assertThat(actions.get(0).get("description").isNull()).isTrue();
		assertThat(this.api.admin().get("/api/v1/touchpoints/" + code).expect(200).json()).isEqualTo(touchpoint);
		this.api.admin().get("/api/v1/touchpoints/" + Api.unique("none")).expect(404);
	}

	@Test
	void sameTouchpointAgainIsNoDuplicateButOtherDataUnderTheSameCodeConflicts() {
		String journey = createJourney(this.api);
		String code = Api.unique("tp");
		var body = touchpoint(code, journey, "viewing");
		body.put("semModules", List.of("SENSE", "ACT"));
		body.put("standardActions", List.of(action("greet", "迎", "Greet")));
		long id = create(body).get("id").asLong();
		var again = with(body, "semModules", List.of("ACT", "SENSE"));
		assertThat(this.api.admin().post("/api/v1/touchpoints", again).expect(200).json().get("id").asLong())
			.isEqualTo(id);
		this.api.admin().post("/api/v1/touchpoints", with(body, "weight", 1.0)).expect(200);
		var conflict = this.api.admin().post("/api/v1/touchpoints", with(body, "channel", "WECHAT")).expect(409).json();
		assertThat(conflict.get("current").get("channel").asString()).isEqualTo("STORE");
		this.api.admin().post("/api/v1/touchpoints", with(body, "weight", 2.5)).expect(409);
		this.api.admin().post("/api/v1/touchpoints", with(body, "standardActions", List.of())).expect(409);
	}

	@Test
	void badTouchpointInputIsExplainedFieldByField() {
		String journey = createJourney(this.api);
		String company = createCompany(this.api);
		var body = touchpoint(Api.unique("tp"), journey, "viewing");
		assertThat(fields(this.api.admin()
			.post("/api/v1/touchpoints", with(body, "contactType", "BILLBOARD"))
			.expect(400)
			.json())).containsExactly("contactType");
		assertThat(fields(this.api.admin()
			.post("/api/v1/touchpoints", with(body, "semModules", List.of("SMELL")))
			.expect(400)
			.json())).containsExactly("semModules[0]");
		assertThat(fields(this.api.admin().post("/api/v1/touchpoints", without(body, "name")).expect(422).json()))
			.containsExactly("name");
		assertThat(fields(this.api.admin()
			.post("/api/v1/touchpoints", with(body, "name", Map.of("en", "Sales office")))
			.expect(422)
			.json())).containsExactly("name.zh");
		assertThat(fields(this.api.admin().post("/api/v1/touchpoints", with(body, "weight", 0)).expect(422).json()))
			.containsExactly("weight");
		assertThat(fields(this.api.admin().post("/api/v1/touchpoints", with(body, "weight", -2)).expect(422).json()))
			.containsExactly("weight");
		assertThat(fields(this.api.admin()
			.post("/api/v1/touchpoints", without(without(body, "channel"), "brandExperienceLevel"))
			.expect(422)
			.json())).containsExactlyInAnyOrder("channel", "brandExperienceLevel");
		assertThat(fields(this.api.admin()
			.post("/api/v1/touchpoints", with(body, "ownerUnitCode", Api.unique("nowhere")))
			.expect(422)
			.json())).containsExactly("ownerUnitCode");
		assertThat(fields(this.api.admin()
			.post("/api/v1/touchpoints", with(body, "journeyCode", Api.unique("none")))
			.expect(422)
			.json())).containsExactly("journeyCode");
		assertThat(fields(this.api.admin()
			.post("/api/v1/touchpoints", with(with(body, "stageCode", "moon"), "parentCode", Api.unique("none")))
			.expect(422)
			.json())).containsExactlyInAnyOrder("stageCode", "parentCode");
		var twice = with(body, "standardActions",
				List.of(action("greet", "迎", "Greet"), action("greet", "迎", "Greet")));
		assertThat(fields(this.api.admin().post("/api/v1/touchpoints", twice).expect(422).json()))
			.containsExactly("standardActions[1].code");
		var unnamedAction = with(body, "standardActions", List.of(Map.of("code", "greet")));
		assertThat(fields(this.api.admin().post("/api/v1/touchpoints", unnamedAction).expect(422).json()))
			.containsExactly("standardActions[0].name");
		this.api.admin().get("/api/v1/touchpoints/" + body.get("code")).expect(404);

		String scopedManager = this.api.userToken("CX_MANAGER", company + "-p1");
		var elsewhere = with(body, "ownerUnitCode", company + "-p2");
		assertThat(fields(this.api.as(scopedManager).post("/api/v1/touchpoints", elsewhere).expect(422).json()))
			.containsExactly("ownerUnitCode");
		this.api.as(scopedManager)
			.post("/api/v1/touchpoints", with(body, "ownerUnitCode", company + "-p1"))
			.expect(201);
	}

	@Test
	void childTouchpointsFormATreeWithinTheirStage() {
		String journey = createJourney(this.api);
		String office = Api.unique("sales-office");
		String model = Api.unique("model-home");
		String kitchen = Api.unique("model-kitchen");
		create(touchpoint(office, journey, "viewing"));
		create(with(touchpoint(model, journey, "viewing"), "parentCode", office));
		create(with(touchpoint(kitchen, journey, "viewing"), "parentCode", model));
		assertThat(this.api.admin().get("/api/v1/touchpoints/" + office).expect(200).json().get("atomic").asBoolean())
			.isFalse();
		assertThat(this.api.admin().get("/api/v1/touchpoints/" + kitchen).expect(200).json().get("atomic").asBoolean())
			.isTrue();

		JsonNode viewing = this.api.admin().get("/api/v1/journeys/" + journey).expect(200).json().get("stages").get(0);
		JsonNode root = viewing.get("touchpoints").get(0);
		assertThat(codes(viewing.get("touchpoints"))).containsExactly(office);
		assertThat(root.get("atomic").asBoolean()).isFalse();
		assertThat(codes(root.get("children"))).containsExactly(model);
		assertThat(codes(root.get("children").get(0).get("children"))).containsExactly(kitchen);
		assertThat(root.get("children").get(0).get("children").get(0).get("children").isEmpty()).isTrue();

		var otherStage = with(touchpoint(Api.unique("tp"), journey, "signing"), "parentCode", office);
		assertThat(fields(this.api.admin().post("/api/v1/touchpoints", otherStage).expect(422).json()))
			.containsExactly("parentCode");
	}

	@Test
	void aTouchpointCannotBecomeItsOwnAncestor() {
		String journey = createJourney(this.api);
		String a = Api.unique("a");
		String b = Api.unique("b");
		String c = Api.unique("c");
		create(touchpoint(a, journey, "handover"));
		create(with(touchpoint(b, journey, "handover"), "parentCode", a));
		create(with(touchpoint(c, journey, "handover"), "parentCode", b));
		var underGrandchild = with(touchpoint(a, journey, "handover"), "parentCode", c);
		assertThat(fields(this.api.admin().put("/api/v1/touchpoints/" + a, underGrandchild).expect(422).json()))
			.containsExactly("parentCode");
		var underItself = with(touchpoint(a, journey, "handover"), "parentCode", a);
		assertThat(fields(this.api.admin().put("/api/v1/touchpoints/" + a, underItself).expect(422).json()))
			.containsExactly("parentCode");
		assertThat(this.api.admin().get("/api/v1/touchpoints/" + a).expect(200).json().get("parentCode").isNull())
			.isTrue();
		var lifted = touchpoint(c, journey, "handover");
		JsonNode moved = this.api.admin().put("/api/v1/touchpoints/" + c, lifted).expect(200).json();
		assertThat(moved.get("parentCode").isNull()).isTrue();
		assertThat(this.api.admin().get("/api/v1/touchpoints/" + b).expect(200).json().get("atomic").asBoolean())
			.isTrue();
	}

	@Test
	void movingATouchpointToAnotherStageTakesItsChildrenAlong() {
		String journey = createJourney(this.api);
		String parent = Api.unique("parent");
		String child = Api.unique("child");
		create(touchpoint(parent, journey, "handover"));
		create(with(touchpoint(child, journey, "handover"), "parentCode", parent));
		this.api.admin().put("/api/v1/touchpoints/" + parent, touchpoint(parent, journey, "move-in")).expect(200);
		JsonNode moved = this.api.admin().get("/api/v1/touchpoints/" + child).expect(200).json();
		assertThat(moved.get("stageCode").asString()).isEqualTo("move-in");
		assertThat(moved.get("parentCode").asString()).isEqualTo(parent);
	}

	@Test
	void weightsAreNormalisedAmongActiveSiblings() {
		String journey = createJourney(this.api);
		String office = Api.unique("office");
		String hotline = Api.unique("hotline");
		create(with(touchpoint(office, journey, "viewing"), "weight", 3));
		create(touchpoint(hotline, journey, "viewing"));
		String greet = Api.unique("greet");
		String tour = Api.unique("tour");
		String brochure = Api.unique("brochure");
		create(with(touchpoint(greet, journey, "viewing"), "parentCode", office));
		create(with(with(touchpoint(tour, journey, "viewing"), "parentCode", office), "weight", 2));
		create(with(with(touchpoint(brochure, journey, "viewing"), "parentCode", office), "weight", 5));

		assertThat(normalized(office)).isCloseTo(0.75, within(1e-9));
		assertThat(normalized(hotline)).isCloseTo(0.25, within(1e-9));
		assertThat(normalized(greet)).isCloseTo(0.125, within(1e-9));
		assertThat(normalized(tour)).isCloseTo(0.25, within(1e-9));
		assertThat(normalized(brochure)).isCloseTo(0.625, within(1e-9));

		var retired = with(with(with(touchpoint(brochure, journey, "viewing"), "parentCode", office), "weight", 5),
				"active", false);
		JsonNode inactive = this.api.admin().put("/api/v1/touchpoints/" + brochure, retired).expect(200).json();
		assertThat(inactive.get("active").asBoolean()).isFalse();
		assertThat(inactive.get("normalizedWeight").asDouble()).isZero();
		assertThat(normalized(greet)).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(normalized(tour)).isCloseTo(2.0 / 3, within(1e-9));

		JsonNode tree = this.api.admin()
			.get("/api/v1/journeys/" + journey)
			.expect(200)
			.json()
			.get("stages")
			.get(0)
			.get("touchpoints");
		assertThat(tree.get(0).get("normalizedWeight").asDouble()).isCloseTo(0.75, within(1e-9));
		assertThat(tree.get(0).get("children").get(1).get("normalizedWeight").asDouble()).isCloseTo(2.0 / 3,
				within(1e-9));
	}

	private double normalized(String code) {
		return this.api.admin()
			.get("/api/v1/touchpoints/" + code)
			.expect(200)
			.json()
			.get("normalizedWeight")
			.asDouble();
	}

	@Test
	void touchpointsAreListedByJourneyStageParentAndState() {
		String journey = createJourney(this.api);
		String office = Api.unique("office");
		String hotline = Api.unique("hotline");
		String tour = Api.unique("tour");
		String keys = Api.unique("keys");
		create(touchpoint(office, journey, "viewing"));
		create(with(touchpoint(hotline, journey, "viewing"), "active", false));
		create(with(touchpoint(tour, journey, "viewing"), "parentCode", office));
		create(touchpoint(keys, journey, "handover"));

		JsonNode all = this.api.admin().get("/api/v1/touchpoints?journey=" + journey).expect(200).json();
		assertThat(all.get("total").asLong()).isEqualTo(4);
		assertThat(codes(all.get("items"))).containsExactly(office, hotline, tour, keys);
		assertThat(codes(this.api.admin()
			.get("/api/v1/touchpoints?journey=" + journey + "&stage=handover")
			.expect(200)
			.json()
			.get("items"))).containsExactly(keys);
		assertThat(codes(this.api.admin().get("/api/v1/touchpoints?parent=" + office).expect(200).json().get("items")))
			.containsExactly(tour);
		assertThat(codes(this.api.admin()
			.get("/api/v1/touchpoints?journey=" + journey + "&active=false")
			.expect(200)
			.json()
			.get("items"))).containsExactly(hotline);
		JsonNode page = this.api.admin()
			.get("/api/v1/touchpoints?journey=" + journey + "&page=1&size=3")
			.expect(200)
			.json();
		assertThat(codes(page.get("items"))).containsExactly(keys);
		assertThat(page.get("total").asLong()).isEqualTo(4);

		assertThat(fields(this.api.admin().get("/api/v1/touchpoints?stage=viewing").expect(422).json()))
			.containsExactly("stage");
		this.api.admin().get("/api/v1/touchpoints?journey=" + Api.unique("none")).expect(404);
		this.api.admin().get("/api/v1/touchpoints?journey=" + journey + "&stage=moon").expect(404);
		this.api.admin().get("/api/v1/touchpoints?parent=" + Api.unique("none")).expect(404);
		this.api.admin().get("/api/v1/touchpoints?active=maybe").expect(400);
	}

	@Test
	void onlyLeafTouchpointsCanBeDeleted() {
		String journey = createJourney(this.api);
		String parent = Api.unique("parent");
		String child = Api.unique("child");
		create(touchpoint(parent, journey, "living"));
		create(with(touchpoint(child, journey, "living"), "parentCode", parent));
		var refused = this.api.admin().delete("/api/v1/touchpoints/" + parent).expect(409).json();
		assertThat(refused.get("current").get("code").asString()).isEqualTo(parent);
		String viewer = this.api.userToken("VIEWER", null);
		this.api.as(viewer).delete("/api/v1/touchpoints/" + child).expect(403);
		this.api.admin().delete("/api/v1/touchpoints/" + child).expect(204);
		this.api.admin().get("/api/v1/touchpoints/" + child).expect(404);
		this.api.admin().delete("/api/v1/touchpoints/" + child).expect(404);
		assertThat(this.api.admin().get("/api/v1/touchpoints/" + parent).expect(200).json().get("atomic").asBoolean())
			.isTrue();
		this.api.admin().delete("/api/v1/touchpoints/" + parent).expect(204);
	}

	@Test
	void onlyCxManagersChangeTouchpointsAndEveryoneSignedInReadsThem() {
		String journey = createJourney(this.api);
		String viewer = this.api.userToken("VIEWER", null);
		String agent = this.api.userToken("AGENT", null);
		String cxManager = this.api.userToken("CX_MANAGER", null);
		String code = Api.unique("tp");
		var body = touchpoint(code, journey, "waiting");
		this.api.as(viewer).post("/api/v1/touchpoints", body).expect(403);
		this.api.as(agent).post("/api/v1/touchpoints", body).expect(403);
		this.api.as(agent).put("/api/v1/touchpoints/" + code, body).expect(403);
		this.api.admin().get("/api/v1/touchpoints/" + code).expect(404);
		this.api.as(cxManager).post("/api/v1/touchpoints", body).expect(201);
		this.api.as(agent).put("/api/v1/touchpoints/" + code, with(body, "weight", 2)).expect(403);
		this.api.as(agent).delete("/api/v1/touchpoints/" + code).expect(403);
		this.api.as(cxManager).put("/api/v1/touchpoints/" + code, with(body, "weight", 2)).expect(200);
		assertThat(this.api.as(viewer).get("/api/v1/touchpoints/" + code).expect(200).json().get("weight").asDouble())
			.isEqualTo(2.0);
		assertThat(
				codes(this.api.as(agent).get("/api/v1/touchpoints?journey=" + journey).expect(200).json().get("items")))
			.containsExactly(code);
		this.api.anonymous().get("/api/v1/touchpoints/" + code).expect(401);
	}

	@Test
	void aScopedManagerCannotChangeTouchpointsOfUnitsOutsideItsScope() {
		String journey = createJourney(this.api);
		String company = createCompany(this.api);
		String code = Api.unique("tp");
		var body = with(touchpoint(code, journey, "waiting"), "ownerUnitCode", company + "-p2");
		create(body);
		String scoped = this.api.userToken("CX_MANAGER", company + "-p1");
		this.api.as(scoped).get("/api/v1/touchpoints/" + code).expect(200);
		this.api.as(scoped)
			.put("/api/v1/touchpoints/" + code, with(body, "ownerUnitCode", company + "-p1"))
			.expect(403);
		this.api.as(scoped).delete("/api/v1/touchpoints/" + code).expect(403);
		assertThat(
				this.api.admin().get("/api/v1/touchpoints/" + code).expect(200).json().get("ownerUnitCode").asString())
			.isEqualTo(company + "-p2");
	}

}
