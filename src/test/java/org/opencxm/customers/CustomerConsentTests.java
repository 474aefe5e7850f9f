package org.opencxm.customers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.customers.CustomerApiTests.fields;
import static org.opencxm.customers.CustomerFixtures.customer;

@ApplicationTest
class CustomerConsentTests {

	@Autowired
	Api api;

	@Test
	void keepsTheHistoryAndShowsTheCurrentConsentPerChannel() {
		String id = Api.unique("c");
		this.api.admin().put("/api/v1/customers/" + id, customer(id, null)).expect(201);
		String path = "/api/v1/customers/" + id + "/consents/";
		JsonNode granted = this.api.admin()
			.put(path + "sms", Map.of("granted", true, "source", "web form"))
			.expect(200)
			.json();
		assertThat(granted.get("granted").asBoolean()).isTrue();
		assertThat(granted.get("source").asString()).isEqualTo("web form");
		assertThat(granted.get("recordedBy").asString()).isEqualTo("admin");
		this.api.admin().put(path + "SMS", Map.of("granted", true, "source", "web form")).expect(200);
		JsonNode withdrawn = this.api.admin()
			.put(path + "SMS", Map.of("granted", false, "source", "store"))
			.expect(200)
			.json();
		assertThat(withdrawn.get("granted").asBoolean()).isFalse();
		this.api.admin().put(path + "SMS", Map.of("granted", false, "source", "store")).expect(200);
		Instant earlier = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		var backdated = Map.of("granted", true, "source", "import", "at", earlier.toString());
		JsonNode current = this.api.admin().put(path + "SMS", backdated).expect(200).json();
		assertThat(current.get("granted").asBoolean()).as("a consent dated before the current one").isFalse();
		this.api.admin().put(path + "SMS", backdated).expect(200);
		this.api.admin().put(path + "WECHAT", Map.of("granted", true, "source", "store")).expect(200);

		JsonNode history = this.api.admin().get("/api/v1/customers/" + id + "/consents?channel=sms").expect(200).json();
		assertThat(history.get("items").valueStream().map((c) -> c.get("source").asString())).containsExactly("import",
				"web form", "store");
		assertThat(history.get("items").get(0).get("at").asString()).isEqualTo(earlier.toString());
		assertThat(this.api.admin().get("/api/v1/customers/" + id + "/consents").expect(200).json().get("items").size())
			.isEqualTo(4);

		JsonNode consents = this.api.admin().get("/api/v1/customers/" + id).expect(200).json().get("consents");
		assertThat(consents.get("SMS").get("granted").asBoolean()).isFalse();
		assertThat(consents.get("SMS").get("source").asString()).isEqualTo("store");
		assertThat(consents.get("WECHAT").get("granted").asBoolean()).isTrue();
		assertThat(consents.has("EMAIL")).isFalse();
	}

	@Test
	void refusesUnknownChannelsFutureTimesAndMissingFields() {
		String id = Api.unique("c");
		this.api.admin().put("/api/v1/customers/" + id, customer(id, null)).expect(201);
		String path = "/api/v1/customers/" + id + "/consents/";
		this.api.admin().put(path + "FAX", Map.of("granted", true, "source", "store")).expect(404);
		String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
		assertThat(fields(this.api.admin()
			.put(path + "EMAIL", Map.of("granted", true, "source", "store", "at", future))
			.expect(422)
			.json())).containsExactly("at");
		assertThat(fields(this.api.admin().put(path + "EMAIL", Map.of("granted", true)).expect(422).json()))
			.containsExactly("source");
		this.api.admin()
			.put("/api/v1/customers/" + Api.unique("nobody") + "/consents/EMAIL",
					Map.of("granted", true, "source", "store"))
			.expect(404);
		assertThat(this.api.admin().get("/api/v1/customers/" + id + "/consents").expect(200).json().get("items").size())
			.isZero();
	}

}
