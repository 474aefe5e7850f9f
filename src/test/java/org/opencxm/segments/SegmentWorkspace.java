package org.opencxm.segments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opencxm.Api;
import tools.jackson.databind.JsonNode;

/**
 * The data of one segment test, under codes of its own: a company with two regions and a
 * store, a journey with a touchpoint that has a child, and six customers (attribute names
 * are those of {@link #attr}).
 * <ul>
 * <li>{@code c1}: store east-1, contracted, VIP, 35 this year, English, attributes vip
 * true, floor 12, building "A3", handover 2026-03-01; a contact at the child touchpoint
 * 10 days ago</li>
 * <li>{@code c2}: region east, prospect, LOW, 22 this year, vip false, floor 3; a contact
 * at the parent touchpoint 200 days ago</li>
 * <li>{@code c3}: region west, contracted, HIGH, no birth year, floor 20</li>
 * <li>{@code c4}: region west, stable, MEDIUM, 70 this year, building "B1"</li>
 * <li>{@code c5}: the company itself, run-in, HIGH, 30 this year, floor 12.5</li>
 * <li>{@code c6}: store east-1, no class or tier, 17 this year</li>
 * </ul>
 */
final class SegmentWorkspace {

	final Api api;

	final String company;

	final String east;

	final String west;

	final String store;

	final String parentTouchpoint;

	final String childTouchpoint;

	final String otherTouchpoint;

	private final Map<String, String> customers = new HashMap<>();

	SegmentWorkspace(Api api) {
		this.api = api;
		this.company = Api.unique("sg");
		this.east = this.company + "-east";
		this.west = this.company + "-west";
		this.store = this.company + "-east-1";
		unit(this.company, null, "COMPANY");
		unit(this.east, this.company, "REGION");
		unit(this.west, this.company, "REGION");
		unit(this.store, this.east, "STORE");
		List<Map<String, Object>> classes = new ArrayList<>();
		for (String code : List.of("prospect", "contracted", "run-in", "stable")) {
			classes.add(Map.of("code", code, "name", Map.of("zh-CN", code, "en", code)));
		}
		String journey = Api.unique("sj");
		api.admin()
			.post("/api/v1/journeys",
					Map.of("code", journey, "name", Map.of("zh-CN", "购房", "en", "Home"), "stages",
							List.of(Map.of("code", "handover", "name", Map.of("zh-CN", "交房", "en", "Handover"))),
							"lifecycleClasses", classes))
			.expect(201);
		this.parentTouchpoint = Api.unique("tp");
		this.childTouchpoint = Api.unique("tp");
		this.otherTouchpoint = Api.unique("tp");
		touchpoint(journey, this.parentTouchpoint, null);
		touchpoint(journey, this.childTouchpoint, this.parentTouchpoint);
		touchpoint(journey, this.otherTouchpoint, null);
		int year = LocalDate.now(ZoneOffset.UTC).getYear();
		customer("c1", this.store, "contracted", "VIP", year - 35, "en", Map.of(attr("vip"), true, attr("floor"), 12,
				attr("building"), "A3", attr("handover"), Map.of("type", "date", "value", "2026-03-01")));
		customer("c2", this.east, "prospect", "LOW", year - 22, null, Map.of(attr("vip"), false, attr("floor"), 3));
		customer("c3", this.west, "contracted", "HIGH", null, null, Map.of(attr("floor"), 20));
		customer("c4", this.west, "stable", "MEDIUM", year - 70, null, Map.of(attr("building"), "B1"));
		customer("c5", this.company, "run-in", "HIGH", year - 30, null, Map.of(attr("floor"), 12.5));
		customer("c6", this.store, null, null, year - 17, null, Map.of());
		contact("c1", this.childTouchpoint, Duration.ofDays(10));
		contact("c2", this.parentTouchpoint, Duration.ofDays(200));
	}

	/**
	 * The name of an attribute in this workspace (vip, floor, building, handover), unique
	 * so that the types other tests store under a name do not matter.
	 */
	String attr(String name) {
		return name + "." + this.company;
	}

	/** The external id of a customer by its short name (c1 to c6). */
	String id(String name) {
		return this.customers.get(name);
	}

	/** A rule limited to this workspace's customers. */
	Map<String, Object> within(Object rule) {
		return Map.of("all", List.of(Map.of("unit", this.company), rule));
	}

	/**
	 * The short names of the members of a segment saved with the rule (limited to this
	 * workspace), read through the members endpoint; also checks that preview and count
	 * agree.
	 */
	Set<String> members(Object rule) {
		Map<String, Object> scoped = within(rule);
		String code = Api.unique("seg");
		this.api.admin().put("/api/v1/segments/" + code, segment(scoped)).expect(201);
		JsonNode page = this.api.admin().get("/api/v1/segments/" + code + "/members?size=500").expect(200).json();
		Set<String> names = new LinkedHashSet<>();
		page.get("items").forEach((item) -> names.add(name(item.get("externalId").asString())));
		long count = this.api.admin()
			.get("/api/v1/segments/" + code + "/count")
			.expect(200)
			.json()
			.get("count")
			.asLong();
		long preview = this.api.admin()
			.post("/api/v1/segments/preview", Map.of("rule", scoped))
			.expect(200)
			.json()
			.get("count")
			.asLong();
		if (count != names.size() || preview != names.size() || page.get("total").asLong() != names.size()) {
			throw new AssertionError("members " + names + ", count " + count + ", preview " + preview);
		}
		this.api.admin().delete("/api/v1/segments/" + code).expect(204);
		return names;
	}

	String name(String externalId) {
		return this.customers.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(externalId))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(externalId);
	}

	static Map<String, Object> segment(Object rule) {
		return Map.of("name", Map.of("zh-CN", "目标客户", "en", "Target accounts"), "rule", rule);
	}

	private void unit(String code, String parent, String kind) {
		this.api.createOrgUnit(code, parent, kind);
	}

	private void touchpoint(String journey, String code, String parent) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("journeyCode", journey);
		body.put("stageCode", "handover");
		body.put("name", Map.of("zh-CN", "触点 " + code, "en", "Touchpoint " + code));
		body.put("contactType", "PERSONNEL");
		body.put("channel", "STORE");
		body.put("brandExperienceLevel", "SERVICE");
		if (parent != null) {
			body.put("parentCode", parent);
		}
		this.api.admin().post("/api/v1/touchpoints", body).expect(201);
	}

	private void customer(String name, String unit, String lifecycleClass, String tier, Integer birthYear,
			String language, Map<String, Object> attributes) {
		String externalId = Api.unique(name);
		Map<String, Object> body = new HashMap<>();
		body.put("name", "客户 " + name);
		body.put("homeUnitCode", unit);
		body.put("attributes", attributes);
		if (lifecycleClass != null) {
			body.put("lifecycleClass", lifecycleClass);
		}
		if (tier != null) {
			body.put("valueTier", tier);
		}
		if (birthYear != null) {
			body.put("birthYear", birthYear);
		}
		if (language != null) {
			body.put("language", language);
		}
		this.api.admin().put("/api/v1/customers/" + externalId, body).expect(201);
		this.customers.put(name, externalId);
	}

	private void contact(String name, String touchpoint, Duration ago) {
		this.api.admin()
			.post("/api/v1/interactions",
					Map.of("eventId", Api.unique("ev"), "customer", id(name), "touchpoint", touchpoint, "occurredAt",
							Instant.now().minus(ago).toString()))
			.expect(201);
	}

}
