package org.opencxm.console;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;
import org.opencxm.evaluation.ExperienceLevel;
import org.opencxm.evaluation.ResponseEvaluations;
import org.opencxm.evaluation.StoredEvaluations;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards in a real browser: a CX manager reads the overview with its charts and
 * their tables, opens the journey map and a touchpoint on it, and an agent resolves a
 * case with a root cause and sees the loop metric change.
 */
@ApplicationTest
class ConsoleDashboardBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	Api api;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ResponseEvaluations evaluations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aManagerSignsInAndReadsTheOverview() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "浏览器公司", "Browser company");
		String store = fixtures.unit("st", company, "STORE", "浏览器门店", "Browser store");
		DashboardData data = new DashboardData(new StoredEvaluations(this.evaluations, this.transactions, this.events),
				this.jdbc, this.clock);
		data.responses(store, 40, 30, 6, 3, 4, ExperienceLevel.LOW);
		data.responses(store, 4, 30, 9, 5, 6, ExperienceLevel.HIGH);
		data.awaitRolledUp(store, 60);
		Account manager = fixtures.user("CX_MANAGER", company, "en");

		signIn(manager);
		assertThat(this.browser.text("main h1")).isEqualTo("Overview");
		new Select(this.browser.find("#period")).selectByValue("30d");
		this.browser.find("form.filters button[type=submit]").click();
		this.browser.until((driver) -> this.browser.currentPath().contains("period=30d") ? true : null);
		WebElement nps = this.browser.await(".headlines .stat[data-metric=nps]");
		assertThat(nps.getText()).contains("NPS").contains("95% CI").contains("n = 30");
		assertThat(nps.findElement(org.openqa.selenium.By.cssSelector(".sig")).getText()).startsWith("significant");
		this.browser.await("[data-trend=nps] .chart[data-drawn=true] svg");
		assertSavesThePng("[data-trend=nps] .chart-png", "Trend-of-NPS");
		this.browser.find("[data-trend=nps] details.chart-table summary").click();
		assertThat(this.browser.findAll("#trend-nps tbody tr")).isNotEmpty();
		assertThat(this.browser.text("#movers-table")).contains("Browser store");
		assertThat(this.browser.text("[data-section=loop]")).contains("Closed loop");
	}

	/**
	 * Clicks a chart's PNG button with the page's downloads caught, and checks that what
	 * it would save is a PNG picture named after the chart.
	 */
	private void assertSavesThePng(String button, String name) {
		this.browser
			.script("""
					window.savedFile = null;
					HTMLAnchorElement.prototype.click = function () {
					  var file = this.download;
					  fetch(this.href).then(function (r) { return r.arrayBuffer(); }).then(function (buffer) {
					    var bytes = new Uint8Array(buffer);
					    window.savedFile = file + ' ' + String.fromCharCode(bytes[1], bytes[2], bytes[3]) + ' ' + bytes.length;
					  });
					};
					""");
		this.browser.find(button).click();
		String saved = this.browser.until((driver) -> (String) this.browser.script("return window.savedFile;"));
		String[] parts = saved.split(" ");
		assertThat(parts[0]).startsWith(name).endsWith(".png");
		assertThat(parts[1]).isEqualTo("PNG");
		assertThat(Integer.parseInt(parts[2])).isGreaterThan(2000);
	}

	@Test
	void aManagerOpensTheJourneyMapAndATouchpoint() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "旅程公司", "Journey company");
		String store = fixtures.unit("st", company, "STORE", "旅程门店", "Journey store");
		JourneyData data = new JourneyData(this.api);
		String journey = data.journey(Map.of("zh-CN", "浏览器旅程", "en", "Browser journey"), "visit", "buy");
		String reception = data.touchpoint(journey, "visit", null, Map.of("zh-CN", "接待", "en", "Reception"), 2.0);
		data.touchpoint(journey, "buy", null, Map.of("zh-CN", "付款", "en", "Payment"), 1.0);
		data.respond(reception, store, 9, 5, 6, "Warm welcome");
		data.respond(reception, store, 4, 2, 3, "Nobody came to the door");
		Map<String, String> quality = Map.of("zh-CN", "接待质量", "en", "Quality of the welcome");
		data.respondGap(reception, store, 6, 3, quality);
		data.respondGap(reception, store, 5, 4, quality);
		data.awaitStage(journey, 0, 4);
		data.contact(Api.unique("c"), reception, store, this.clock.instant().minusSeconds(3600));
		data.awaitFunnel(journey, 1);
		Account manager = fixtures.user("CX_MANAGER", company, "en");

		signIn(manager);
		this.browser.find(".mainnav a[href='/journeys']").click();
		this.browser.await("main[data-page=journeys]");
		this.browser.await("li[data-journey='" + journey + "'] a").click();
		this.browser.await("main[data-page=journey-map]");
		assertThat(this.browser.text("main h1")).isEqualTo("Browser journey");
		assertThat(this.browser.findAll(".journey-stage")).hasSize(2);
		assertThat(this.browser.text("li[data-touchpoint='" + reception + "']")).contains("Reception")
			.contains("CSAT 3.50");
		assertThat(this.browser.findAll("#funnel-table tbody tr")).hasSize(2);
		this.browser.await("[data-section=funnel] .chart[data-drawn=true] svg");
		this.browser.size(375, 812);
		assertFitsThePhone();
		this.browser.find("li[data-touchpoint='" + reception + "'] a").click();
		this.browser.await("main[data-page=touchpoint]");
		assertThat(this.browser.text("main h1")).isEqualTo("Reception");
		assertThat(this.browser.findAll("svg.radar polygon.area")).hasSize(1);
		assertThat(this.browser.text("[data-section=standard-actions]")).contains("Greet the customer");
		assertThat(this.browser.text("[data-section=comments]")).contains("Nobody came to the door");
		this.browser.await("[data-section=trend] .chart[data-drawn=true] svg");
		this.browser.await("[data-section=expectation-gaps] .chart[data-drawn=true] svg");
		assertThat(this.browser.text("[data-section=expectation-gaps] .chart")).contains("Quality of the welcome");
		assertThat(this.browser.text("#gaps-table tbody")).contains("-2.00");
		assertFitsThePhone();
	}

	@Test
	void anAgentResolvesACaseWithARootCauseAndTheLoopMetricChanges() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "闭环公司", "Loop company");
		String store = fixtures.unit("st", company, "STORE", "闭环门店", "Loop store");
		Account agent = fixtures.user("AGENT", store, "en");
		Map<String, Object> body = new HashMap<>();
		body.put("source", Map.of("type", "MANUAL"));
		body.put("unit", store);
		body.put("severity", "HIGH");
		body.put("title", "Waited forty minutes at the checkout");
		long caseId = this.api.admin().post("/api/v1/cases", body).expect(201).json().get("id").asLong();

		signIn(agent);
		this.browser.open(url("/?period=7d&unit=" + store));
		assertThat(this.browser.text("[data-section=loop] [data-figure=closure]")).contains("0%").contains("0 of 1");

		this.browser.find(".mainnav a[href='/cases']").click();
		this.browser.await("main[data-page=cases]");
		this.browser.await("tr[data-case='" + caseId + "'] a").click();
		this.browser.await("main[data-page=case]");
		assertThat(this.browser.text("main h1")).contains("Waited forty minutes");
		new Select(this.browser.find("#rootCause")).selectByValue("service-attitude");
		this.browser.find("#apology1").click();
		this.browser.type("#fix", "Coached the cashier");
		this.browser.find("#resolve-form button[type=submit]").click();
		this.browser.await("main[data-page=case][data-status=RESOLVED]");
		assertThat(this.browser.text(".notice")).isEqualTo("The case was resolved.");
		assertThat(this.browser.text("[data-field=root-cause]")).isNotBlank();
		assertThat(this.browser.findAll("#history li[data-kind=RESOLVED]")).hasSize(1);

		this.browser.open(url("/?period=7d&unit=" + store));
		assertThat(this.browser.text("[data-section=loop] [data-figure=closure]")).contains("100%").contains("1 of 1");
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

	/**
	 * The page is no wider than the phone, once the charts have redrawn for the new
	 * window size (they resize on the window's resize event, a moment after it).
	 */
	private void assertFitsThePhone() {
		this.browser.until((driver) -> (((Number) this.browser.script("return document.documentElement.scrollWidth"))
			.longValue() <= 375) ? Boolean.TRUE : null);
		assertThat(this.browser.script("return document.documentElement.scrollWidth")).isEqualTo(375L);
	}

}
