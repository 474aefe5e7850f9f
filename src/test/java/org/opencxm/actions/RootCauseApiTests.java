package org.opencxm.actions;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ActionsTest
class RootCauseApiTests {

	@Autowired
	Api api;

	@Test
	void theDefaultTaxonomyCoversTheSixExperienceFactorsInBothLanguages() {
		var causes = this.api.as(this.api.userToken("VIEWER", null)).get("/api/v1/root-causes").expect(200).json();
		assertThat(causes.valueStream().map((c) -> c.get("factor").asString()).distinct())
			.containsExactlyInAnyOrder("PRODUCT", "SERVICE", "RELATIONSHIP", "CONVENIENCE", "BRAND_IMAGE", "PRICE");
		var attitude = this.api.admin().get("/api/v1/root-causes/service-attitude").expect(200).json();
		assertThat(attitude.get("name").get("zh-CN").asString()).isEqualTo("服务态度差");
		assertThat(attitude.get("name").get("en").asString()).isEqualTo("Poor staff attitude");
	}

	@Test
	void cxManagersMaintainCausesMappedToTouchpointsAndACauseInUseIsRetiredNotDeleted() {
		Workspace ws = new Workspace(this.api);
		String code = Api.unique("cause");
		var body = new java.util.HashMap<String, Object>(
				Map.of("code", code, "name", Map.of("zh-CN", "热线占线", "en", "Hotline busy"), "factor", "CONVENIENCE",
						"touchpoints", List.of(ws.touchpoint)));
		this.api.as(this.api.userToken("UNIT_MANAGER", null)).post("/api/v1/root-causes", body).expect(403);
		var created = this.api.admin().post("/api/v1/root-causes", body).expect(201).json();
		assertThat(created.get("touchpoints").get(0).asString()).isEqualTo(ws.touchpoint);
		this.api.admin().post("/api/v1/root-causes", body).expect(200);
		body.put("factor", "SERVICE");
		this.api.admin().post("/api/v1/root-causes", body).expect(409);
		this.api.admin().put("/api/v1/root-causes/" + code, body).expect(200);
		body.put("touchpoints", List.of("no-such-touchpoint"));
		var refused = this.api.admin().put("/api/v1/root-causes/" + code, body).expect(422).json();
		assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("touchpoints[0]");

		long id = ws.as("agent1")
			.post("/api/v1/cases", ws.caseFrom(ws.complaintCall(), "LOW"))
			.expect(201)
			.json()
			.get("id")
			.asLong();
		this.api.admin().post("/api/v1/cases/" + id + "/acknowledge", Map.of()).expect(200);
		this.api.admin().post("/api/v1/cases/" + id + "/start", Map.of()).expect(200);
		this.api.admin()
			.post("/api/v1/cases/" + id + "/resolve",
					Map.of("rootCause", code, "recovery", Map.of("apology", true, "explanation", true)))
			.expect(200);
		var retired = this.api.admin().delete("/api/v1/root-causes/" + code).expect(200).json();
		assertThat(retired.get("active").asBoolean()).isFalse();
		assertThat(this.api.admin()
			.get("/api/v1/root-causes")
			.expect(200)
			.json()
			.valueStream()
			.map((c) -> c.get("code").asString())).doesNotContain(code);
		assertThat(this.api.admin()
			.get("/api/v1/cases/" + id)
			.expect(200)
			.json()
			.get("resolution")
			.get("rootCause")
			.asString()).isEqualTo(code);
		String unused = Api.unique("cause");
		body.put("code", unused);
		body.put("touchpoints", List.of());
		this.api.admin().post("/api/v1/root-causes", body).expect(201);
		this.api.admin().delete("/api/v1/root-causes/" + unused).expect(204);
		this.api.admin().get("/api/v1/root-causes/" + unused).expect(404);
	}

}
