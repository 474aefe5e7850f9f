package org.opencxm.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey list, the journey map with its funnel, and a touchpoint's page, in both
 * languages, with customer-supplied text escaped and other units' data out of reach.
 */
@ApplicationTest
class ConsoleJourneysTests {

	private static final String SCRIPT = "<script>alert('x')</script>";

	@Autowired
	Api api;

	@Autowired
	Clock clock;

	@Test
	void showsTheMapTheFunnelAndATouchpointInBothLanguages() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "公司", "Company");
		String store = fixtures.unit("st", company, "STORE", "门店", "Store");
		String other = fixtures.unit("ot", company, "STORE", "另一门店", "Other store");
		JourneyData data = new JourneyData(this.api);
		String journey = data.journey(Map.of("zh-CN", "购车旅程", "en", "Car buying"), "visit", "buy");
		String reception = data.touchpoint(journey, "visit", null, Map.of("zh-CN", "接待", "en", "Reception"), 3.0);
		String greeting = data.touchpoint(journey, "visit", reception, Map.of("zh-CN", SCRIPT, "en", SCRIPT), 1.0);
		String payment = data.touchpoint(journey, "buy", null, Map.of("zh-CN", "付款", "en", "Payment"), 1.0);
		int[][] scores = { { 9, 5, 6 }, { 3, 2, 2 }, { 10, 4, 7 }, { 6, 3, 4 } };
		for (int[] score : scores) {
			data.respond(greeting, store, score[0], score[1], score[2], SCRIPT);
		}
		data.respond(payment, store, 8, 4, 5, "fine");
		Map<String, String> quality = Map.of("zh-CN", "房屋质量", "en", "Build quality " + SCRIPT);
		data.respondGap(greeting, store, 5, 3, quality);
		data.respondGap(greeting, store, 4, 3, quality);
		Map<String, Object> body = new HashMap<>();
		body.put("source", Map.of("type", "MANUAL"));
		body.put("unit", store);
		body.put("touchpoint", greeting);
		body.put("severity", "HIGH");
		body.put("title", "Case " + SCRIPT);
		long caseId = this.api.admin().post("/api/v1/cases", body).expect(201).json().get("id").asLong();
		data.awaitStage(journey, 0, scores.length + 2);
		data.awaitStage(journey, 1, 1);
		Instant now = this.clock.instant();
		String buyer = Api.unique("c");
		data.contact(buyer, greeting, store, now.minus(Duration.ofDays(3)));
		data.contact(buyer, payment, store, now.minus(Duration.ofDays(2)));
		data.contact(Api.unique("c"), reception, store, now.minus(Duration.ofDays(2)));
		data.awaitFunnel(journey, 2);

		Account manager = fixtures.user("CX_MANAGER", null, "en");
		WebSession english = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		assertThat(english.page("/journeys", 200)).contains("data-page=\"journeys\"")
			.contains("href=\"/journeys/" + journey + "\"")
			.contains("Car buying");
		String map = english.page("/journeys/" + journey + "?period=30d&unit=" + company, 200);
		assertThat(map).contains("data-page=\"journey-map\"")
			.contains("<h1>Car buying</h1>")
			.contains("data-stage=\"visit\"")
			.contains("data-touchpoint=\"" + reception + "\"")
			.contains("data-touchpoint=\"" + greeting + "\"")
			.contains("href=\"/touchpoints/" + greeting + "?period=30d&amp;unit=" + company + "\"")
			.contains("data-metric=\"journey-index\"")
			.contains("data-section=\"funnel\"")
			.contains("id=\"funnel-table\"")
			.contains("&quot;type&quot;:&quot;bars&quot;")
			.containsPattern(
					"data-stage=\"buy\">\\s*<td>Stage buy</td>\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">50%</td>\\s*<td class=\"num\">1.0</td>")
			.contains("Stage funnel")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain(SCRIPT);

		assertThat(map).doesNotContain("data-filtered=");
		// The responses came without a customer: no VIP among them, and the funnel stays.
		String vips = english.page("/journeys/" + journey + "?period=30d&unit=" + company + "&value-tier=VIP", 200);
		assertThat(vips).contains("data-touchpoint=\"" + greeting + "\" data-band=\"none\"")
			.contains("<option value=\"VIP\" selected=\"selected\">VIP</option>")
			.contains("data-filtered=\"true\"")
			.contains("href=\"/touchpoints/" + greeting + "?period=30d&amp;unit=" + company + "&amp;value-tier=VIP\"")
			.containsPattern("data-stage=\"buy\">\\s*<td>Stage buy</td>\\s*<td class=\"num\">1</td>");
		assertThat(english.page("/journeys/" + journey + "?value-tier=NOBODY", 422)).contains("data-status=\"422\"");

		String vipTouchpoint = english.page("/touchpoints/" + greeting + "?period=30d&value-tier=VIP", 200);
		assertThat(vipTouchpoint).contains("data-filtered=\"true\"")
			.contains("<option value=\"VIP\" selected=\"selected\">VIP</option>")
			.containsPattern("data-section=\"levels\">(?:(?!</section>)[\\s\\S])*No responses in this period")
			.contains("data-section=\"expectation-gaps\"")
			.containsPattern("data-attribute=\"build-quality\"[\\s\\S]*?<td class=\"num\">-1.50</td>");

		String touchpoint = english.page("/touchpoints/" + greeting + "?period=30d", 200);
		assertThat(touchpoint).contains("data-page=\"touchpoint\"")
			.contains("data-section=\"sem\"")
			.contains("data-module=\"feel\"")
			.contains("class=\"area\"")
			.contains("data-action=\"greet\"")
			.contains("data-case=\"" + caseId + "\"")
			.contains("&quot;type&quot;:&quot;trend&quot;")
			.contains("data-section=\"expectation-gaps\"")
			.contains("&quot;type&quot;:&quot;gaps&quot;")
			.containsPattern("data-attribute=\"build-quality\"[^>]*>\\s*<td>\\s*<span>Build quality &lt;script&gt;"
					+ "alert\\(&#39;x&#39;\\)&lt;/script&gt;</span>[\\s\\S]*?<td class=\"num\">-1.50</td>[\\s\\S]*?"
					+ "<td class=\"num\">2</td>")
			.contains("Latest comments")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain(SCRIPT);

		Account chinese = fixtures.user("CX_MANAGER", null, "zh-CN");
		WebSession zh = WebSession.signedIn(this.api, chinese.username(), chinese.password(), "zh-CN");
		assertThat(zh.page("/journeys/" + journey, 200)).contains("<h1>购车旅程</h1>").contains("阶段漏斗").contains("旅程指数");
		assertThat(zh.page("/touchpoints/" + greeting, 200)).contains("战略体验模块")
			.contains("标准动作")
			.contains("最新评论")
			.contains("期望差距")
			.contains("<span>房屋质量</span>");
		assertThat(english.page("/touchpoints/" + payment + "?period=30d", 200))
			.contains("No expectation questions were answered at this touchpoint in this period.")
			.doesNotContain("data-attribute=");

		english.page("/journeys/" + Api.unique("none"), 404);
		english.page("/touchpoints/" + Api.unique("none"), 404);

		Account scoped = fixtures.user("UNIT_MANAGER", other, "en");
		WebSession unitManager = WebSession.signedIn(this.api, scoped.username(), scoped.password(), "en");
		unitManager.page("/journeys/" + journey + "?unit=" + store, 404);
		unitManager.page("/touchpoints/" + greeting + "?unit=" + store, 404);
		assertThat(unitManager.page("/touchpoints/" + greeting, 200)).doesNotContain("data-case=\"" + caseId + "\"")
			.doesNotContain("data-attribute=\"build-quality\"")
			.doesNotContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>");
	}

}
