package org.opencxm.segments;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class SegmentApiTests {

	@Autowired
	Api api;

	@Autowired
	Segments segments;

	private SegmentWorkspace ws;

	@BeforeEach
	void workspace() {
		this.ws = new SegmentWorkspace(this.api);
	}

	private static Map<String, Object> field(String field, String test, Object value) {
		return Map.of("field", field, test, value);
	}

	private Map<String, Object> attribute(String name, String test, Object value) {
		return Map.of("attribute", this.ws.attr(name), test, value);
	}

	private static Map<String, Object> contact(String touchpoint, Integer withinDays, Boolean descendants) {
		Map<String, Object> contact = new HashMap<>();
		contact.put("touchpoint", touchpoint);
		if (withinDays != null) {
			contact.put("withinDays", withinDays);
		}
		if (descendants != null) {
			contact.put("includeDescendants", descendants);
		}
		return Map.of("contactAt", contact);
	}

	private static List<String> fields(JsonNode problem) {
		return problem.get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

	@Test
	void testsProfileFields() {
		int year = LocalDate.now(ZoneOffset.UTC).getYear();
		assertThat(this.ws.members(field("lifecycleClass", "equals", "contracted"))).containsExactly("c1", "c3");
		assertThat(this.ws.members(field("lifecycleClass", "in", List.of("prospect", "stable")))).containsExactly("c2",
				"c4");
		assertThat(this.ws.members(field("valueTier", "in", List.of("HIGH")))).containsExactly("c3", "c5");
		assertThat(this.ws.members(field("valueTier", "range", Map.of("min", "HIGH")))).containsExactly("c1", "c3",
				"c5");
		assertThat(this.ws.members(field("valueTier", "range", Map.of("max", "MEDIUM")))).containsExactly("c2", "c4");
		assertThat(this.ws.members(field("valueTier", "exists", false))).containsExactly("c6");
		assertThat(this.ws.members(field("language", "equals", "en"))).containsExactly("c1");
		assertThat(this.ws.members(field("birthYear", "range", Map.of("min", year - 35, "max", year - 22))))
			.containsExactly("c1", "c2", "c5");
		assertThat(this.ws.members(field("birthYear", "equals", year - 70))).containsExactly("c4");
		assertThat(this.ws.members(field("externalId", "in", List.of(this.ws.id("c2"), this.ws.id("c4")))))
			.containsExactly("c2", "c4");
	}

	@Test
	void testsTypedAttributes() {
		assertThat(this.ws.members(attribute("vip", "equals", true))).containsExactly("c1");
		assertThat(this.ws.members(attribute("vip", "exists", true))).containsExactly("c1", "c2");
		assertThat(this.ws.members(attribute("floor", "in", List.of(12, 3)))).containsExactly("c1", "c2");
		assertThat(this.ws.members(attribute("floor", "equals", 12.5))).containsExactly("c5");
		assertThat(this.ws.members(attribute("floor", "range", Map.of("min", 10, "max", 20)))).containsExactly("c1",
				"c3", "c5");
		assertThat(this.ws.members(attribute("floor", "range", Map.of("min", 12.5)))).containsExactly("c3", "c5");
		assertThat(this.ws.members(attribute("building", "equals", "A3"))).containsExactly("c1");
		assertThat(this.ws.members(attribute("handover", "equals", "2026-03-01"))).containsExactly("c1");
		assertThat(this.ws.members(attribute("handover", "range", Map.of("min", "2026-01-01", "max", "2026-06-30"))))
			.containsExactly("c1");
		assertThat(this.ws.members(attribute("handover", "range", Map.of("min", "2026-03-02")))).isEmpty();
	}

	@Test
	void testsAgeBandsFromTheBirthYear() {
		assertThat(this.ws.members(Map.of("ageBand", "30-39"))).containsExactly("c1", "c5");
		assertThat(this.ws.members(Map.of("ageBand", "A18_24"))).containsExactly("c2");
		assertThat(this.ws.members(Map.of("ageBand", "UNDER_18"))).containsExactly("c6");
		assertThat(this.ws.members(Map.of("ageBand", "65+"))).containsExactly("c4");
		assertThat(this.ws.members(Map.of("ageBand", "UNKNOWN"))).containsExactly("c3");
	}

	@Test
	void testsHomeUnitSubtrees() {
		assertThat(this.ws.members(Map.of("unit", this.ws.east))).containsExactly("c1", "c2", "c6");
		assertThat(this.ws.members(Map.of("unit", this.ws.store))).containsExactly("c1", "c6");
		assertThat(this.ws.members(Map.of("unit", this.ws.west))).containsExactly("c3", "c4");
		assertThat(this.ws.members(Map.of("unit", this.ws.company))).hasSize(6);
	}

	@Test
	void testsContactsAtATouchpointAndBelowIt() {
		assertThat(this.ws.members(contact(this.ws.parentTouchpoint, 90, null))).isEmpty();
		assertThat(this.ws.members(contact(this.ws.parentTouchpoint, 365, false))).containsExactly("c2");
		assertThat(this.ws.members(contact(this.ws.parentTouchpoint, 90, true))).containsExactly("c1");
		assertThat(this.ws.members(contact(this.ws.parentTouchpoint, 365, true))).containsExactly("c1", "c2");
		assertThat(this.ws.members(contact(this.ws.childTouchpoint, null, null))).containsExactly("c1");
		assertThat(this.ws.members(contact(this.ws.childTouchpoint, 5, null))).isEmpty();
		assertThat(this.ws.members(contact(this.ws.otherTouchpoint, null, null))).isEmpty();
	}

	@Test
	void combinesRulesWithAndOrAndNot() {
		assertThat(this.ws.members(Map.of("not", field("lifecycleClass", "equals", "contracted"))))
			.as("a customer without a class is not contracted")
			.containsExactly("c2", "c4", "c5", "c6");
		assertThat(this.ws.members(Map.of("not", attribute("vip", "equals", true)))).containsExactly("c2", "c3", "c4",
				"c5", "c6");
		var nested = Map.of("any",
				List.of(Map.of("all",
						List.of(field("lifecycleClass", "equals", "contracted"), Map.of("unit", this.ws.west))),
						Map.of("not", Map.of("any", List.of(Map.of("ageBand", "30-39"), Map.of("ageBand", "UNKNOWN"),
								Map.of("unit", this.ws.west))))));
		assertThat(this.ws.members(nested)).containsExactly("c2", "c3", "c6");
		var deep = Map.of("all", List.of(Map.of("not", Map.of("not", Map.of("unit", this.ws.east))),
				Map.of("any", List.of(contact(this.ws.parentTouchpoint, 365, true), attribute("vip", "exists", true))),
				Map.of("not",
						Map.of("all", List.of(field("valueTier", "equals", "VIP"), Map.of("ageBand", "30-39"))))));
		assertThat(this.ws.members(deep)).containsExactly("c2");
	}

	@Test
	void refusesBadRulesWithThePathOfWhatIsWrong() {
		Map<Object, String> bad = new java.util.LinkedHashMap<>();
		bad.put(Map.of("foo", 1), "rule");
		bad.put(field("shoeSize", "equals", 42), "rule.field");
		bad.put(Map.of("attribute", Api.unique("nobody-has"), "equals", 1), "rule.attribute");
		bad.put(attribute("vip", "equals", "yes"), "rule.equals");
		bad.put(attribute("floor", "in", List.of(1, "x")), "rule.in[1]");
		bad.put(attribute("building", "range", Map.of("min", 1)), "rule.range.min");
		bad.put(attribute("floor", "range", Map.of()), "rule.range");
		bad.put(contact(Api.unique("no-touchpoint"), 90, null), "rule.contactAt.touchpoint");
		bad.put(contact(this.ws.parentTouchpoint, 0, null), "rule.contactAt.withinDays");
		bad.put(Map.of("contactAt", Map.of("touchpoint", this.ws.parentTouchpoint, "withinDays", "soon")),
				"rule.contactAt.withinDays");
		bad.put(Map.of("unit", Api.unique("no-unit")), "rule.unit");
		bad.put(Map.of("ageBand", "old"), "rule.ageBand");
		bad.put(field("lifecycleClass", "equals", "retired"), "rule.equals");
		bad.put(field("lifecycleClass", "range", Map.of("min", "prospect")), "rule.range");
		bad.put(Map.of("field", "valueTier", "equals", "VIP", "in", List.of("HIGH")), "rule");
		bad.put(field("valueTier", "in", List.of("VIP", "GOLD")), "rule.in[1]");
		bad.put(Map.of("all", List.of()), "rule.all");
		bad.put(Map.of("not", Map.of("any", List.of(Map.of("unit", this.ws.company), Map.of("bogus", true)))),
				"rule.not.any[1]");
		Map<String, Object> twoKinds = new java.util.LinkedHashMap<>();
		twoKinds.put("all", List.of(Map.of("unit", this.ws.company)));
		twoKinds.put("any", List.of());
		bad.put(twoKinds, "rule.any");
		bad.forEach((rule, path) -> {
			String code = Api.unique("bad");
			JsonNode problem = this.api.admin()
				.put("/api/v1/segments/" + code, SegmentWorkspace.segment(rule))
				.expect(422)
				.json();
			assertThat(fields(problem)).as("%s", rule).containsExactly(path);
			this.api.admin().post("/api/v1/segments/preview", Map.of("rule", rule)).expect(422);
			this.api.admin().get("/api/v1/segments/" + code).expect(404);
		});
		JsonNode noRule = this.api.admin()
			.post("/api/v1/segments/preview", Map.of("rule", Map.of("any", List.of(Map.of("colour", "red")))))
			.expect(422)
			.json();
		assertThat(noRule.get("errors").get(0).get("field").asString()).isEqualTo("rule.any[0]");
		assertThat(noRule.get("errors").get(0).get("reason").asString()).startsWith("is not a rule");
		JsonNode both = this.api.admin()
			.post("/api/v1/segments/preview",
					Map.of("rule", Map.of("all", List.of(Map.of("unit", "nope"), Map.of("ageBand", "old")))))
			.expect(422)
			.json();
		assertThat(fields(both)).containsExactly("rule.all[0].unit", "rule.all[1].ageBand");
		Map<String, Object> tooDeep = Map.of("unit", this.ws.company);
		for (int i = 0; i < RuleChecks.MAX_DEPTH; i++) {
			tooDeep = Map.of("not", tooDeep);
		}
		this.api.admin().post("/api/v1/segments/preview", Map.of("rule", tooDeep)).expect(422);
		this.api.admin()
			.post("/api/v1/segments", Map.of("code", Api.unique("s"), "name", Map.of("zh-CN", "甲", "en", "A")))
			.expect(422);
		this.api.admin()
			.post("/api/v1/segments",
					Map.of("code", "bad code!", "name", Map.of("zh-CN", "甲", "en", "A"), "rule", Map.of("unit", "x")))
			.expect(422);
		this.api.admin()
			.post("/api/v1/segments",
					Map.of("code", Api.unique("s"), "name", Map.of("zh-CN", "甲", "en", "A"), "rule",
							Map.of("unit", this.ws.company), "colour", "red"))
			.expect(400);
	}

	@Test
	void sendingTheSameSegmentAgainIsHarmlessAndOtherDataUnderItsCodeConflicts() {
		String code = Api.unique("seg");
		Map<String, Object> body = new HashMap<>(SegmentWorkspace.segment(this.ws.within(Map.of("ageBand", "30-39"))));
		body.put("code", code);
		body.put("description", Map.of("zh-CN", "三十多岁", "en", "In their thirties"));
		var created = this.api.admin().post("/api/v1/segments", body).expect(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/segments/" + code);
		JsonNode first = created.json();
		assertThat(first.get("rule").get("all").get(1).get("ageBand").asString()).isEqualTo("30-39");
		JsonNode again = this.api.admin().post("/api/v1/segments", body).expect(200).json();
		assertThat(again).isEqualTo(first);
		Map<String, Object> other = new HashMap<>(body);
		other.put("rule", this.ws.within(Map.of("ageBand", "40-49")));
		JsonNode conflict = this.api.admin().post("/api/v1/segments", other).expect(409).json();
		assertThat(conflict.toString()).contains("30-39");
		assertThat(this.api.admin().get("/api/v1/segments/" + code).expect(200).json()).isEqualTo(first);
		body.remove("code");
		JsonNode put = this.api.admin().put("/api/v1/segments/" + code, body).expect(200).json();
		assertThat(put).isEqualTo(first);
		other.remove("code");
		JsonNode replaced = this.api.admin().put("/api/v1/segments/" + code, other).expect(200).json();
		assertThat(replaced.get("rule").get("all").get(1).get("ageBand").asString()).isEqualTo("40-49");
		assertThat(replaced.get("createdAt")).isEqualTo(first.get("createdAt"));
		other.put("code", Api.unique("elsewhere"));
		this.api.admin().put("/api/v1/segments/" + code, other).expect(422);
		this.api.admin().delete("/api/v1/segments/" + code).expect(204);
		this.api.admin().delete("/api/v1/segments/" + code).expect(404);
		this.api.admin().get("/api/v1/segments/" + code + "/members").expect(404);
		this.api.admin().get("/api/v1/segments/" + code + "/count").expect(404);
	}

	@Test
	void onlyCxManagersChangeSegmentsAndViewersReadThem() {
		String code = Api.unique("seg");
		var body = SegmentWorkspace.segment(this.ws.within(field("valueTier", "equals", "VIP")));
		for (String role : List.of("VIEWER", "AGENT", "UNIT_MANAGER")) {
			var caller = this.api.as(this.api.userToken(role, null));
			caller.put("/api/v1/segments/" + code, body).expect(403);
		}
		this.api.anonymous().get("/api/v1/segments").expect(401);
		this.api.anonymous().post("/api/v1/segments/preview", Map.of("rule", Map.of("unit", "x"))).expect(401);
		var manager = this.api.as(this.api.userToken("CX_MANAGER", null));
		manager.put("/api/v1/segments/" + code, body).expect(201);
		var viewer = this.api.as(this.api.userToken("VIEWER", null));
		assertThat(viewer.get("/api/v1/segments/" + code).expect(200).json().get("code").asString()).isEqualTo(code);
		assertThat(viewer.get("/api/v1/segments/" + code + "/count").expect(200).json().get("count").asLong())
			.isEqualTo(1);
		assertThat(viewer.get("/api/v1/segments?size=500").expect(200).json().get("total").asLong()).isPositive();
		viewer.post("/api/v1/segments/preview", Map.of("rule", Map.of("unit", this.ws.company))).expect(200);
		viewer.delete("/api/v1/segments/" + code).expect(403);
		manager.delete("/api/v1/segments/" + code).expect(204);
	}

	@Test
	void aScopedUserCountsAndSeesOnlyCustomersOfItsSubtree() {
		String code = Api.unique("seg");
		this.api.admin()
			.put("/api/v1/segments/" + code, SegmentWorkspace.segment(Map.of("unit", this.ws.company)))
			.expect(201);
		var east = this.api.as(this.api.userToken("VIEWER", this.ws.east));
		assertThat(east.get("/api/v1/segments/" + code + "/count").expect(200).json().get("count").asLong())
			.isEqualTo(3);
		List<String> members = new ArrayList<>();
		east.get("/api/v1/segments/" + code + "/members")
			.expect(200)
			.json()
			.get("items")
			.forEach((item) -> members.add(this.ws.name(item.get("externalId").asString())));
		assertThat(members).containsExactly("c1", "c2", "c6");
		assertThat(east.post("/api/v1/segments/preview", Map.of("rule", Map.of("not", Map.of("ageBand", "UNDER_18"))))
			.expect(200)
			.json()
			.get("count")
			.asLong()).as("c1 and c2: every other customer is outside the caller's scope").isEqualTo(2);
		// A saved rule naming a unit above the reader's scope holds the part of its
		// subtree the reader sees; the reader cannot name that unit in a rule of its own.
		var store = this.api.as(this.api.userToken("VIEWER", this.ws.store));
		String eastCode = Api.unique("seg");
		this.api.admin()
			.put("/api/v1/segments/" + eastCode, SegmentWorkspace.segment(Map.of("unit", this.ws.east)))
			.expect(201);
		assertThat(store.get("/api/v1/segments/" + eastCode + "/count").expect(200).json().get("count").asLong())
			.isEqualTo(2);
		store.post("/api/v1/segments/preview", Map.of("rule", Map.of("unit", this.ws.east))).expect(422);
		this.api.admin().delete("/api/v1/segments/" + eastCode).expect(204);
		assertThat(this.api.admin().get("/api/v1/segments/" + code + "/count").expect(200).json().get("count").asLong())
			.isEqualTo(6);
		east.get("/api/v1/customers/" + this.ws.id("c3") + "/segments").expect(404);
		assertThat(east.get("/api/v1/customers/" + this.ws.id("c1") + "/segments")
			.expect(200)
			.json()
			.get("items")
			.valueStream()
			.map((item) -> item.get("code").asString())).contains(code);
		// A scoped manager cannot name a unit it does not see.
		var eastManager = this.api.as(this.api.userToken("CX_MANAGER", this.ws.east));
		JsonNode problem = eastManager
			.put("/api/v1/segments/" + Api.unique("seg"), SegmentWorkspace.segment(Map.of("unit", this.ws.west)))
			.expect(422)
			.json();
		assertThat(fields(problem)).containsExactly("rule.unit");
		this.api.admin().delete("/api/v1/segments/" + code).expect(204);
	}

	@Test
	void pagesMembersInAStableOrder() {
		String code = Api.unique("seg");
		this.api.admin()
			.put("/api/v1/segments/" + code, SegmentWorkspace.segment(Map.of("unit", this.ws.company)))
			.expect(201);
		List<String> seen = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			JsonNode result = this.api.admin()
				.get("/api/v1/segments/" + code + "/members?page=" + page + "&size=2")
				.expect(200)
				.json();
			assertThat(result.get("total").asLong()).isEqualTo(6);
			assertThat(result.get("items").size()).isEqualTo(2);
			result.get("items").forEach((item) -> seen.add(this.ws.name(item.get("externalId").asString())));
		}
		assertThat(seen).containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
		JsonNode past = this.api.admin().get("/api/v1/segments/" + code + "/members?page=3&size=2").expect(200).json();
		assertThat(past.get("items").isEmpty()).isTrue();
		this.api.admin().get("/api/v1/segments/" + code + "/members?size=0").expect(422);
		this.api.admin().delete("/api/v1/segments/" + code).expect(204);
	}

	@Test
	void answersTheSegmentsOfACustomer() {
		String vip = Api.unique("vip");
		String west = Api.unique("west");
		this.api.admin()
			.put("/api/v1/segments/" + vip, SegmentWorkspace.segment(this.ws.within(attribute("vip", "equals", true))))
			.expect(201);
		this.api.admin()
			.put("/api/v1/segments/" + west, SegmentWorkspace.segment(Map.of("unit", this.ws.west)))
			.expect(201);
		List<String> ofC1 = this.api.admin()
			.get("/api/v1/customers/" + this.ws.id("c1") + "/segments")
			.expect(200)
			.json()
			.get("items")
			.valueStream()
			.map((item) -> item.get("code").asString())
			.toList();
		assertThat(ofC1).contains(vip).doesNotContain(west);
		long c1 = this.api.admin().get("/api/v1/customers/" + this.ws.id("c1")).expect(200).json().get("id").asLong();
		long c3 = this.api.admin().get("/api/v1/customers/" + this.ws.id("c3")).expect(200).json().get("id").asLong();
		assertThat(this.segments.contains(vip, c1)).isTrue();
		assertThat(this.segments.contains(vip, c3)).isFalse();
		assertThat(this.segments.contains(west, c3)).isTrue();
		assertThat(this.segments.membershipsOf(c3).stream().map(SegmentRef::code)).contains(west).doesNotContain(vip);
		this.api.admin().get("/api/v1/customers/" + Api.unique("nobody") + "/segments").expect(404);
		this.api.admin().delete("/api/v1/segments/" + vip).expect(204);
		this.api.admin().delete("/api/v1/segments/" + west).expect(204);
	}

}
