package org.opencxm.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert-rule pages of the design area: response rules from condition rows or nested
 * JSON, drop rules, switching rules on and off, errors beside their fields with nothing
 * saved, roles and scope.
 */
@ApplicationTest
class ConsoleDesignAlertRulesTests {

	private static final String SCRIPT = "<script>alert('x')</script>";

	@Autowired
	Api api;

	@Test
	void createsAResponseRuleFromConditionRowsAndShowsErrorsBesideTheRow() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "公司", "Company");
		WebSession manager = signedIn("CX_MANAGER", null, "en");
		assertThat(manager.page("/design/alert-rules", 200)).contains("data-page=\"design-alert-rules\"");
		assertThat(manager.page("/design/alert-rules/new", 200)).contains("data-page=\"alert-rule-editor\"")
			.contains("hx-select=\"#condition-rows\"");

		String code = Api.unique("ar");
		Map<String, String> form = responseRule(code, SCRIPT);
		form.put("rows[0].field", "npsClass");
		form.put("rows[0].op", "eq");
		form.put("rows[0].value", "DETRACTOR");
		form.put("rows[1].field", "comment");
		form.put("rows[1].op", "containsAny");
		form.put("rows[1].value", "投诉, lawyer");
		form.put("units", company);

		Map<String, String> added = new LinkedHashMap<>(form);
		added.put("op", "add");
		assertThat(manager.post("/design/alert-rules", added).body()).contains("name=\"rows[2].field\"");

		Map<String, String> bad = new LinkedHashMap<>(form);
		bad.put("rows[1].field", "nps");
		bad.put("rows[1].op", "gt");
		bad.put("rows[1].value", "high");
		bad.put("priority", "");
		HttpResponse<String> refused = manager.post("/design/alert-rules", bad);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).containsPattern("id=\"rows1.value-error\">\\s*Must be a number.")
			.containsPattern("id=\"priority-error\">\\s*Choose a priority to open a case.");
		this.api.admin().get("/api/v1/alert-rules/" + code).expect(404);

		assertThat(manager.post("/design/alert-rules", form).statusCode()).isEqualTo(302);
		JsonNode rule = this.api.admin().get("/api/v1/alert-rules/" + code).expect(200).json();
		assertThat(rule.get("condition").toString()).isEqualTo(
				"{\"all\":[{\"field\":\"npsClass\",\"op\":\"eq\",\"value\":\"DETRACTOR\"},{\"field\":\"comment\",\"op\":\"containsAny\",\"value\":[\"投诉\",\"lawyer\"]}]}");
		assertThat(rule.get("action").get("priority").asString()).isEqualTo("P1");
		assertThat(rule.get("limits").get("units").toString()).isEqualTo("[\"" + company + "\"]");
		assertThat(manager.page("/design/alert-rules", 200)).contains("data-rule=\"" + code + "\"")
			.contains("npsClass eq DETRACTOR AND comment containsAny 投诉, lawyer")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain(SCRIPT);

		String edit = manager.page("/design/alert-rules/" + code, 200);
		assertThat(edit).contains("value=\"投诉, lawyer\"").containsPattern("<option value=\"" + company + "\" selected");
		Map<String, String> changed = new LinkedHashMap<>(form);
		changed.put("nameEn", "Detractors who complain");
		changed.put("combinator", "any");
		assertThat(manager.post("/design/alert-rules/" + code, changed).statusCode()).isEqualTo(302);
		rule = this.api.admin().get("/api/v1/alert-rules/" + code).expect(200).json();
		assertThat(rule.get("name").get("en").asString()).isEqualTo("Detractors who complain");
		assertThat(rule.get("condition").has("any")).isTrue();

		assertThat(manager.post("/design/alert-rules/" + code + "/active", Map.of("active", "false")).statusCode())
			.isEqualTo(302);
		assertThat(this.api.admin().get("/api/v1/alert-rules/" + code).expect(200).json().get("active").asBoolean())
			.isFalse();
		assertThat(manager.page("/design/alert-rules", 200)).containsPattern("status-off\">Off<");
		manager.post("/design/alert-rules/" + code + "/active", Map.of("active", "true"));
		assertThat(this.api.admin().get("/api/v1/alert-rules/" + code).expect(200).json().get("active").asBoolean())
			.isTrue();

		WebSession chinese = signedIn("CX_MANAGER", null, "zh-CN");
		assertThat(chinese.page("/design/alert-rules/" + code, 200)).contains("每条回复的条件").contains("触发动作");
	}

	@Test
	void nestedConditionsAreEditedAsJsonAndDropRulesHaveTheirOwnFields() {
		WebSession manager = signedIn("CX_MANAGER", null, "en");
		manager.page("/design/alert-rules/new", 200);
		String code = Api.unique("ar");
		Map<String, String> form = responseRule(code, "Escalation risk");
		form.put("rows[0].field", "npsClass");
		form.put("rows[0].op", "eq");
		form.put("rows[0].value", "DETRACTOR");
		Map<String, String> toJson = new LinkedHashMap<>(form);
		toJson.put("op", "json");
		assertThat(manager.post("/design/alert-rules", toJson).body()).contains("name=\"conditionJson\"")
			.contains("&quot;npsClass&quot;");

		Map<String, String> json = responseRule(code, "Escalation risk");
		json.put("advanced", "true");
		json.put("conditionJson", "{\"all\": [{\"field\": \"nps\", \"op\": \"containsAny\", \"value\": [1]}]}");
		HttpResponse<String> refused = manager.post("/design/alert-rules", json);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).containsPattern("id=\"conditionJson-error\">\\s*<p>condition.all\\[0\\].op: ");
		json.put("conditionJson", "{\"all\": [");
		assertThat(manager.post("/design/alert-rules", json).body()).contains("Not valid JSON");
		this.api.admin().get("/api/v1/alert-rules/" + code).expect(404);

		json.put("conditionJson",
				"{\"all\": [{\"field\": \"npsClass\", \"op\": \"eq\", \"value\": \"DETRACTOR\"},"
						+ " {\"any\": [{\"field\": \"sentiment\", \"op\": \"lt\", \"value\": -0.6},"
						+ " {\"field\": \"sem\", \"module\": \"FEEL\", \"op\": \"lte\", \"value\": 2}]}]}");
		assertThat(manager.post("/design/alert-rules", json).statusCode()).isEqualTo(302);
		JsonNode rule = this.api.admin().get("/api/v1/alert-rules/" + code).expect(200).json();
		assertThat(rule.get("condition").get("all").get(1).get("any").get(1).get("module").asString())
			.isEqualTo("FEEL");
		assertThat(manager.page("/design/alert-rules/" + code, 200)).contains("name=\"conditionJson\"")
			.contains("&quot;sentiment&quot;");

		String drop = Api.unique("ar");
		Map<String, String> dropForm = new LinkedHashMap<>();
		dropForm.put("code", drop);
		dropForm.put("kind", "DROP");
		dropForm.put("nameZh", "NPS 周下降");
		dropForm.put("nameEn", "Weekly NPS drop");
		dropForm.put("dropMetric", "nps");
		dropForm.put("dropSlice", "UNIT");
		dropForm.put("dropPeriod", "WEEK");
		dropForm.put("dropMinDrop", "10");
		dropForm.put("openCase", "true");
		dropForm.put("notifyCxManagers", "true");
		dropForm.put("active", "true");
		refused = manager.post("/design/alert-rules", dropForm);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("A drop rule notifies people; it opens no case.");
		dropForm.remove("openCase");
		dropForm.put("dropMinDrop", "-3");
		refused = manager.post("/design/alert-rules", dropForm);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).containsPattern("id=\"dropMinDrop-error\">\\s*Too small.");
		this.api.admin().get("/api/v1/alert-rules/" + drop).expect(404);
		dropForm.put("dropMinDrop", "10");
		assertThat(manager.post("/design/alert-rules", dropForm).statusCode()).isEqualTo(302);
		rule = this.api.admin().get("/api/v1/alert-rules/" + drop).expect(200).json();
		assertThat(rule.get("kind").asString()).isEqualTo("DROP");
		assertThat(rule.get("drop").get("minDrop").asDouble()).isEqualTo(10.0);
		assertThat(manager.page("/design/alert-rules/" + drop, 200)).containsPattern("value=\"DROP\"[^>]*checked");
	}

	@Test
	void onlyCxManagersAndAdminsChangeAlertRulesAndAScopedUserChoosesAmongItsUnits() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String mine = fixtures.unit("co", null, "COMPANY", "我的公司", "My company");
		String other = fixtures.unit("co", null, "COMPANY", "别的公司", "Other company");
		WebSession scoped = signedIn("CX_MANAGER", mine, "en");
		assertThat(scoped.page("/design/alert-rules/new", 200)).contains("<option value=\"" + mine + "\"")
			.doesNotContain("<option value=\"" + other + "\"");

		WebSession manager = signedIn("CX_MANAGER", null, "en");
		manager.page("/design/alert-rules/new", 200);
		String code = Api.unique("ar");
		Map<String, String> form = responseRule(code, "Detractors");
		form.put("rows[0].field", "nps");
		form.put("rows[0].op", "lte");
		form.put("rows[0].value", "6");
		assertThat(manager.post("/design/alert-rules", form).statusCode()).isEqualTo(302);

		WebSession unitManager = signedIn("UNIT_MANAGER", null, "en");
		unitManager.page("/design/alert-rules", 403);
		unitManager.page("/design/alert-rules/" + code, 403);
		assertThat(unitManager.post("/design/alert-rules/" + code + "/active", Map.of("active", "false")).statusCode())
			.isEqualTo(403);
		assertThat(this.api.admin().get("/api/v1/alert-rules/" + code).expect(200).json().get("active").asBoolean())
			.isTrue();
		signedIn("ADMIN", null, "en").page("/design/alert-rules/" + code, 200);
	}

	@Test
	void theListCountsTheCasesEachRuleOpenedInTheUnitsTheUserMaySee() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "公司", "Company");
		String store = fixtures.unit("st", company, "STORE", "门店", "Store");
		String elsewhere = fixtures.unit("co", null, "COMPANY", "别的公司", "Other company");
		JourneyData data = new JourneyData(this.api);
		String journey = data.journey(Map.of("zh-CN", "旅程", "en", "Journey"), "visit");
		String touchpoint = data.touchpoint(journey, "visit", null, Map.of("zh-CN", "接待", "en", "Reception"), 1.0);
		WebSession manager = signedIn("CX_MANAGER", null, "en");
		manager.page("/design/alert-rules/new", 200);
		String code = Api.unique("ar");
		Map<String, String> form = responseRule(code, "Detractors at the store");
		form.put("rows[0].field", "nps");
		form.put("rows[0].op", "lte");
		form.put("rows[0].value", "6");
		form.put("units", company);
		assertThat(manager.post("/design/alert-rules", form).statusCode()).isEqualTo(302);
		assertThat(manager.page("/design/alert-rules", 200))
			.containsPattern("data-rule=\"" + code + "\"[\\s\\S]*?data-cases=\"0\"");

		data.respond(touchpoint, store, 3, 2, 6, "slow");
		data.respond(touchpoint, store, 10, 5, 1, "great");
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> Pattern.compile("data-rule=\"" + code + "\"[\\s\\S]*?data-cases=\"1\"")
				.matcher(manager.page("/design/alert-rules", 200))
				.find());
		WebSession outside = signedIn("CX_MANAGER", elsewhere, "en");
		assertThat(outside.page("/design/alert-rules", 200))
			.containsPattern("data-rule=\"" + code + "\"[\\s\\S]*?data-cases=\"0\"");
	}

	private WebSession signedIn(String role, @Nullable String scope, String language) {
		Account account = new ConsoleFixtures(this.api).user(role, scope, language);
		return WebSession.signedIn(this.api, account.username(), account.password(), language);
	}

	private static Map<String, String> responseRule(String code, String nameEn) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("kind", "RESPONSE");
		form.put("nameZh", "差评预警");
		form.put("nameEn", nameEn);
		form.put("combinator", "all");
		form.put("advanced", "false");
		form.put("openCase", "true");
		form.put("priority", "P1");
		form.put("notifyUnitManager", "true");
		form.put("active", "true");
		return form;
	}

}
