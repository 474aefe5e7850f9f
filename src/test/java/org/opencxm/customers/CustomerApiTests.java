package org.opencxm.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.customers.CustomerFixtures.customer;
import static org.opencxm.customers.CustomerFixtures.tree;

@ApplicationTest
class CustomerApiTests {

	@Autowired
	Api api;

	@org.junit.jupiter.api.BeforeEach
	void lifecycleClasses() {
		CustomerFixtures.lifecycleClasses(this.api);
	}

	@Test
	void createsACustomerAndReadsItBack() {
		String company = tree(this.api);
		String id = Api.unique("c");
		var body = customer(id, company + "-east-1");
		body.put("phone", "+86 138-0013-8000");
		body.put("email", "Wang.Fang@Example.com");
		body.put("language", "en");
		body.put("birthYear", 1990);
		body.put("lifecycleClass", "prospect");
		body.put("valueTier", "VIP");
		var created = this.api.admin().post("/api/v1/customers", body).expect(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/customers/" + id);
		JsonNode read = this.api.admin().get("/api/v1/customers/" + id).expect(200).json();
		assertThat(read.get("externalId").asString()).isEqualTo(id);
		assertThat(read.get("name").asString()).isEqualTo("王芳 " + id);
		assertThat(read.get("phone").asString()).isEqualTo("+86 138-0013-8000");
		assertThat(read.get("email").asString()).isEqualTo("Wang.Fang@Example.com");
		assertThat(read.get("language").asString()).isEqualTo("en");
		assertThat(read.get("birthYear").asInt()).isEqualTo(1990);
		assertThat(read.get("ageBand").asString()).isIn("A25_34", "A35_44");
		assertThat(read.get("lifecycleClass").asString()).isEqualTo("prospect");
		assertThat(read.get("valueTier").asString()).isEqualTo("VIP");
		assertThat(read.get("homeUnitCode").asString()).isEqualTo(company + "-east-1");
		assertThat(read.get("attributes").isEmpty()).isTrue();
		assertThat(read.get("consents").isEmpty()).isTrue();
		this.api.admin().get("/api/v1/customers/" + Api.unique("nobody")).expect(404);
	}

	@Test
	void aBareProfileNeedsOnlyTheExternalIdAndSpeaksChinese() {
		String id = Api.unique("c");
		JsonNode created = this.api.admin().put("/api/v1/customers/" + id, Map.of()).expect(201).json();
		assertThat(created.get("language").asString()).isEqualTo("zh-CN");
		assertThat(created.get("ageBand").asString()).isEqualTo("UNKNOWN");
		assertThat(created.get("name").isNull()).isTrue();
	}

	@Test
	void puttingTheSameCustomerTwiceChangesNothing() {
		String company = tree(this.api);
		String id = Api.unique("c");
		var body = customer(id, company + "-east");
		body.put("attributes", Map.of("building", "A3", "floor", 12));
		body.put("consents", Map.of("SMS", Map.of("granted", true, "source", "import")));
		JsonNode first = this.api.admin().put("/api/v1/customers/" + id, body).expect(201).json();
		JsonNode second = this.api.admin().put("/api/v1/customers/" + id, body).expect(200).json();
		assertThat(second).isEqualTo(first);
		var history = this.api.admin().get("/api/v1/customers/" + id + "/consents").expect(200).json();
		assertThat(history.get("items").size()).isEqualTo(1);

		body.put("valueTier", "HIGH");
		body.put("attributes", Map.of("building", "B1"));
		JsonNode changed = this.api.admin().put("/api/v1/customers/" + id, body).expect(200).json();
		assertThat(changed.get("valueTier").asString()).isEqualTo("HIGH");
		assertThat(changed.get("attributes").properties()).hasSize(1);
		assertThat(changed.get("attributes").get("building").asString()).isEqualTo("B1");
		assertThat(changed.get("consents").get("SMS").get("granted").asBoolean()).isTrue();
		assertThat(changed.get("id").asLong()).isEqualTo(first.get("id").asLong());
	}

	@Test
	void postingAnotherCustomerUnderATakenExternalIdConflicts() {
		String id = Api.unique("c");
		var body = customer(id, null);
		body.put("valueTier", "LOW");
		this.api.admin().post("/api/v1/customers", body).expect(201);
		JsonNode again = this.api.admin().post("/api/v1/customers", body).expect(200).json();
		assertThat(again.get("valueTier").asString()).isEqualTo("LOW");
		body.put("valueTier", "VIP");
		JsonNode conflict = this.api.admin().post("/api/v1/customers", body).expect(409).json();
		assertThat(conflict.get("current").get("valueTier").asString()).isEqualTo("LOW");
		assertThat(this.api.admin().get("/api/v1/customers/" + id).expect(200).json().get("valueTier").asString())
			.isEqualTo("LOW");
	}

	@Test
	void attributesKeepTheirTypesAndCanBeSearched() {
		String id = Api.unique("c");
		String building = Api.unique("A");
		var body = customer(id, null);
		body.put("attributes", Map.of("floorArea", 120.5, "rooms", 3, "vip", true, "moveInDate",
				Map.of("type", "date", "value", "2026-05-01"), "building", building, "contractNo", "2026-05-01"));
		this.api.admin().put("/api/v1/customers/" + id, body).expect(201);
		JsonNode attributes = this.api.admin().get("/api/v1/customers/" + id).expect(200).json().get("attributes");
		assertThat(attributes.get("floorArea").isNumber()).isTrue();
		assertThat(attributes.get("floorArea").asDouble()).isEqualTo(120.5);
		assertThat(attributes.get("rooms").isIntegralNumber()).isTrue();
		assertThat(attributes.get("rooms").asInt()).isEqualTo(3);
		assertThat(attributes.get("vip").isBoolean()).isTrue();
		assertThat(attributes.get("moveInDate").get("type").asString()).isEqualTo("date");
		assertThat(attributes.get("moveInDate").get("value").asString()).isEqualTo("2026-05-01");
		assertThat(attributes.get("contractNo").isString()).isTrue();
		assertThat(attributes.get("building").asString()).isEqualTo(building);

		String other = Api.unique("c");
		var otherBody = customer(other, null);
		otherBody.put("attributes", Map.of("building", building, "rooms", 4));
		this.api.admin().put("/api/v1/customers/" + other, otherBody).expect(201);

		assertThat(ids("/api/v1/customers?attr.building=" + building)).containsExactly(id, other);
		assertThat(ids("/api/v1/customers?attr.building=" + building + "&attr.rooms=3")).containsExactly(id);
		assertThat(ids("/api/v1/customers?attr.building=" + building + "&attribute=floorArea:120.5"))
			.containsExactly(id);
		assertThat(ids("/api/v1/customers?attr.building=" + building + "&attr.vip=true")).containsExactly(id);
		assertThat(ids("/api/v1/customers?attr.building=" + building + "&attr.moveInDate=2026-05-01"))
			.containsExactly(id);
		assertThat(ids("/api/v1/customers?attr.building=" + building + "&attr.rooms=5")).isEmpty();
		this.api.admin().get("/api/v1/customers?attribute=no-colon").expect(422);
	}

	@Test
	void searchesByEachFilterInIdOrderPageByPage() {
		String company = tree(this.api);
		String east = company + "-east";
		String marker = Api.unique("m");
		long digits = ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
		for (int i = 0; i < 5; i++) {
			var body = customer(Api.unique("c"), (i < 4) ? company + "-east-1" : company + "-west");
			body.put("name", "客户 " + marker + " " + i);
			body.put("lifecycleClass", (i % 2 == 0) ? "prospect" : "contracted");
			body.put("valueTier", (i == 0) ? "VIP" : "MEDIUM");
			body.put("email", marker + i + "@Example.com");
			body.put("phone", "+86 13" + digits + "-" + i);
			this.api.admin().post("/api/v1/customers", body).expect(201);
		}
		JsonNode all = this.api.admin().get("/api/v1/customers?q=" + marker.toUpperCase()).expect(200).json();
		assertThat(all.get("total").asLong()).isEqualTo(5);
		List<Long> order = all.get("items").valueStream().map((c) -> c.get("id").asLong()).toList();
		assertThat(order).isSorted();

		JsonNode page0 = this.api.admin().get("/api/v1/customers?q=" + marker + "&size=2&page=0").expect(200).json();
		JsonNode page2 = this.api.admin().get("/api/v1/customers?q=" + marker + "&size=2&page=2").expect(200).json();
		assertThat(page0.get("total").asLong()).isEqualTo(5);
		assertThat(page0.get("items").valueStream().map((c) -> c.get("id").asLong()).toList())
			.containsExactlyElementsOf(order.subList(0, 2));
		assertThat(page2.get("items").valueStream().map((c) -> c.get("id").asLong()).toList())
			.containsExactly(order.get(4));

		assertThat(ids("/api/v1/customers?unit=" + east + "&q=" + marker)).hasSize(4);
		assertThat(ids("/api/v1/customers?unit=" + company + "&q=" + marker)).hasSize(5);
		assertThat(ids("/api/v1/customers?q=" + marker + "&lifecycleClass=prospect")).hasSize(3);
		assertThat(ids("/api/v1/customers?q=" + marker + "&valueTier=VIP")).hasSize(1);
		assertThat(ids("/api/v1/customers?email=" + marker.toUpperCase() + "3@example.COM")).hasSize(1);
		String phone = all.get("items").get(2).get("phone").asString();
		String third = all.get("items").get(2).get("externalId").asString();
		assertThat(ids("/api/v1/customers?phone=" + phone.replace("+", "%2B").replace(" ", "%20")))
			.containsExactly(third);
		assertThat(ids("/api/v1/customers?phone=+" + phone.replaceAll("[^0-9]", ""))).containsExactly(third);
		assertThat(ids("/api/v1/customers?q=" + phone.substring(phone.length() - 4))).isNotEmpty();
		this.api.admin().get("/api/v1/customers?unit=" + Api.unique("nowhere")).expect(422);
		this.api.admin().get("/api/v1/customers?size=501").expect(422);
	}

	@Test
	void badInputIsExplainedFieldByFieldAndStoresNothing() {
		String company = tree(this.api);
		String id = Api.unique("c");
		var body = customer(id, company);
		body.put("email", "not-an-address");
		body.put("birthYear", 1800);
		body.put("phone", "call me");
		body.put("lifecycleClass", "has space");
		JsonNode refused = this.api.admin().put("/api/v1/customers/" + id, body).expect(422).json();
		assertThat(fields(refused)).contains("email", "birthYear", "phone", "lifecycleClass");

		var tooMany = customer(id, null);
		Map<String, Object> attributes = new HashMap<>();
		for (int i = 0; i < 101; i++) {
			attributes.put("a" + i, i);
		}
		tooMany.put("attributes", attributes);
		assertThat(fields(this.api.admin().put("/api/v1/customers/" + id, tooMany).expect(422).json()))
			.containsExactly("attributes");

		var badAttributes = customer(id, null);
		badAttributes.put("attributes", Map.of("note", "x".repeat(1001), "bad name", 1));
		assertThat(fields(this.api.admin().put("/api/v1/customers/" + id, badAttributes).expect(422).json()))
			.contains("attributes.note", "attributes.bad name");

		var unknownUnit = customer(id, Api.unique("nowhere"));
		assertThat(fields(this.api.admin().put("/api/v1/customers/" + id, unknownUnit).expect(422).json()))
			.containsExactly("homeUnitCode");

		var unknownTier = customer(id, null);
		unknownTier.put("valueTier", "PLATINUM");
		assertThat(fields(this.api.admin().put("/api/v1/customers/" + id, unknownTier).expect(400).json()))
			.containsExactly("valueTier");

		var unknownLanguage = customer(id, null);
		unknownLanguage.put("language", "fr");
		assertThat(fields(this.api.admin().put("/api/v1/customers/" + id, unknownLanguage).expect(400).json()))
			.containsExactly("language");

		var listAttribute = customer(id, null);
		listAttribute.put("attributes", Map.of("tags", List.of("a", "b")));
		assertThat(fields(this.api.admin().put("/api/v1/customers/" + id, listAttribute).expect(400).json()))
			.containsExactly("attributes.tags");

		var otherId = customer(Api.unique("c"), null);
		assertThat(fields(this.api.admin().put("/api/v1/customers/" + id, otherId).expect(422).json()))
			.containsExactly("externalId");
		this.api.admin().put("/api/v1/customers/bad%20id", Map.of()).expect(422);
		this.api.admin().get("/api/v1/customers/" + id).expect(404);
	}

	private List<String> ids(String path) {
		return this.api.admin()
			.get(path)
			.expect(200)
			.json()
			.get("items")
			.valueStream()
			.map((c) -> c.get("externalId").asString())
			.toList();
	}

	static List<String> fields(JsonNode problem) {
		return problem.get("errors").valueStream().map((e) -> e.get("field").asString()).toList();
	}

}
