package org.opencxm.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Draws the screenshots of the documentation from a small sample organisation. Runs only
 * when asked, on its own fresh database:
 * {@code ./mvnw test -Dtest=ConsoleScreenshotsTests -Dopencxm.screenshots=docs/images}.
 */
import static org.awaitility.Awaitility.await;

@ApplicationTest
@EnabledIfSystemProperty(named = "opencxm.screenshots", matches = ".+")
class ConsoleScreenshotsTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	/**
	 * Survey responses at the sample stores over the last 180 days, each store with its
	 * own level and trend, so that the dashboards have something to show.
	 */
	private int responses(String survey, List<String> stores) {
		int posted = 0;
		java.util.Random random = new java.util.Random(7);
		java.time.Instant now = java.time.Instant.now();
		for (int s = 0; s < stores.size(); s++) {
			double base = 5.5 + s * 0.6;
			for (int day = 178; day >= 0; day -= 2) {
				double drift = ((s % 2 == 0) ? 1.5 : -1.0) * (178 - day) / 178.0;
				for (int i = 0; i < 3; i++) {
					int staff = clamp((int) Math.round(base + drift + random.nextGaussian() * 1.6), 1, 7);
					int wait = clamp((int) Math.round(base - 0.5 + random.nextGaussian() * 1.8), 1, 7);
					int feel = clamp((int) Math.round((staff + wait) / 2.0 + random.nextGaussian()), 1, 7);
					int nps = clamp((int) Math.round(0.9 * staff + 0.5 * wait - 1.5 + random.nextGaussian()), 0, 10);
					Map<String, Object> answers = new java.util.HashMap<>();
					answers.put("nps", nps);
					answers.put("csat", clamp((staff + wait) / 3 + 1, 1, 5));
					answers.put("ces", wait);
					answers.put("sem-feel", feel);
					answers.put("sem-think", clamp(staff - 1, 1, 7));
					answers.put("intensity", clamp(feel + 1, 1, 7));
					answers.put("participation", clamp(staff, 1, 7));
					this.api.admin()
						.post("/api/v1/surveys/" + survey + "/responses",
								Map.of("unit", stores.get(s), "answers", answers, "responseKey", Api.unique("k"),
										"submittedAt", now.minus(java.time.Duration.ofDays(day)).toString()))
						.expect(201);
					posted++;
				}
			}
		}
		return posted;
	}

	/**
	 * A store visit journey: touchpoints under four stages, each with its own level,
	 * answered at the sample stores, and contacts that thin out stage by stage for the
	 * funnel.
	 */
	private int journey(String journey, String survey, List<String> stores) {
		List<Map<String, Object>> stages = List.of(
				Map.of("code", "discover", "name", Map.of("zh-CN", "认知", "en", "Discover")),
				Map.of("code", "visit", "name", Map.of("zh-CN", "到店", "en", "Visit")),
				Map.of("code", "buy", "name", Map.of("zh-CN", "购买", "en", "Buy")),
				Map.of("code", "after-sale", "name", Map.of("zh-CN", "售后", "en", "After sale")));
		this.api.admin()
			.post("/api/v1/journeys",
					Map.of("code", journey, "name", Map.of("zh-CN", "门店购物旅程", "en", "Store shopping journey"), "stages",
							stages))
			.expect(201);
		// stage, code, Chinese and English name, weight, channel, level of its scores
		List<Object[]> touchpoints = List.of(
				new Object[] { "discover", "hx-ad", "线上广告", "Online ads", 0.5, "WEB", 0.4 },
				new Object[] { "discover", "hx-app", "会员小程序", "Member mini program", 1.0, "WECHAT", 0.9 },
				new Object[] { "visit", "hx-greet", "迎宾", "Greeting", 1.5, "STORE", 1.2 },
				new Object[] { "visit", "hx-fitting", "试衣", "Fitting room", 1.0, "STORE", -0.8 },
				new Object[] { "buy", "hx-checkout", "收银", "Checkout", 2.0, "STORE", -1.4 },
				new Object[] { "buy", "hx-pay", "移动支付", "Mobile payment", 0.5, "APP", 1.0 },
				new Object[] { "after-sale", "hx-return", "退换货", "Returns", 1.5, "STORE", -0.3 },
				new Object[] { "after-sale", "hx-hotline", "客服热线", "Service hotline", 1.0, "PHONE", 0.2 });
		for (Object[] t : touchpoints) {
			this.api.admin()
				.post("/api/v1/touchpoints", Map.of("code", t[1], "journeyCode", journey, "stageCode", t[0], "name",
						Map.of("zh-CN", t[2], "en", t[3]), "contactType", "PERSONNEL", "channel", t[5],
						"brandExperienceLevel", "SERVICE", "weight", t[4], "semModules", List.of("FEEL", "ACT")))
				.expect(201);
		}
		java.util.Random random = new java.util.Random(11);
		java.time.Instant now = java.time.Instant.now();
		int posted = 0;
		for (Object[] t : touchpoints) {
			double level = (double) t[6];
			for (int i = 0; i < 36; i++) {
				String store = stores.get(i % stores.size());
				double mood = level + random.nextGaussian() * 1.3;
				Map<String, Object> answers = new java.util.HashMap<>();
				answers.put("nps", clamp((int) Math.round(7.5 + 1.5 * mood), 0, 10));
				answers.put("csat", clamp((int) Math.round(3.6 + 0.8 * mood), 1, 5));
				answers.put("ces", clamp((int) Math.round(4.5 + mood), 1, 7));
				answers.put("sem-feel", clamp((int) Math.round(4.8 + mood), 1, 7));
				answers.put("sem-act", clamp((int) Math.round(4.2 + mood), 1, 7));
				this.api.admin()
					.post("/api/v1/surveys/" + survey + "/responses",
							Map.of("unit", store, "touchpoint", t[1], "answers", answers, "responseKey",
									Api.unique("k"), "submittedAt",
									now.minus(java.time.Duration.ofDays(1 + i * 2L)).toString()))
					.expect(201);
				posted++;
			}
		}
		List<Map<String, Object>> contacts = new java.util.ArrayList<>();
		String[] path = { "hx-app", "hx-greet", "hx-checkout", "hx-hotline" };
		double[] reach = { 1.0, 0.72, 0.46, 0.21 };
		for (int c = 0; c < 400; c++) {
			double p = random.nextDouble();
			for (int stage = 0; stage < path.length && p < reach[stage]; stage++) {
				contacts.add(Map.of("eventId", "shot-" + c + "-" + stage, "customer", "shot-c" + c, "touchpoint",
						path[stage], "unit", stores.get(c % stores.size()), "occurredAt",
						now.minus(java.time.Duration.ofDays(40 - stage * 6L)).toString()));
			}
		}
		this.api.admin().post("/api/v1/interactions/batch", Map.of("items", contacts)).expect(200);
		return posted;
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

	@Test
	void drawsTheHomeAndOrgUnitPages() {
		Path folder = Path.of(System.getProperty("opencxm.screenshots"));
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		fixtures.unitWithCode("hx", null, "COMPANY", "华夏零售集团", "Huaxia Retail Group");
		fixtures.unitWithCode("hx-east", "hx", "REGION", "华东大区", "East China");
		fixtures.unitWithCode("hx-sh-01", "hx-east", "STORE", "上海南京路店", "Shanghai Nanjing Road");
		fixtures.unitWithCode("hx-hz-01", "hx-east", "STORE", "杭州西湖店", "Hangzhou West Lake");
		fixtures.unitWithCode("hx-south", "hx", "REGION", "华南大区", "South China");
		fixtures.unitWithCode("hx-gz-01", "hx-south", "STORE", "广州天河店", "Guangzhou Tianhe");
		fixtures.unitWithCode("hx-sz-01", "hx-south", "STORE", "深圳南山店", "Shenzhen Nanshan");
		fixtures.unitWithCode("hx-sz-care", "hx-sz-01", "TEAM", "南山客服组", "Nanshan care team");
		fixtures.unitWithCode("hx-online", "hx", "BRANCH", "线上商城", "Online store");
		fixtures.unitWithCode("hx-hq-cx", "hx", "DEPARTMENT", "客户体验部", "Customer experience office");
		this.api.admin()
			.put("/api/v1/org-units/hx-hk", Map.of("code", "hx-hk", "parentCode", "hx", "kind", "REGION", "name",
					Map.of("zh-CN", "香港区", "en", "Hong Kong"), "timeZone", "Asia/Hong_Kong"));
		this.api.admin()
			.post("/api/v1/users", Map.of("username", "li.wei", "displayName", "Li Wei", "email", "li.wei@example.com",
					"password", "screenshot-password", "roles", List.of("ADMIN", "CX_MANAGER"), "locale", "en"));
		this.api.admin()
			.post("/api/v1/users", Map.of("username", "chen.jing", "displayName", "Chen Jing", "password",
					"screenshot-password", "roles", List.of("UNIT_MANAGER"), "scopeUnitCode", "hx-east"));
		this.api.basic("li.wei", "screenshot-password").post("/api/v1/tokens", Map.of("name", "BI export")).expect(201);

		this.api.admin().post("/api/v1/surveys/from-template/touchpoint?code=hx-visit&publish=true", "").expect(201);
		List<String> stores = List.of("hx-sh-01", "hx-hz-01", "hx-gz-01", "hx-sz-01");
		int posted = responses("hx-visit", stores) + journey("hx-shopping", "hx-visit", stores);
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> this.jdbc.sql("""
				select coalesce(sum(d.responses), 0) from analytics_daily d
				join survey s on s.id = d.survey_id where s.code = 'hx-visit'
				""").query(Long.class).single() == posted);

		this.browser.size(1280, 860);
		this.browser.open(this.api.baseUrl() + "/login");
		this.browser.type("#username", "li.wei").type("#password", "screenshot-password");
		this.browser.find("main form button[type=submit]").click();
		this.browser.await("main[data-page=overview]");
		this.browser.await("[data-trend=nps] .chart[data-drawn=true]");
		this.browser.size(1280, 1500);
		this.browser.screenshot(folder.resolve("console-home.png"));

		this.browser.open(this.api.baseUrl() + "/key-experiences?survey=hx-visit&period=365d");
		this.browser.await("main[data-page=key-experiences] .chart[data-drawn=true]");
		this.browser.screenshot(folder.resolve("console-key-experiences.png"));

		this.browser.open(this.api.baseUrl() + "/journeys/hx-shopping?period=90d");
		this.browser.await("[data-section=funnel] .chart[data-drawn=true]");
		this.browser.screenshot(folder.resolve("console-journey-map.png"));

		this.browser.open(this.api.baseUrl() + "/units?period=90d");
		this.browser.await("main[data-page=units-ranking] .chart[data-drawn=true]");
		this.browser.screenshot(folder.resolve("console-ranking.png"));
		this.browser.size(1280, 860);

		this.browser.open(this.api.baseUrl() + "/admin/units");
		this.browser.await("main[data-page=units]");
		this.browser.screenshot(folder.resolve("console-units.png"));

		this.browser.size(375, 812);
		this.browser.open(this.api.baseUrl() + "/admin/units");
		this.browser.await("main[data-page=units]");
		this.browser.screenshot(folder.resolve("console-units-phone.png"));

		this.browser.open(this.api.baseUrl() + "/?period=90d");
		this.browser.await("[data-trend=nps] .chart[data-drawn=true]");
		this.browser.screenshot(folder.resolve("console-overview-phone.png"));

		WebSession session = WebSession.signedIn(this.api, "li.wei", "screenshot-password", "en");
		for (String path : List.of("/?period=90d", "/?period=365d", "/key-experiences?survey=hx-visit&period=365d",
				"/units?period=365d", "/units/hx-east?period=90d", "/journeys/hx-shopping?period=90d",
				"/touchpoints/hx-checkout?period=90d", "/cases", "/customers")) {
			long[] nanos = new long[40];
			for (int i = -5; i < nanos.length; i++) {
				long start = System.nanoTime();
				session.page(path, 200);
				if (i >= 0) {
					nanos[i] = System.nanoTime() - start;
				}
			}
			java.util.Arrays.sort(nanos);
			System.out.printf("RENDER %-45s p50 %5.1f ms  p95 %5.1f ms%n", path, nanos[19] / 1e6, nanos[37] / 1e6);
		}
	}

}
