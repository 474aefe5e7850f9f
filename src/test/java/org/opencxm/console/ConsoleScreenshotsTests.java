package org.opencxm.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Draws the screenshots of the documentation from a small sample organisation. Runs only
 * when asked, on its own fresh database:
 * {@code ./mvnw test -Dtest=ConsoleScreenshotsTests -Dopencxm.screenshots=docs/images}.
 */
@ApplicationTest
@EnabledIfSystemProperty(named = "opencxm.screenshots", matches = ".+")
class ConsoleScreenshotsTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	Api api;

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

		this.browser.size(1280, 860);
		this.browser.open(this.api.baseUrl() + "/login");
		this.browser.type("#username", "li.wei").type("#password", "screenshot-password");
		this.browser.find("main form button[type=submit]").click();
		this.browser.await("main[data-page=overview]");
		this.browser.screenshot(folder.resolve("console-home.png"));

		this.browser.open(this.api.baseUrl() + "/admin/units");
		this.browser.await("main[data-page=units]");
		this.browser.screenshot(folder.resolve("console-units.png"));

		this.browser.size(375, 812);
		this.browser.open(this.api.baseUrl() + "/admin/units");
		this.browser.await("main[data-page=units]");
		this.browser.screenshot(folder.resolve("console-units-phone.png"));
	}

}
