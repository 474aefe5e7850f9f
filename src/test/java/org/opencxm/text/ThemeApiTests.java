package org.opencxm.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class ThemeApiTests {

	@Autowired
	Api api;

	static Map<String, Object> theme(String code, List<String> keywords, List<String> examples) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("name", Map.of("zh-CN", "主题 " + code, "en", "Theme " + code));
		body.put("keywords", keywords);
		body.put("examples", examples);
		return body;
	}

	@Test
	void aThemeIsCreatedReadChangedAndDeleted() {
		String code = Api.unique("wait");
		Map<String, Object> body = theme(code, List.of("排队", " wait ", "排队"), List.of("等了一个小时才轮到我"));
		Api.Response created = this.api.admin().post("/api/v1/themes", body).expect(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/themes/" + code);
		JsonNode theme = created.json();
		assertThat(theme.get("keywords").valueStream().map(JsonNode::asString)).containsExactly("排队", "wait");
		assertThat(theme.get("name").get("zh-CN").asString()).isEqualTo("主题 " + code);
		this.api.admin().post("/api/v1/themes", body).expect(200);
		JsonNode conflict = this.api.admin()
			.post("/api/v1/themes", theme(code, List.of("停车"), List.of()))
			.expect(409)
			.json();
		assertThat(conflict.toString()).contains("排队");
		assertThat(this.api.admin().get("/api/v1/themes").expect(200).json().findValuesAsString("code")).contains(code);

		JsonNode changed = this.api.admin()
			.put("/api/v1/themes/" + code, theme(code, List.of("排队", "queue"), List.of()))
			.expect(200)
			.json();
		assertThat(changed.get("keywords").valueStream().map(JsonNode::asString)).containsExactly("排队", "queue");
		assertThat(changed.get("examples")).isEmpty();
		String other = Api.unique("parking");
		this.api.admin().put("/api/v1/themes/" + other, theme(other, List.of("停车"), List.of())).expect(201);

		this.api.admin().delete("/api/v1/themes/" + code).expect(204);
		this.api.admin().get("/api/v1/themes/" + code).expect(404);
		this.api.admin().delete("/api/v1/themes/" + code).expect(404);
	}

	@Test
	void invalidThemesAreRejectedWithTheirFieldAndChangeNothing() {
		String code = Api.unique("bad");
		JsonNode empty = this.api.admin().post("/api/v1/themes", theme(code, List.of(), List.of())).expect(422).json();
		assertThat(empty.get("errors").get(0).get("field").asString()).isEqualTo("keywords");
		JsonNode blank = this.api.admin()
			.post("/api/v1/themes", theme(code, List.of("  "), List.of()))
			.expect(422)
			.json();
		assertThat(blank.get("errors").get(0).get("field").asString()).startsWith("keywords");
		this.api.admin().post("/api/v1/themes", theme("no spaces allowed", List.of("x"), List.of())).expect(422);
		Map<String, Object> nameless = theme(code, List.of("x"), List.of());
		nameless.put("name", Map.of("zh-CN", "", "en", "Name"));
		this.api.admin().post("/api/v1/themes", nameless).expect(422);
		Map<String, Object> noCode = theme(code, List.of("x"), List.of());
		noCode.remove("code");
		this.api.admin().post("/api/v1/themes", noCode).expect(422);
		this.api.admin().post("/api/v1/themes", "{\"code\": \"" + code + "\", \"colour\": 1}").expect(400);
		this.api.admin().post("/api/v1/themes", "{not json").expect(400);
		this.api.admin().put("/api/v1/themes/" + code, theme(Api.unique("other"), List.of("x"), List.of())).expect(422);
		this.api.admin().post("/api/v1/themes", theme(code, List.of("x".repeat(101)), List.of())).expect(422);
		this.api.admin().get("/api/v1/themes/" + code).expect(404);
	}

	@Test
	void everyoneReadsThemesAndOnlyCxManagersChangeThem() {
		String code = Api.unique("staff");
		Api.Caller viewer = this.api.as(this.api.userToken("VIEWER", null));
		Api.Caller unitManager = this.api.as(this.api.userToken("UNIT_MANAGER", null));
		Api.Caller cxManager = this.api.as(this.api.userToken("CX_MANAGER", null));
		viewer.post("/api/v1/themes", theme(code, List.of("态度"), List.of())).expect(403);
		unitManager.post("/api/v1/themes", theme(code, List.of("态度"), List.of())).expect(403);
		cxManager.post("/api/v1/themes", theme(code, List.of("态度"), List.of())).expect(201);
		viewer.get("/api/v1/themes/" + code).expect(200);
		viewer.put("/api/v1/themes/" + code, theme(code, List.of("服务员"), List.of())).expect(403);
		viewer.delete("/api/v1/themes/" + code).expect(403);
		this.api.anonymous().get("/api/v1/themes").expect(401);
		cxManager.delete("/api/v1/themes/" + code).expect(204);
	}

}
