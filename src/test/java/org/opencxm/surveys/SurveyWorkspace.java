package org.opencxm.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencxm.Api;

/**
 * A small company for one test: two stores (a and b) with their own time zone, a journey
 * with two stages, a touchpoint in each stage owned by store a, and helpers to add
 * customers, surveys and contacts.
 */
final class SurveyWorkspace {

	final Api api;

	final String company = Api.unique("co");

	final String unit = this.company + "-a";

	final String otherUnit = this.company + "-b";

	final String journey = Api.unique("j");

	final String touchpoint = Api.unique("tp");

	final String otherTouchpoint = Api.unique("tp");

	SurveyWorkspace(Api api) {
		this.api = api;
		api.admin()
			.post("/api/v1/org-units", Map.of("code", this.company, "kind", "COMPANY", "name", text("公司", "Company")))
			.expect(201);
		for (String code : List.of(this.unit, this.otherUnit)) {
			api.admin()
				.post("/api/v1/org-units",
						Map.of("code", code, "parentCode", this.company, "kind", "STORE", "name",
								text("门店 " + code, "Store " + code), "timeZone", "Asia/Shanghai"))
				.expect(201);
		}
		List<Map<String, Object>> stages = new ArrayList<>();
		for (String stage : List.of("visit", "after")) {
			stages.add(Map.of("code", stage, "name", text(stage, stage)));
		}
		api.admin()
			.post("/api/v1/journeys", Map.of("code", this.journey, "name", text("购物", "Shopping"), "stages", stages))
			.expect(201);
		touchpoint(this.touchpoint, "visit");
		touchpoint(this.otherTouchpoint, "after");
	}

	private void touchpoint(String code, String stage) {
		this.api.admin()
			.post("/api/v1/touchpoints",
					Map.of("code", code, "journeyCode", this.journey, "stageCode", stage, "name",
							text("收银台", "Checkout counter"), "contactType", "PERSONNEL", "channel", "STORE",
							"brandExperienceLevel", "SERVICE", "ownerUnitCode", this.unit))
			.expect(201);
	}

	/** A customer homed at store a with a name, e-mail, language and consents. */
	String customer(String name, String language, String... consented) {
		String code = Api.unique("c");
		Map<String, Object> body = new HashMap<>();
		body.put("externalId", code);
		body.put("name", name);
		body.put("email", code + "@example.com");
		body.put("phone", "+8613800138000");
		body.put("language", language);
		body.put("homeUnitCode", this.unit);
		Map<String, Object> consents = new HashMap<>();
		for (String channel : consented) {
			consents.put(channel, Map.of("granted", true, "source", "store"));
		}
		body.put("consents", consents);
		this.api.admin().post("/api/v1/customers", body).expect(201);
		return code;
	}

	/** A published survey with one question of every type. */
	String survey() {
		String code = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys?publish=true", SurveyFixtures.survey(code, SurveyFixtures.everyType()))
			.expect(201);
		return code;
	}

	/** Records a contact of the customer at the touchpoint and answers its id. */
	long contact(String customer, String touchpoint, String at) {
		Map<String, Object> body = new HashMap<>();
		body.put("eventId", Api.unique("e"));
		body.put("customer", customer);
		body.put("touchpoint", touchpoint);
		body.put("occurredAt", at);
		return this.api.admin().post("/api/v1/interactions", body).expect(201).json().get("id").asLong();
	}

	/** Creates a trigger on the touchpoint with the given settings over the defaults. */
	String trigger(String survey, String touchpoint, Map<String, Object> settings) {
		String code = Api.unique("trg");
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("survey", survey);
		body.put("touchpoint", touchpoint);
		body.put("delayMinutes", 0);
		body.put("channels", List.of("EMAIL", "SMS"));
		body.put("quarantineDays", 0);
		body.putAll(settings);
		this.api.admin().post("/api/v1/survey-triggers", body).expect(201);
		return code;
	}

	long customerId(String customer) {
		return this.api.admin().get("/api/v1/customers/" + customer).expect(200).json().get("id").asLong();
	}

	/**
	 * The customer's invitations, newest first, once there are at least {@code count}.
	 */
	tools.jackson.databind.JsonNode invitations(String customer, int count) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(15))
			.until(() -> this.api.admin()
				.get("/api/v1/invitations?customer=" + customer)
				.expect(200)
				.json()
				.get("total")
				.asInt() >= count);
		return this.api.admin().get("/api/v1/invitations?customer=" + customer).expect(200).json().get("items");
	}

	/** An ISO instant some minutes ago. */
	static String minutesAgo(int minutes) {
		return java.time.Instant.now()
			.minusSeconds(60L * minutes)
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
			.toString();
	}

	static Map<String, String> text(String zh, String en) {
		return Map.of("zh-CN", zh, "en", en);
	}

}
