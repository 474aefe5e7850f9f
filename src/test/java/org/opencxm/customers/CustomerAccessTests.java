package org.opencxm.customers;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.customers.CustomerApiTests.fields;
import static org.opencxm.customers.CustomerFixtures.customer;
import static org.opencxm.customers.CustomerFixtures.tree;

@ApplicationTest
class CustomerAccessTests {

	@Autowired
	Api api;

	@Test
	void viewersReadAndAgentsWrite() {
		String id = Api.unique("c");
		this.api.admin().put("/api/v1/customers/" + id, customer(id, null)).expect(201);
		var viewer = this.api.as(this.api.userToken("VIEWER", null));
		viewer.get("/api/v1/customers/" + id).expect(200);
		viewer.get("/api/v1/customers?q=" + id).expect(200);
		viewer.get("/api/v1/customers/" + id + "/consents").expect(200);
		viewer.put("/api/v1/customers/" + id, customer(id, null)).expect(403);
		viewer.post("/api/v1/customers", customer(Api.unique("c"), null)).expect(403);
		viewer.put("/api/v1/customers/" + id + "/consents/SMS", Map.of("granted", true, "source", "store")).expect(403);
		var agent = this.api.as(this.api.userToken("AGENT", null));
		agent.post("/api/v1/customers", customer(Api.unique("c"), null)).expect(201);
		agent.put("/api/v1/customers/" + id + "/consents/SMS", Map.of("granted", true, "source", "store")).expect(200);
		this.api.anonymous().get("/api/v1/customers/" + id).expect(401);
	}

	@Test
	void theApiIsDescribedInTheOpenApiDocument() {
		String document = this.api.anonymous().get("/v3/api-docs").expect(200).body();
		assertThat(document).contains("/api/v1/customers/{externalId}/consents/{channel}", "CustomerRequest");
	}

	@Test
	void aScopedManagerSeesAndWritesOnlyCustomersOfItsSubtree() {
		String company = tree(this.api);
		String east = Api.unique("c");
		String west = Api.unique("c");
		String nowhere = Api.unique("c");
		this.api.admin().put("/api/v1/customers/" + east, customer(east, company + "-east-1")).expect(201);
		this.api.admin().put("/api/v1/customers/" + west, customer(west, company + "-west")).expect(201);
		this.api.admin().put("/api/v1/customers/" + nowhere, customer(nowhere, null)).expect(201);
		var manager = this.api.as(this.api.userToken("UNIT_MANAGER", company + "-east"));

		manager.get("/api/v1/customers/" + east).expect(200);
		manager.get("/api/v1/customers/" + west).expect(404);
		manager.get("/api/v1/customers/" + nowhere).expect(404);
		manager.get("/api/v1/customers/" + west + "/consents").expect(404);
		manager.put("/api/v1/customers/" + west, customer(west, company + "-east")).expect(404);
		manager.post("/api/v1/customers", customer(west, company + "-east")).expect(404);
		manager.put("/api/v1/customers/" + west + "/consents/SMS", Map.of("granted", true, "source", "store"))
			.expect(404);
		JsonNode listed = manager.get("/api/v1/customers?size=500").expect(200).json();
		assertThat(listed.get("items").valueStream().map((c) -> c.get("homeUnitCode").asString()))
			.allMatch((code) -> code.startsWith(company + "-east"));
		assertThat(listed.get("items").valueStream().map((c) -> c.get("externalId").asString())).contains(east);
		manager.get("/api/v1/customers?unit=" + company + "-west").expect(422);

		String created = Api.unique("c");
		JsonNode outside = manager.post("/api/v1/customers", customer(created, company + "-west")).expect(422).json();
		assertThat(fields(outside)).containsExactly("homeUnitCode");
		JsonNode homeless = manager.post("/api/v1/customers", customer(created, null)).expect(422).json();
		assertThat(fields(homeless)).containsExactly("homeUnitCode");
		manager.post("/api/v1/customers", customer(created, company + "-east-1")).expect(201);
		var moved = customer(east, company + "-west");
		assertThat(fields(manager.put("/api/v1/customers/" + east, moved).expect(422).json()))
			.containsExactly("homeUnitCode");
		assertThat(this.api.admin().get("/api/v1/customers/" + east).expect(200).json().get("homeUnitCode").asString())
			.isEqualTo(company + "-east-1");
	}

}
