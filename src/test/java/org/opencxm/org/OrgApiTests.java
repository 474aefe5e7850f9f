package org.opencxm.org;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class OrgApiTests {

	@Autowired
	Api api;

	private Map<String, Object> unit(String code, String parent, String kind) {
		return Api.orgUnit(code, parent, kind);
	}

	private String tree() {
		String company = Api.unique("co");
		this.api.admin().post("/api/v1/org-units", unit(company, null, "COMPANY")).expect(201);
		this.api.admin().post("/api/v1/org-units", unit(company + "-east", company, "REGION")).expect(201);
		this.api.admin().post("/api/v1/org-units", unit(company + "-west", company, "REGION")).expect(201);
		this.api.admin().post("/api/v1/org-units", unit(company + "-east-1", company + "-east", "STORE")).expect(201);
		return company;
	}

	@Test
	void healthIsPublicAndTheApiIsNot() {
		assertThat(this.api.anonymous().get("/actuator/health").expect(200).json().get("status").asString())
			.isEqualTo("UP");
		var refused = this.api.anonymous().get("/api/v1/org-units").expect(401);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("status").asInt()).isEqualTo(401);
		this.api.as("ocx_not-a-real-token").get("/api/v1/org-units").expect(401);
		this.api.basic("admin", "wrong-password").get("/api/v1/org-units").expect(401);
	}

	@Test
	void prometheusIsForAdminsOnly() {
		this.api.anonymous().get("/actuator/prometheus").expect(401);
		this.api.as(this.api.userToken("CX_MANAGER", null)).get("/actuator/prometheus").expect(403);
		assertThat(this.api.admin().getAny("/actuator/prometheus").expect(200).body()).contains("jvm_memory");
	}

	@Test
	void buildsATreeWithLevelsAndInheritedTimeZone() {
		String company = Api.unique("co");
		var companyBody = unit(company, null, "COMPANY");
		companyBody.put("timeZone", "Europe/London");
		this.api.admin().post("/api/v1/org-units", companyBody).expect(201);
		var store = this.api.admin()
			.post("/api/v1/org-units", unit(company + "-s1", company, "STORE"))
			.expect(201)
			.json();
		assertThat(store.get("level").asInt()).isEqualTo(1);
		assertThat(store.get("timeZone").asString()).isEqualTo("Europe/London");
		assertThat(store.get("parentCode").asString()).isEqualTo(company);
		assertThat(store.get("name").get("zh-CN").asString()).isEqualTo("单位 " + company + "-s1");
	}

	@Test
	void sameUnitAgainIsNoDuplicateButOtherDataUnderTheSameCodeConflicts() {
		String code = Api.unique("co");
		this.api.admin().post("/api/v1/org-units", unit(code, null, "COMPANY")).expect(201);
		this.api.admin().post("/api/v1/org-units", unit(code, null, "COMPANY")).expect(200);
		var conflict = this.api.admin().post("/api/v1/org-units", unit(code, null, "REGION")).expect(409).json();
		assertThat(conflict.get("current").get("kind").asString()).isEqualTo("COMPANY");
	}

	@Test
	void movingAUnitMovesItsSubtreeAndRefusesCycles() {
		String company = tree();
		var moved = unit(company + "-east", company + "-west", "REGION");
		this.api.admin().put("/api/v1/org-units/" + company + "-east", moved).expect(200);
		var store = this.api.admin().get("/api/v1/org-units/" + company + "-east-1").expect(200).json();
		assertThat(store.get("level").asInt()).isEqualTo(3);
		var cycle = unit(company + "-west", company + "-east-1", "REGION");
		var refused = this.api.admin().put("/api/v1/org-units/" + company + "-west", cycle).expect(422).json();
		assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("parentCode");
	}

	@Test
	void scopedUserSeesOnlyItsSubtreeAndOthersAreNotFound() {
		String company = tree();
		String manager = this.api.userToken("UNIT_MANAGER", company + "-east");
		var units = this.api.as(manager).get("/api/v1/org-units").expect(200).json().get("items");
		assertThat(units.valueStream().map((u) -> u.get("code").asString()).toList()).containsExactly(company + "-east",
				company + "-east-1");
		this.api.as(manager).get("/api/v1/org-units/" + company + "-west").expect(404);
		this.api.as(manager).get("/api/v1/org-units/" + company).expect(404);
		var staff = Map.of("code", Api.unique("st"), "unitCode", company + "-west", "name", "王芳");
		var refused = this.api.as(manager).post("/api/v1/staff", staff).expect(422).json();
		assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("unitCode");
	}

	@Test
	void viewersReadButCannotWrite() {
		String company = tree();
		String viewer = this.api.userToken("VIEWER", null);
		this.api.as(viewer).get("/api/v1/org-units/" + company).expect(200);
		var denied = this.api.as(viewer).post("/api/v1/org-units", unit(Api.unique("x"), company, "STORE")).expect(403);
		assertThat(denied.json().get("status").asInt()).isEqualTo(403);
		this.api.as(viewer).get("/api/v1/users").expect(403);
	}

	@Test
	void staffBelongToUnitsAndAreListedBySubtree() {
		String company = tree();
		String code = Api.unique("st");
		var created = this.api.admin()
			.post("/api/v1/staff",
					Map.of("code", code, "unitCode", company + "-east-1", "name", "李娜", "title", "置业顾问", "manager",
							true))
			.expect(201)
			.json();
		assertThat(created.get("manager").asBoolean()).isTrue();
		var listed = this.api.admin().get("/api/v1/staff?unit=" + company + "-east").expect(200).json();
		assertThat(listed.get("total").asLong()).isEqualTo(1);
		assertThat(listed.get("items").get(0).get("code").asString()).isEqualTo(code);
		assertThat(this.api.admin()
			.get("/api/v1/staff?unit=" + company + "-west")
			.expect(200)
			.json()
			.get("total")
			.asLong()).isZero();
	}

	@Test
	void badInputIsExplainedFieldByField() {
		var unknownField = this.api.admin()
			.post("/api/v1/org-units",
					Map.of("code", "x1", "kind", "STORE", "name", Map.of("zh-CN", "a", "en", "b"), "colour", "red"))
			.expect(400)
			.json();
		assertThat(unknownField.get("errors").get(0).get("field").asString()).isEqualTo("colour");
		this.api.admin().post("/api/v1/org-units", "{not json").expect(400);
		var badEnum = this.api.admin()
			.post("/api/v1/org-units", Map.of("code", "x1", "kind", "CASTLE", "name", Map.of("zh-CN", "a", "en", "b")))
			.expect(400)
			.json();
		assertThat(badEnum.get("errors").get(0).get("field").asString()).isEqualTo("kind");
		var invalid = this.api.admin()
			.post("/api/v1/org-units",
					Map.of("code", "has space", "kind", "STORE", "name", Map.of("zh-CN", "", "en", "b")))
			.expect(422)
			.json();
		assertThat(invalid.get("errors").valueStream().map((e) -> e.get("field").asString()).toList()).contains("code",
				"name.zh");
		var zone = this.api.admin()
			.post("/api/v1/org-units",
					Map.of("code", Api.unique("z"), "kind", "STORE", "name", Map.of("zh-CN", "a", "en", "b"),
							"timeZone", "Mars/Olympus"))
			.expect(422)
			.json();
		assertThat(zone.get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
		assertThat(this.api.admin().get("/api/v1/org-units/" + "x1").status()).isEqualTo(404);
	}

	@Test
	void oversizedBodiesAreRefused() {
		String big = "{\"code\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
		var refused = this.api.admin().post("/api/v1/org-units", big).expect(413);
		assertThat(refused.json().get("status").asInt()).isEqualTo(413);
	}

	@Test
	void tokensAreShownOnceListedWithoutSecretAndRevocable() {
		String token = this.api.userToken("AGENT", null);
		var me = this.api.as(token).get("/api/v1/users/me").expect(200).json();
		assertThat(me.get("roles").get(0).asString()).isEqualTo("AGENT");
		var second = this.api.as(token)
			.post("/api/v1/tokens", Map.of("name", "script", "validDays", 30))
			.expect(201)
			.json();
		String secret = second.get("token").asString();
		assertThat(secret).startsWith("ocx_").hasSizeGreaterThan(40);
		var listed = this.api.as(token).get("/api/v1/tokens").expect(200);
		assertThat(listed.body()).doesNotContain(secret);
		assertThat(listed.json().get("items").size()).isEqualTo(2);
		this.api.as(secret).get("/api/v1/users/me").expect(200);
		this.api.as(token).delete("/api/v1/tokens/" + second.get("id").asLong()).expect(200);
		this.api.as(secret).get("/api/v1/users/me").expect(401);
	}

	@Test
	void aChangedAccountCountsFromItsTokensNextRequest() {
		String username = Api.unique("u");
		var body = new java.util.HashMap<String, Object>(Map.of("username", username, "displayName", "赵敏", "password",
				"a-long-password-2", "roles", List.of("ADMIN")));
		this.api.admin().post("/api/v1/users", body).expect(201);
		String token = this.api.basic(username, "a-long-password-2")
			.post("/api/v1/tokens", Map.of("name", "script"))
			.expect(201)
			.json()
			.get("token")
			.asString();
		this.api.as(token).post("/api/v1/org-units", unit(Api.unique("x"), null, "COMPANY")).expect(201);
		body.put("roles", List.of("VIEWER"));
		body.remove("password");
		this.api.admin().put("/api/v1/users/" + username, body).expect(200);
		this.api.as(token).post("/api/v1/org-units", unit(Api.unique("x"), null, "COMPANY")).expect(403);
		assertThat(this.api.as(token).get("/api/v1/users/me").expect(200).json().get("roles").get(0).asString())
			.isEqualTo("VIEWER");
		body.put("enabled", false);
		this.api.admin().put("/api/v1/users/" + username, body).expect(200);
		this.api.as(token).get("/api/v1/users/me").expect(401);
	}

	@Test
	void onlyAdminsManageUsersAndPasswordsAreNeverShown() {
		String cx = this.api.userToken("CX_MANAGER", null);
		var body = Map.of("username", Api.unique("u"), "displayName", "张伟", "password", "a-long-password-1", "roles",
				List.of("AGENT"));
		this.api.as(cx).post("/api/v1/users", body).expect(403);
		var created = this.api.admin().post("/api/v1/users", body).expect(201);
		assertThat(created.body()).doesNotContain("a-long-password-1").doesNotContain("password");
		this.api.admin().post("/api/v1/users", body).expect(409);
		var shortPassword = Map.of("username", Api.unique("u"), "displayName", "x", "password", "short", "roles",
				List.of("AGENT"));
		assertThat(this.api.admin()
			.post("/api/v1/users", shortPassword)
			.expect(422)
			.json()
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("password");
	}

}
