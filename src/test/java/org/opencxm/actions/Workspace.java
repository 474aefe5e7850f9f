package org.opencxm.actions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.opencxm.Api;

/**
 * A small org for closed-loop tests: a company above a region above a store, a manager
 * with a user at each level, two agents at the store, a journey with a touchpoint owned
 * by the store, and a VIP customer homed at the store.
 */
final class Workspace {

	final Api api;

	final String company = Api.unique("co");

	final String region = this.company + "-r";

	final String store = this.company + "-r-s";

	final String otherRegion = this.company + "-o";

	final String journey = Api.unique("j");

	final String touchpoint = Api.unique("tp");

	final String customer = Api.unique("cust");

	final Map<String, String> tokens = new HashMap<>();

	final Map<String, String> usernames = new HashMap<>();

	Workspace(Api api) {
		this.api = api;
		unit(this.company, null, "COMPANY");
		unit(this.region, this.company, "REGION");
		unit(this.store, this.region, "STORE");
		unit(this.otherRegion, this.company, "REGION");
		manager("companyManager", this.company);
		manager("regionManager", this.region);
		manager("storeManager", this.store);
		user("agent1", "AGENT", this.store, null);
		user("agent2", "AGENT", this.store, null);
		user("otherAgent", "AGENT", this.otherRegion, null);
		api.admin()
			.post("/api/v1/journeys",
					Map.of("code", this.journey, "name", Map.of("zh-CN", "服务", "en", "Service"), "stages",
							List.of(Map.of("code", "after-sale", "name", Map.of("zh-CN", "售后", "en", "After sale")))))
			.expect(201);
		api.admin()
			.post("/api/v1/touchpoints",
					Map.of("code", this.touchpoint, "journeyCode", this.journey, "stageCode", "after-sale", "name",
							Map.of("zh-CN", "投诉热线", "en", "Complaint hotline"), "contactType", "PERSONNEL", "channel",
							"PHONE", "brandExperienceLevel", "SERVICE", "ownerUnitCode", this.store))
			.expect(201);
		api.admin()
			.post("/api/v1/customers",
					Map.of("externalId", this.customer, "name", "王芳", "valueTier", "VIP", "homeUnitCode", this.store))
			.expect(201);
	}

	void unit(String code, @Nullable String parent, String kind) {
		this.api.createOrgUnit(code, parent, kind);
	}

	private void manager(String key, String unit) {
		String staff = Api.unique("mgr");
		this.api.admin()
			.post("/api/v1/staff", Map.of("code", staff, "unitCode", unit, "name", "经理 " + key, "manager", true))
			.expect(201);
		user(key, "UNIT_MANAGER", unit, staff);
	}

	/**
	 * Creates a user with an e-mail address and keeps its user name and a token under the
	 * key.
	 */
	String user(String key, String role, @Nullable String scope, @Nullable String staffCode) {
		String username = Api.unique(key.toLowerCase());
		String password = "password-" + UUID.randomUUID();
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("displayName", key);
		body.put("password", password);
		body.put("email", username + "@example.com");
		body.put("roles", List.of(role));
		body.put("locale", "en");
		if (scope != null) {
			body.put("scopeUnitCode", scope);
		}
		if (staffCode != null) {
			body.put("staffCode", staffCode);
		}
		this.api.admin().post("/api/v1/users", body).expect(201);
		String token = this.api.basic(username, password)
			.post("/api/v1/tokens", Map.of("name", "test"))
			.expect(201)
			.json()
			.get("token")
			.asString();
		this.usernames.put(key, username);
		this.tokens.put(key, token);
		return username;
	}

	Api.Caller as(String key) {
		return this.api.as(this.tokens.get(key));
	}

	String username(String key) {
		return this.usernames.get(key);
	}

	/** Records a complaint call of the customer at the touchpoint and answers its id. */
	long complaintCall() {
		return this.api.admin()
			.post("/api/v1/interactions",
					Map.of("eventId", Api.unique("call"), "customer", this.customer, "touchpoint", this.touchpoint,
							"occurredAt", "2026-03-01T10:00:00Z", "unit", this.store))
			.expect(201)
			.json()
			.get("id")
			.asLong();
	}

	/** The body of a request that opens a case from an interaction. */
	Map<String, Object> caseFrom(long interactionId, String severity) {
		Map<String, Object> body = new HashMap<>();
		body.put("externalRef", Api.unique("ref"));
		body.put("source", Map.of("type", "INTERACTION", "id", interactionId));
		body.put("severity", severity);
		body.put("title", "电话投诉：交付延迟");
		body.put("description", "客户来电投诉交付延迟，并提到要找律师。");
		return body;
	}

}
