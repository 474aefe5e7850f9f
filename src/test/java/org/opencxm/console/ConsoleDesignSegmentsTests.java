package org.opencxm.console;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The segment pages of the design area: the list, the form with its rule, the live count
 * of a rule being edited (with a sample of members, escaped), errors beside their fields
 * with nothing saved, roles and scope.
 */
@ApplicationTest
class ConsoleDesignSegmentsTests {

	private static final String SCRIPT = "<script>alert('x')</script>";

	@Autowired
	Api api;

	@Test
	void theLiveCountFollowsTheRuleAmongTheCustomersTheUserMaySee() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "公司", "Company");
		String store = fixtures.unit("st", company, "STORE", "门店", "Store");
		customer(company, "VIP", SCRIPT);
		customer(company, "VIP", "Li Lei");
		customer(company, "LOW", "Han Meimei");
		customer(store, "VIP", "Wang Fang");
		WebSession manager = signedIn("CX_MANAGER", null, "en");
		manager.page("/design/segments/new", 200);

		String all = preview(manager, "{\"unit\": \"" + company + "\"}");
		assertThat(all).contains("data-count=\"4\"")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain(SCRIPT);
		assertThat(preview(manager,
				"{\"all\": [{\"unit\": \"" + company + "\"}, {\"field\": \"valueTier\", \"in\": [\"VIP\"]}]}"))
			.contains("data-count=\"3\"");
		assertThat(preview(manager,
				"{\"all\": [{\"unit\": \"" + company
						+ "\"}, {\"not\": {\"field\": \"valueTier\", \"equals\": \"VIP\"}}]}"))
			.contains("data-count=\"1\"")
			.contains("Han Meimei")
			.doesNotContain("Li Lei");
		assertThat(preview(manager, "{\"unit\": ")).contains("Not valid JSON").doesNotContain("data-count");
		assertThat(preview(manager, "{\"all\": [{\"unit\": \"" + Api.unique("none") + "\"}]}"))
			.contains("rule.all[0].unit: No org unit you can see has this code.");

		WebSession scoped = signedIn("CX_MANAGER", store, "en");
		scoped.page("/design/segments/new", 200);
		assertThat(preview(scoped, "{\"field\": \"valueTier\", \"in\": [\"VIP\", \"LOW\"]}"))
			.contains("data-count=\"1\"")
			.contains("Wang Fang")
			.doesNotContain("Li Lei");
		assertThat(preview(scoped, "{\"unit\": \"" + company + "\"}")).contains("rule.unit:")
			.doesNotContain("data-count");
	}

	@Test
	void createsAndEditsASegmentAndRefusesBadValuesWithoutSaving() {
		String unit = new ConsoleFixtures(this.api).unit("co", null, "COMPANY", "公司", "Company");
		WebSession manager = signedIn("CX_MANAGER", null, "en");
		assertThat(manager.page("/design/segments", 200)).contains("data-page=\"design-segments\"");
		String form = manager.page("/design/segments/new", 200);
		assertThat(form).contains("data-page=\"segment-editor\"")
			.contains("hx-post=\"/design/segments/preview\"")
			.contains("hx-trigger=\"load, input delay:400ms\"");

		String code = Api.unique("sg");
		Map<String, String> fields = segmentForm(code, "华东贵宾", "VIPs in the east",
				"{\"all\": [{\"unit\": \"" + unit + "\"}, {\"field\": \"valueTier\", \"in\": [\"VIP\"]}]}");
		Map<String, String> unnamed = new LinkedHashMap<>(fields);
		unnamed.put("nameEn", "");
		HttpResponse<String> refused = manager.post("/design/segments", unnamed);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).containsPattern("id=\"nameEn-error\">\\s*Required.");
		Map<String, String> badRule = new LinkedHashMap<>(fields);
		badRule.put("rule", "{\"all\": [{\"unit\": \"" + unit + "\"}, {\"colour\": \"red\"}]}");
		refused = manager.post("/design/segments", badRule);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).containsPattern("id=\"rule-error\">\\s*<p>rule.all\\[1\\]");
		badRule.put("rule", "not json");
		refused = manager.post("/design/segments", badRule);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Not valid JSON").contains("not json");
		this.api.admin().get("/api/v1/segments/" + code).expect(404);

		HttpResponse<String> created = manager.post("/design/segments", fields);
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(this.api.admin().get("/api/v1/segments/" + code).expect(200).json().get("name").get("en").asString())
			.isEqualTo("VIPs in the east");
		assertThat(manager.page("/design/segments", 200)).contains("data-segment=\"" + code + "\"")
			.contains("Segment " + code + " was saved.");

		String edit = manager.page("/design/segments/" + code, 200);
		assertThat(edit).contains("data-rule-mode=\"rows\"").contains("value=\"VIP\"").contains(unit);
		Map<String, String> changed = segmentForm(code, "华东客户", "Customers in the east",
				"{\"unit\": \"" + unit + "\"}");
		assertThat(manager.post("/design/segments/" + code, changed).statusCode()).isEqualTo(302);
		assertThat(this.api.admin().get("/api/v1/segments/" + code).expect(200).json().get("rule").toString())
			.isEqualTo("{\"unit\":\"" + unit + "\"}");

		WebSession chinese = signedIn("CX_MANAGER", null, "zh-CN");
		assertThat(chinese.page("/design/segments/" + code, 200)).contains("实时人数").contains("华东客户");
	}

	@Test
	void onlyCxManagersAndAdminsOpenTheSegmentPages() {
		WebSession agent = signedIn("UNIT_MANAGER", null, "en");
		agent.page("/design/segments", 403);
		agent.page("/design/segments/new", 403);
		agent.get("/");
		assertThat(agent.post("/design/segments/preview", Map.of("rule", "{\"unit\": \"x\"}")).statusCode())
			.isEqualTo(403);
		String code = Api.unique("sg");
		assertThat(agent.post("/design/segments", segmentForm(code, "甲", "A", "{\"ageBand\": \"30-39\"}")).statusCode())
			.isEqualTo(403);
		this.api.admin().get("/api/v1/segments/" + code).expect(404);
		WebSession admin = signedIn("ADMIN", null, "en");
		admin.page("/design/segments", 200);
	}

	@Test
	void deletesASegmentOrAnAlertRuleAfterConfirmingAndNamesTheRulesThatStillUseASegment() {
		String segment = Api.unique("sg");
		this.api.admin()
			.post("/api/v1/segments",
					Map.of("code", segment, "name", Map.of("zh-CN", "年轻客户", "en", "Young customers"), "rule",
							Map.of("ageBand", "30-39")))
			.expect(201);
		String rule = Api.unique("rule");
		this.api.admin()
			.post("/api/v1/alert-rules",
					Map.of("code", rule, "name", Map.of("zh-CN", "年轻贬损者", "en", "Young detractors"), "condition",
							Map.of("all", List.of(Map.of("field", "npsClass", "op", "eq", "value", "DETRACTOR"))),
							"limits", Map.of("segments", List.of(segment)), "action",
							Map.of("openCase", true, "priority", "P2")))
			.expect(201);
		WebSession manager = signedIn("CX_MANAGER", null, "en");
		assertThat(manager.page("/design/segments/" + segment, 200))
			.contains("href=\"/design/segments/" + segment + "/delete\"");
		assertThat(manager.page("/design/segments/" + segment + "/delete", 200))
			.contains("Delete the segment “Young customers”? This cannot be undone.");

		HttpResponse<String> refused = manager.post("/design/segments/" + segment + "/delete", Map.of());
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("these alert rules are limited to it: Young detractors.");
		WebSession chinese = signedIn("CX_MANAGER", null, "zh-CN");
		assertThat(chinese.page("/design/segments/" + segment + "/delete", 200)).contains("确定删除细分“年轻客户”？");
		assertThat(chinese.post("/design/segments/" + segment + "/delete", Map.of()).body())
			.contains("以下预警规则限定在该细分：年轻贬损者");
		this.api.admin().get("/api/v1/segments/" + segment).expect(200);

		assertThat(manager.page("/design/alert-rules/" + rule, 200))
			.contains("href=\"/design/alert-rules/" + rule + "/delete\"");
		assertThat(manager.page("/design/alert-rules/" + rule + "/delete", 200))
			.contains("Delete the alert rule “Young detractors”? This cannot be undone.")
			.contains("The cases the rule opened stay as they are.");
		assertThat(manager.post("/design/alert-rules/" + rule + "/delete", Map.of(), false).statusCode())
			.isEqualTo(403);
		assertThat(manager.post("/design/alert-rules/" + rule + "/delete", Map.of()).statusCode()).isEqualTo(302);
		this.api.admin().get("/api/v1/alert-rules/" + rule).expect(404);
		assertThat(manager.page("/design/alert-rules", 200)).contains("Deleted “Young detractors”.");

		assertThat(manager.post("/design/segments/" + segment + "/delete", Map.of()).statusCode()).isEqualTo(302);
		this.api.admin().get("/api/v1/segments/" + segment).expect(404);
		assertThat(signedIn("CX_MANAGER", null, "zh-CN").page("/design/segments", 200)).doesNotContain(segment);
		assertThat(signedIn("UNIT_MANAGER", null, "en").post("/design/segments/x/delete", Map.of()).statusCode())
			.isEqualTo(403);
	}

	@Test
	void createsCountsAndEditsASegmentThroughRowsOfConditionsInEnglish() {
		editsThroughRows("en", "Add condition", "any of these conditions (OR)", "Value tier",
				"Condition 3 (rule.all[2]");
	}

	@Test
	void createsCountsAndEditsASegmentThroughRowsOfConditionsInChinese() {
		editsThroughRows("zh-CN", "添加条件", "以下任一条件（或）", "价值等级", "条件 3（rule.all[2]");
	}

	private void editsThroughRows(String language, String add, String any, String valueTier, String third) {
		String unit = new ConsoleFixtures(this.api).unit("co", null, "COMPANY", "公司", "Company");
		customer(unit, "VIP", "Li Lei");
		customer(unit, "HIGH", "Wang Fang");
		customer(unit, "LOW", "Han Meimei");
		WebSession manager = signedIn("CX_MANAGER", null, language);
		String form = manager.page("/design/segments/new", 200);
		assertThat(form).contains("data-rule-mode=\"rows\"")
			.contains("name=\"rows[0].subject\"")
			.contains("value=\"VIP, HIGH\"")
			.contains(add)
			.contains(valueTier)
			.contains("hx-select=\"#rule-editor\"")
			.doesNotContain("<textarea");

		String code = Api.unique("sg");
		Map<String, String> fields = segmentForm(code, "华东贵宾", "VIPs in the east", null);
		fields.put("mode", "rows");
		fields.put("combine", "all");
		row(fields, 0, "unit", null, "equals", unit, false);
		fields.put("action", "add");
		HttpResponse<String> added = manager.post("/design/segments", fields);
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).contains("name=\"rows[1].subject\"").doesNotContain("name=\"rows[2].subject\"");
		this.api.admin().get("/api/v1/segments/" + code).expect(404);

		row(fields, 1, "valueTier", null, "in", "VIP, HIGH", false);
		fields.remove("action");
		assertThat(preview(manager, fields)).contains("data-count=\"2\"")
			.contains("Wang Fang")
			.doesNotContain("Han Meimei")
			.contains("data-preview=\"json\"")
			.contains("&quot;in&quot; : [ &quot;VIP&quot;, &quot;HIGH&quot; ]");
		fields.put("rows[1].negate", "true");
		assertThat(preview(manager, fields)).contains("data-count=\"1\"").contains("Han Meimei");
		fields.remove("rows[1].negate");

		row(fields, 2, "valueTier", null, "equals", "GOLD", false);
		HttpResponse<String> refused = manager.post("/design/segments", fields);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("data-rule-mode=\"rows\"")
			.containsPattern("id=\"rule-error\">\\s*<p>" + Pattern.quote(third));
		assertThat(preview(manager, fields)).contains(third).doesNotContain("data-count");
		this.api.admin().get("/api/v1/segments/" + code).expect(404);
		fields.put("action", "remove-2");
		assertThat(manager.post("/design/segments", fields).body()).contains("name=\"rows[1].subject\"")
			.doesNotContain("name=\"rows[2].subject\"");
		fields.remove("action");
		fields.remove("rows[2].subject");
		fields.remove("rows[2].attribute");
		fields.remove("rows[2].op");
		fields.remove("rows[2].value");

		assertThat(manager.post("/design/segments", fields).statusCode()).isEqualTo(302);
		assertThat(this.api.admin().get("/api/v1/segments/" + code).expect(200).json().get("rule").toString())
			.isEqualTo("{\"all\":[{\"unit\":\"" + unit + "\"},{\"field\":\"valueTier\",\"in\":[\"VIP\",\"HIGH\"]}]}");
		assertThat(this.api.admin().get("/api/v1/segments/" + code + "/count").expect(200).json().get("count").asInt())
			.isEqualTo(2);

		String edit = manager.page("/design/segments/" + code, 200);
		assertThat(edit).contains("data-rule-mode=\"rows\"")
			.contains("name=\"rows[1].value\" value=\"VIP, HIGH\"")
			.containsPattern("<option value=\"in\" selected=\"selected\">");
		fields.put("combine", "any");
		row(fields, 1, "valueTier", null, "equals", "LOW", true);
		fields.put("rows[0].value", unit);
		assertThat(manager.post("/design/segments/" + code, fields).statusCode()).isEqualTo(302);
		assertThat(this.api.admin().get("/api/v1/segments/" + code).expect(200).json().get("rule").toString())
			.isEqualTo(
					"{\"any\":[{\"unit\":\"" + unit + "\"},{\"not\":{\"field\":\"valueTier\",\"equals\":\"LOW\"}}]}");
		assertThat(manager.page("/design/segments/" + code, 200))
			.containsPattern("<option value=\"any\" selected=\"selected\">" + Pattern.quote(any));
	}

	@Test
	void switchesBetweenRowsAndJsonAndKeepsNestedRulesInJson() {
		String unit = new ConsoleFixtures(this.api).unit("co", null, "COMPANY", "公司", "Company");
		String code = Api.unique("sg");
		this.api.admin()
			.post("/api/v1/segments",
					Map.of("code", code, "name", Map.of("zh-CN", "嵌套", "en", "Nested"), "rule", Map.of("all",
							List.of(Map.of("unit", unit),
									Map.of("any", List.of(Map.of("ageBand", "30-39"), Map.of("ageBand", "60+")))))))
			.expect(201);
		WebSession manager = signedIn("CX_MANAGER", null, "en");
		String nested = manager.page("/design/segments/" + code, 200);
		assertThat(nested).contains("data-rule-mode=\"json\"")
			.contains("hx-trigger=\"input changed delay:400ms, load\"")
			.contains("data-rows=\"unavailable\"")
			.contains("&quot;any&quot;");
		Map<String, String> fields = segmentForm(code, "嵌套", "Nested", "{\"unit\": \"" + unit + "\"}");
		fields.put("mode", "json");
		fields.put("action", "rows");
		String rows = manager.post("/design/segments/" + code, fields).body();
		assertThat(rows).contains("data-rule-mode=\"rows\"").contains("name=\"rows[0].value\" value=\"" + unit + "\"");

		fields = segmentForm(code, "嵌套", "Nested", null);
		fields.put("mode", "rows");
		fields.put("combine", "any");
		row(fields, 0, "attribute", "vip", "equals", "true", true);
		fields.put("action", "json");
		String json = manager.post("/design/segments/" + code, fields).body();
		assertThat(json).contains("data-rule-mode=\"json\"")
			.contains("&quot;not&quot;")
			.contains("&quot;attribute&quot; : &quot;vip&quot;")
			.contains("&quot;equals&quot; : true");
		assertThat(this.api.admin().get("/api/v1/segments/" + code).expect(200).json().get("rule").toString())
			.as("switching saves nothing")
			.contains("\"any\"");
	}

	private static void row(Map<String, String> fields, int index, String subject, @Nullable String attribute,
			String op, String value, boolean negate) {
		String p = "rows[" + index + "].";
		fields.put(p + "subject", subject);
		if (attribute != null) {
			fields.put(p + "attribute", attribute);
		}
		fields.put(p + "op", op);
		fields.put(p + "value", value);
		if (negate) {
			fields.put(p + "negate", "true");
		}
		else {
			fields.remove(p + "negate");
		}
	}

	private static String preview(WebSession session, Map<String, String> fields) {
		HttpResponse<String> response = session.post("/design/segments/preview", fields);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static String preview(WebSession session, String rule) {
		HttpResponse<String> response = session.post("/design/segments/preview", Map.of("rule", rule));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private void customer(String unit, String tier, String name) {
		this.api.admin()
			.put("/api/v1/customers/" + Api.unique("c"), Map.of("homeUnitCode", unit, "valueTier", tier, "name", name))
			.expect(201);
	}

	private WebSession signedIn(String role, @Nullable String scope, String language) {
		Account account = new ConsoleFixtures(this.api).user(role, scope, language);
		return WebSession.signedIn(this.api, account.username(), account.password(), language);
	}

	private static Map<String, String> segmentForm(String code, String nameZh, String nameEn, @Nullable String rule) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("nameZh", nameZh);
		form.put("nameEn", nameEn);
		if (rule != null) {
			form.put("rule", rule);
		}
		return form;
	}

}
