package org.opencxm.console;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey and touchpoint editor of the design area: create and change journeys and
 * their stages, add touchpoints under stages and under other touchpoints, errors next to
 * their fields with nothing saved, roles and scope.
 */
@ApplicationTest
class ConsoleDesignJourneysTests {

	private static final String SCRIPT = "<script>alert('x')</script>";

	@Autowired
	Api api;

	@Test
	void createsAJourneyReordersItsStagesAndRefusesAMissingNameWithoutSaving() {
		WebSession manager = signedIn("CX_MANAGER", null, "en");
		assertThat(manager.page("/design/journeys", 200)).contains("data-page=\"design-journeys\"")
			.contains("Journeys and touchpoints");
		assertThat(manager.page("/design/journeys/new", 200)).contains("data-page=\"journey-editor\"");

		String code = Api.unique("jr");
		Map<String, String> form = journeyForm(code, "购车", "Car buying");
		form.put("stages[0].code", "visit");
		form.put("stages[0].nameZh", "到店");
		form.put("stages[0].nameEn", "Visit");
		form.put("stages[1].code", "buy");
		form.put("stages[1].nameZh", "购买");
		form.put("stages[1].nameEn", "Buy");

		Map<String, String> moved = new LinkedHashMap<>(form);
		moved.put("op", "up-1");
		HttpResponse<String> redrawn = manager.post("/design/journeys", moved);
		assertThat(redrawn.statusCode()).isEqualTo(200);
		assertThat(redrawn.body().indexOf("value=\"buy\"")).isLessThan(redrawn.body().indexOf("value=\"visit\""));
		Map<String, String> added = new LinkedHashMap<>(form);
		added.put("op", "add");
		assertThat(manager.post("/design/journeys", added).body()).containsPattern(
				"<input[^>]*autofocus[^>]*name=\"stages\\[2\\]\\.code\"|<input[^>]*name=\"stages\\[2\\]\\.code\"[^>]*autofocus");
		this.api.admin().get("/api/v1/journeys/" + code).expect(404);

		Map<String, String> unnamed = new LinkedHashMap<>(form);
		unnamed.put("nameEn", "");
		unnamed.put("stages[1].nameZh", "");
		HttpResponse<String> refused = manager.post("/design/journeys", unnamed);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).containsPattern("id=\"nameEn-error\">\\s*Required.")
			.containsPattern("id=\"stages1.nameZh-error\">\\s*Required.")
			.doesNotContain("id=\"nameZh-error\"");
		this.api.admin().get("/api/v1/journeys/" + code).expect(404);

		HttpResponse<String> created = manager.post("/design/journeys", form);
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/design/journeys/" + code);
		assertThat(stageCodes(code)).isEqualTo("visit,buy");
		assertThat(manager.page("/design/journeys/" + code, 200)).contains("The journey was saved.")
			.contains("data-stage=\"visit\"");
		assertThat(manager.page("/design/journeys", 200)).contains("data-journey=\"" + code + "\"");

		Map<String, String> other = journeyForm(code, "别的", "Other");
		other.put("stages[0].code", "one");
		other.put("stages[0].nameZh", "一");
		other.put("stages[0].nameEn", "One");
		HttpResponse<String> taken = manager.post("/design/journeys", other);
		assertThat(taken.statusCode()).isEqualTo(422);
		assertThat(taken.body()).containsPattern("id=\"code-error\">\\s*Another journey has this code already.");

		Map<String, String> edited = journeyForm(code, "购车之旅", "Car buying journey");
		edited.put("stages[0].code", "research");
		edited.put("stages[0].nameZh", "线上了解");
		edited.put("stages[0].nameEn", "Research");
		edited.put("stages[1].code", "buy");
		edited.put("stages[1].nameZh", "购买");
		edited.put("stages[1].nameEn", "Buy");
		edited.put("stages[2].code", "visit");
		edited.put("stages[2].nameZh", "到店看车");
		edited.put("stages[2].nameEn", "Showroom visit");
		assertThat(manager.post("/design/journeys/" + code, edited).statusCode()).isEqualTo(302);
		JsonNode journey = this.api.admin().get("/api/v1/journeys/" + code).expect(200).json();
		assertThat(stageCodes(code)).isEqualTo("research,buy,visit");
		assertThat(journey.get("name").get("en").asString()).isEqualTo("Car buying journey");
		assertThat(journey.get("stages").get(2).get("name").get("en").asString()).isEqualTo("Showroom visit");

		Map<String, String> duplicate = new LinkedHashMap<>(edited);
		duplicate.put("stages[2].code", "buy");
		HttpResponse<String> twice = manager.post("/design/journeys/" + code, duplicate);
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body())
			.containsPattern("id=\"stages2.code-error\">\\s*Another stage of this journey has this code.");
		assertThat(stageCodes(code)).isEqualTo("research,buy,visit");

		WebSession chinese = signedIn("CX_MANAGER", null, "zh-CN");
		assertThat(chinese.page("/design/journeys/" + code, 200)).contains("旅程与阶段").contains("添加阶段");
	}

	@Test
	void addsTouchpointsUnderStagesAndParentsAndShowsErrorsBesideTheirFields() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "公司", "Company");
		String store = fixtures.unit("st", company, "STORE", "门店", "Store");
		String other = fixtures.unit("ot", null, "COMPANY", "别的公司", "Other company");
		String journey = new JourneyData(this.api).journey(Map.of("zh-CN", "旅程", "en", "Journey"), "visit", "buy");
		WebSession manager = signedIn("CX_MANAGER", null, "en");
		assertThat(manager.page("/design/journeys/" + journey + "/touchpoints/new?stage=buy", 200))
			.contains("data-page=\"touchpoint-editor\"")
			.containsPattern("<option value=\"buy\" selected=\"selected\">");

		String reception = Api.unique("tp");
		Map<String, String> form = touchpointForm(reception, "visit", "接待", SCRIPT);
		form.put("semModules", "FEEL");
		form.put("weight", "2.5");
		form.put("ownerUnitCode", store);
		form.put("standardActions[0].code", "greet");
		form.put("standardActions[0].nameZh", "迎");
		form.put("standardActions[0].nameEn", "Greet");
		form.put("standardActions[1].code", "see-off");
		form.put("standardActions[1].nameZh", "送");
		form.put("standardActions[1].nameEn", "See off");
		HttpResponse<String> created = manager.post("/design/journeys/" + journey + "/touchpoints", form);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		JsonNode saved = this.api.admin().get("/api/v1/touchpoints/" + reception).expect(200).json();
		assertThat(saved.get("weight").asDouble()).isEqualTo(2.5);
		assertThat(saved.get("ownerUnitCode").asString()).isEqualTo(store);
		assertThat(saved.get("semModules").toString()).isEqualTo("[\"FEEL\"]");
		assertThat(saved.get("standardActions").get(1).get("name").get("en").asString()).isEqualTo("See off");

		String wrongStage = Api.unique("tp");
		Map<String, String> child = touchpointForm(wrongStage, "buy", "付款", "Payment");
		child.put("parentCode", reception);
		child.put("weight", "0");
		HttpResponse<String> refused = manager.post("/design/journeys/" + journey + "/touchpoints", child);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).containsPattern("id=\"weight-error\">\\s*Too small.");
		child.put("weight", "1");
		refused = manager.post("/design/journeys/" + journey + "/touchpoints", child);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).containsPattern("id=\"parentCode-error\">\\s*The parent must be in the same stage.")
			.contains("value=\"" + wrongStage + "\"");
		this.api.admin().get("/api/v1/touchpoints/" + wrongStage).expect(404);

		String greeting = Api.unique("tp");
		Map<String, String> below = touchpointForm(greeting, "visit", "问候", "Greeting");
		below.put("parentCode", reception);
		assertThat(manager.post("/design/journeys/" + journey + "/touchpoints", below).statusCode()).isEqualTo(302);
		assertThat(
				this.api.admin().get("/api/v1/touchpoints/" + greeting).expect(200).json().get("parentCode").asString())
			.isEqualTo(reception);

		String editor = manager.page("/design/journeys/" + journey, 200);
		assertThat(editor).contains("was saved.")
			.contains("data-touchpoint=\"" + reception + "\"")
			.containsPattern("style=\"--depth: 1\"\\s+data-touchpoint=\"" + greeting + "\"")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain(SCRIPT);

		String editPath = "/design/journeys/" + journey + "/touchpoints/" + reception;
		String edit = manager.page(editPath, 200);
		assertThat(edit).contains("value=\"see-off\"").doesNotContain("<option value=\"" + reception + "\"");
		Map<String, String> changed = touchpointForm(reception, "visit", "接待", "Reception desk");
		changed.put("weight", "3");
		changed.put("standardActions[0].code", "greet");
		changed.put("standardActions[0].nameZh", "迎");
		changed.put("standardActions[0].nameEn", "Greet");
		assertThat(manager.post(editPath, changed).statusCode()).isEqualTo(302);
		saved = this.api.admin().get("/api/v1/touchpoints/" + reception).expect(200).json();
		assertThat(saved.get("weight").asDouble()).isEqualTo(3.0);
		assertThat(saved.get("active").asBoolean()).isFalse();
		assertThat(saved.get("standardActions")).hasSize(1);
		assertThat(saved.get("name").get("en").asString()).isEqualTo("Reception desk");

		WebSession scoped = signedIn("CX_MANAGER", company, "en");
		assertThat(scoped.page("/design/journeys/" + journey + "/touchpoints/new", 200))
			.contains("<option value=\"" + store + "\"")
			.doesNotContain("<option value=\"" + other + "\"");
		manager.page("/design/journeys/" + journey + "/touchpoints/" + Api.unique("none"), 404);
	}

	@Test
	void onlyCxManagersAndAdminsOpenTheEditor() {
		WebSession unitManager = signedIn("UNIT_MANAGER", null, "en");
		assertThat(unitManager.page("/", 200)).doesNotContain("href=\"/design/");
		unitManager.page("/design/journeys", 403);
		unitManager.page("/design/journeys/new", 403);
		String code = Api.unique("jr");
		Map<String, String> form = journeyForm(code, "旅程", "Journey");
		form.put("stages[0].code", "one");
		form.put("stages[0].nameZh", "一");
		form.put("stages[0].nameEn", "One");
		assertThat(unitManager.post("/design/journeys", form).statusCode()).isEqualTo(403);
		this.api.admin().get("/api/v1/journeys/" + code).expect(404);

		WebSession admin = signedIn("ADMIN", null, "en");
		assertThat(admin.page("/", 200)).contains("href=\"/design/surveys\"");
		assertThat(admin.post("/design/journeys", form).statusCode()).isEqualTo(302);
	}

	@Test
	void deletesATouchpointAfterConfirmingAndExplainsWhyAParentCannotBeDeleted() {
		JourneyData data = new JourneyData(this.api);
		String journey = data.journey(Map.of("zh-CN", "旅程", "en", "Journey"), "visit");
		String parent = data.touchpoint(journey, "visit", null, Map.of("zh-CN", "前台", "en", "Front desk"), 1.0);
		String child = data.touchpoint(journey, "visit", parent, Map.of("zh-CN", "迎宾", "en", "Greeting"), 1.0);
		String base = "/design/journeys/" + journey + "/touchpoints/";
		WebSession manager = signedIn("CX_MANAGER", null, "en");
		assertThat(manager.page(base + child, 200)).contains("href=\"" + base + child + "/delete\"");
		assertThat(manager.page(base + child + "/delete", 200))
			.contains("Delete the touchpoint “Greeting”? This cannot be undone.")
			.contains("action=\"" + base + child + "/delete\"")
			.contains("name=\"_csrf\"");

		HttpResponse<String> refused = manager.post(base + parent + "/delete", Map.of());
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("other touchpoints sit below it").doesNotContain("action=\"" + base);
		WebSession chinese = signedIn("CX_MANAGER", null, "zh-CN");
		assertThat(chinese.page(base + child + "/delete", 200)).contains("确定删除触点“迎宾”？删除后无法恢复。");
		assertThat(chinese.post(base + parent + "/delete", Map.of()).body()).contains("其下还有其他触点");
		this.api.admin().get("/api/v1/touchpoints/" + parent).expect(200);

		assertThat(manager.post(base + child + "/delete", Map.of(), false).statusCode()).isEqualTo(403);
		this.api.admin().get("/api/v1/touchpoints/" + child).expect(200);
		HttpResponse<String> deleted = manager.post(base + child + "/delete", Map.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(deleted.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/design/journeys/" + journey));
		this.api.admin().get("/api/v1/touchpoints/" + child).expect(404);
		assertThat(manager.page("/design/journeys/" + journey, 200)).contains("Deleted “Greeting”.");
		assertThat(signedIn("UNIT_MANAGER", null, "en").post(base + parent + "/delete", Map.of()).statusCode())
			.isEqualTo(403);
	}

	private WebSession signedIn(String role, @Nullable String scope, String language) {
		Account account = new ConsoleFixtures(this.api).user(role, scope, language);
		return WebSession.signedIn(this.api, account.username(), account.password(), language);
	}

	private String stageCodes(String journey) {
		JsonNode stages = this.api.admin().get("/api/v1/journeys/" + journey).expect(200).json().get("stages");
		java.util.List<String> codes = new java.util.ArrayList<>();
		for (JsonNode stage : stages.values()) {
			codes.add(stage.get("code").asString());
		}
		return String.join(",", codes);
	}

	private static Map<String, String> journeyForm(String code, String nameZh, String nameEn) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("nameZh", nameZh);
		form.put("nameEn", nameEn);
		return form;
	}

	private static Map<String, String> touchpointForm(String code, String stage, String nameZh, String nameEn) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("stageCode", stage);
		form.put("nameZh", nameZh);
		form.put("nameEn", nameEn);
		form.put("contactType", "PERSONNEL");
		form.put("channel", "STORE");
		form.put("brandExperienceLevel", "SERVICE");
		return form;
	}

}
