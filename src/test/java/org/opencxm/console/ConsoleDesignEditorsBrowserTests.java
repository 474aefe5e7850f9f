package org.opencxm.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The design pages in a real browser: the live count of a segment rule follows the typing
 * in its rows and as JSON, a touchpoint added in the journey editor appears on the
 * journey map, a condition row is added in place, and the pages fit a phone.
 */
@ApplicationTest
class ConsoleDesignEditorsBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	Api api;

	@Test
	void theLiveCountOfASegmentFollowsTheRuleAsItIsTyped() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "公司", "Company");
		for (String tier : List.of("VIP", "VIP", "LOW")) {
			this.api.admin()
				.put("/api/v1/customers/" + Api.unique("c"), Map.of("homeUnitCode", company, "valueTier", tier))
				.expect(201);
		}
		signIn(fixtures.user("CX_MANAGER", null, "en"));
		this.browser.open(url("/design/segments/new"));
		this.browser.await("#live-count");

		choose("[name='rows[0].subject']", "unit");
		this.browser.type("[name='rows[0].value']", company);
		this.browser.await("#live-count[data-count='3']");
		this.browser.find("[data-rule-action=add]").click();
		this.browser.await("[name='rows[1].subject']");
		assertThat(this.browser.find("[name='rows[0].value']").getAttribute("value")).isEqualTo(company);
		this.browser.type("[name='rows[1].value']", "VIP");
		this.browser.await("#live-count[data-count='2']");
		assertThat(this.browser.findAll("#segment-preview .sample li")).hasSize(2);
		this.browser.find("[name='rows[1].negate']").click();
		this.browser.await("#live-count[data-count='1']");
		this.browser.find("[name='rows[1].negate']").click();
		this.browser.await("#live-count[data-count='2']");

		this.browser.find("[data-rule-action=json]").click();
		this.browser.await("#rule");
		assertThat(this.browser.find("#rule").getAttribute("value")).contains("\"unit\" : \"" + company + "\"");
		this.browser.type("#rule", "{\"unit\": ");
		this.browser.await("#segment-preview [data-preview=invalid]");
		assertThat(this.browser.findAll("#live-count")).isEmpty();

		String code = Api.unique("sg");
		this.browser.type("#rule",
				"{\"all\": [{\"unit\": \"" + company + "\"}, {\"field\": \"valueTier\", \"in\": [\"LOW\"]}]}");
		this.browser.await("#live-count[data-count='1']");
		this.browser.find("[data-rule-action=rows]").click();
		this.browser.await("[name='rows[1].value'][value='LOW']");
		this.browser.await("#live-count[data-count='1']");
		this.browser.type("#code", code).type("#nameZh", "低价值客户").type("#nameEn", "Low tier");
		this.browser.find("#segment-form .form-actions button[type=submit]").click();
		this.browser.await("tr[data-segment='" + code + "']");
		assertThat(this.api.admin().get("/api/v1/segments/" + code + "/count").expect(200).json().get("count").asLong())
			.isEqualTo(1);
	}

	/** Picks an option and tells the page, as a user's choice would. */
	private void choose(String select, String value) {
		this.browser.script("var s = document.querySelector(arguments[0]); s.value = arguments[1];"
				+ " s.dispatchEvent(new Event('input', {bubbles: true}));"
				+ " s.dispatchEvent(new Event('change', {bubbles: true}));", select, value);
	}

	@Test
	void aTouchpointAddedInTheJourneyEditorAppearsOnTheJourneyMap() {
		String journey = Api.unique("jr");
		this.api.admin()
			.post("/api/v1/journeys",
					Map.of("code", journey, "name", Map.of("zh-CN", "购车", "en", "Car buying"), "stages",
							List.of(Map.of("code", "visit", "name", Map.of("zh-CN", "到店", "en", "Visit")),
									Map.of("code", "buy", "name", Map.of("zh-CN", "购买", "en", "Buy")))))
			.expect(201);
		signIn(new ConsoleFixtures(this.api).user("CX_MANAGER", null, "en"));
		this.browser.open(url("/design/journeys"));
		this.browser.await("tr[data-journey='" + journey + "'] a").click();
		this.browser.await("main[data-page=journey-editor] [data-stage=visit] > a.button").click();
		this.browser.await("main[data-page=touchpoint-editor]");

		String touchpoint = Api.unique("tp");
		this.browser.type("#code", touchpoint).type("#nameZh", "展厅接待").type("#nameEn", "Showroom reception");
		this.browser.type("#weight", "2");
		this.browser.find("input[name=semModules][value=FEEL]").click();
		this.browser.find("button[name=op][value=add]").click();
		this.browser.type("[name='standardActions[0].code']", "greet")
			.type("[name='standardActions[0].nameZh']", "迎")
			.type("[name='standardActions[0].nameEn']", "Greet");
		this.browser.find("#touchpoint-form .form-actions button[type=submit]").click();
		this.browser.await("main[data-page=journey-editor] [data-touchpoint='" + touchpoint + "']");
		assertThat(this.browser.text(".notice")).contains(touchpoint);

		this.browser.find("main[data-page=journey-editor] .page-header a.button").click();
		this.browser.await("main[data-page=journey-map] [data-stage=visit] [data-touchpoint='" + touchpoint + "']");
		assertThat(this.browser.text("[data-stage=visit]")).contains("Showroom reception");
	}

	@Test
	void aConditionRowIsAddedInPlaceAndTheDesignPagesFitAPhone() {
		signIn(new ConsoleFixtures(this.api).user("CX_MANAGER", null, "en"));
		this.browser.open(url("/design/alert-rules/new"));
		this.browser.await("[name='rows[0].field']");
		this.browser.find("button[name=op][value=add]").click();
		this.browser.await("[name='rows[1].field']");
		assertThat(this.browser.currentPath()).isEqualTo("/design/alert-rules/new");
		assertThat(this.browser.find("#code").getAttribute("value")).isEmpty();

		this.browser.size(375, 812);
		for (String path : new String[] { "/design/journeys", "/design/journeys/new", "/design/alert-rules",
				"/design/alert-rules/new", "/design/segments", "/design/segments/new" }) {
			this.browser.open(url(path));
			this.browser.await("main[data-page]");
			Object width = this.browser.script("return document.documentElement.scrollWidth");
			assertThat(((Number) width).intValue()).as("page width of %s", path).isLessThanOrEqualTo(375);
		}
	}

	private void signIn(Account account) {
		this.browser.open(url("/login"));
		this.browser.type("#username", account.username()).type("#password", account.password());
		this.browser.find("main form button[type=submit]").click();
		this.browser.await("main[data-page=overview]");
	}

	private String url(String path) {
		return this.api.baseUrl() + path;
	}

}
