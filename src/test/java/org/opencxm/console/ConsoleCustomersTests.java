package org.opencxm.console;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer search and profile through HTTP: the timeline of responses and cases, the
 * consents, escaping of what customers wrote, scope and both languages.
 */
@ApplicationTest
class ConsoleCustomersTests {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

	@Autowired
	Api api;

	@Test
	void findsACustomerAndShowsItsTimelineAndConsentsEscaped() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "客户公司", "Customer company");
		String store = fixtures.unit("st", company, "STORE", "客户门店", "Customer store");
		String customer = Api.unique("c");
		String name = "Wang " + customer + " " + SCRIPT;
		this.api.admin()
			.put("/api/v1/customers/" + customer,
					Map.of("name", name, "homeUnitCode", store, "valueTier", "VIP", "phone", "+86 138 0000 0000"))
			.expect(201);
		this.api.admin()
			.put("/api/v1/customers/" + customer + "/consents/SMS", Map.of("granted", true, "source", "store"))
			.expect(200);
		String survey = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys/from-template/touchpoint?code=" + survey + "&publish=true", "")
			.expect(201);
		Map<String, Object> answers = new HashMap<>();
		answers.put("nps", 3);
		answers.put("csat", 2);
		answers.put("ces", 3);
		answers.put("sem-feel", 2);
		answers.put("comment", "Queue too long " + SCRIPT);
		this.api.admin()
			.post("/api/v1/surveys/" + survey + "/responses",
					Map.of("customer", customer, "unit", store, "answers", answers, "responseKey", Api.unique("k")))
			.expect(201);
		Map<String, Object> caseBody = new HashMap<>();
		caseBody.put("source", Map.of("type", "MANUAL"));
		caseBody.put("customer", customer);
		caseBody.put("unit", store);
		caseBody.put("severity", "MEDIUM");
		caseBody.put("title", "Call back " + SCRIPT);
		long caseId = this.api.admin().post("/api/v1/cases", caseBody).expect(201).json().get("id").asLong();

		String segment = Api.unique("seg");
		this.api.admin()
			.put("/api/v1/segments/" + segment,
					Map.of("name", Map.of("zh-CN", "门店客户 " + SCRIPT, "en", "Store customers " + SCRIPT), "rule",
							Map.of("unit", store)))
			.expect(201);

		Account manager = fixtures.user("UNIT_MANAGER", store, "en");
		WebSession session = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		String found = session.page("/customers?q=" + WebSession.encode(customer), 200);
		assertThat(found).contains("data-customer=\"" + customer + "\"").contains(ESCAPED).doesNotContain(SCRIPT);
		String profile = session.page("/customers/" + customer, 200);
		assertThat(profile).contains("data-page=\"customer\"")
			.contains("data-kind=\"RESPONSE\"")
			.contains("data-kind=\"CASE\"")
			.contains("href=\"/cases/" + caseId + "\"")
			// the comment is marked clause by clause; the text analysis ends the clause
			// before
			// the closing tag
			.contains("Queue too long &lt;script&gt;alert(1)")
			.contains("&lt;/script&gt;")
			.contains("NPS 3")
			.contains("data-channel=\"SMS\"")
			.contains("Granted")
			.contains("data-segment=\"" + segment + "\"")
			.contains("Store customers " + ESCAPED)
			.doesNotContain(SCRIPT);

		Account chinese = fixtures.user("UNIT_MANAGER", store, "zh-CN");
		assertThat(WebSession.signedIn(this.api, chinese.username(), chinese.password(), "zh-CN")
			.page("/customers/" + customer, 200)).contains("时间线").contains("已授权").contains("所属分群");

		String elsewhere = fixtures.unit("co", null, "COMPANY", "别处", "Elsewhere");
		Account stranger = fixtures.user("UNIT_MANAGER", elsewhere, "en");
		WebSession other = WebSession.signedIn(this.api, stranger.username(), stranger.password(), "en");
		assertThat(other.page("/customers/" + customer, 404)).doesNotContain("alert(1)");
		assertThat(other.page("/customers?q=" + WebSession.encode(customer), 200))
			.doesNotContain("data-customer=\"" + customer + "\"");
	}

}
