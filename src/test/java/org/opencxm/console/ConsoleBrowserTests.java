package org.opencxm.console;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.TestDatabaseEnvironment;
import org.opencxm.console.ConsoleFixtures.Account;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: sign-in, language, the admin pages, tokens, scope and
 * the phone layout.
 */
@ApplicationTest
class ConsoleBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	Api api;

	ConsoleFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new ConsoleFixtures(this.api);
	}

	@Test
	void adminSignsInAfterAWrongPasswordAndSeesTheHomePage() {
		this.browser.open(url("/admin/units"));
		this.browser.await("main[data-page=login]");
		assertThat(this.browser.find("html").getAttribute("lang")).isEqualTo("en");
		submitLogin("admin", "not-the-password");
		assertThat(this.browser.text(".alert-error")).isEqualTo("The user name or password is not correct.");

		submitLogin("admin", TestDatabaseEnvironment.ADMIN_PASSWORD);
		this.browser.await("main[data-page=units]");
		this.browser.open(url("/"));
		this.browser.await("main[data-page=overview]");
		assertThat(this.browser.text("main .page-header p.muted")).contains("Administrator");
		assertThat(this.browser.text(".usermenu .username")).isEqualTo("Administrator");
		assertThat(this.browser.findAll(".mainnav a")).hasSize(8);
		assertThat(this.browser.find(".mainnav a.current").getAttribute("aria-current")).isEqualTo("page");
		assertThat(this.browser.findAll(".linklist a[href='/swagger-ui.html']")).hasSize(1);
	}

	@Test
	void languageSwitchShowsThePageInTheOtherLanguageAndIsRememberedAtTheNextSignIn() {
		Account user = this.fixtures.user("VIEWER", null, "zh-CN");
		signIn(user);
		assertThat(this.browser.text("main .page-header p.muted")).isEqualTo("欢迎，" + user.displayName());
		assertThat(this.browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");

		this.browser.find(".langswitch button[value=en]").click();
		this.browser.until((driver) -> this.browser.text("main h1").equals("Overview") ? true : null);
		assertThat(this.browser.text("main .page-header p.muted")).isEqualTo("Welcome, " + user.displayName());
		assertThat(this.browser.text(".stats")).contains("NPS").contains("CSAT");
		assertThat(this.browser.currentPath()).isEqualTo("/");

		signOut();
		signIn(user);
		assertThat(this.browser.text("main .page-header p.muted")).isEqualTo("Welcome, " + user.displayName());

		this.browser.find(".langswitch button[value='zh-CN']").click();
		this.browser.until((driver) -> this.browser.text("main h1").equals("概览") ? true : null);
		assertThat(this.browser.text(".stats")).contains("净推荐值");
		signOut();
		signIn(user);
		assertThat(this.browser.text("main .page-header p.muted")).isEqualTo("欢迎，" + user.displayName());
	}

	@Test
	void createsAnOrgUnitThroughTheFormAndExplainsABadTimeZone() {
		String code = Api.unique("co");
		signIn("admin", TestDatabaseEnvironment.ADMIN_PASSWORD);
		this.browser.open(url("/admin/units"));
		this.browser.await("main[data-page=units] .page-header a.button-primary").click();
		this.browser.await("main[data-page=unit-form]");
		this.browser.type("#code", code)
			.type("#nameZh", "测试公司 " + code)
			.type("#nameEn", "Test company " + code)
			.type("#timeZone", "Mars/Olympus_Mons");
		new Select(this.browser.find("#kind")).selectByValue("COMPANY");
		new Select(this.browser.find("#parentCode")).selectByValue("");
		this.browser.find("form.stack button[type=submit]").click();

		WebElement error = this.browser.await("#timeZone-error");
		assertThat(error.getText()).contains("Asia/Shanghai");
		assertThat(this.browser.find("#timeZone").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.find("#timeZone").getAttribute("value")).isEqualTo("Mars/Olympus_Mons");
		assertThat(this.browser.find("#nameEn").getAttribute("value")).isEqualTo("Test company " + code);

		this.browser.type("#timeZone", "Europe/London");
		this.browser.find("form.stack button[type=submit]").click();
		WebElement row = this.browser.await("tr[data-code='" + code + "']");
		assertThat(row.getText()).containsAnyOf("Test company " + code, "测试公司 " + code).contains("Europe/London");
		assertThat(this.browser.find(".notice").getText()).contains(code);

		row.findElement(org.openqa.selenium.By.cssSelector("a.button-quiet")).click();
		this.browser.await("main[data-page=unit-form]");
		assertThat(new Select(this.browser.find("#parentCode")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(code);
		this.browser.type("#code", code + "-s1").type("#nameZh", "门店").type("#nameEn", "Store one");
		this.browser.find("form.stack button[type=submit]").click();
		WebElement store = this.browser.await("tr[data-code='" + code + "-s1']");
		assertThat(store.getText()).containsAnyOf("Store one", "门店").contains("Europe/London");
		assertThat(store.findElement(org.openqa.selenium.By.cssSelector("td.tree-name")).getAttribute("style"))
			.contains("--level: 1");
	}

	@Test
	void createsAUserWhoCreatesAndRevokesAnApiToken() {
		String username = Api.unique("agent");
		signIn("admin", TestDatabaseEnvironment.ADMIN_PASSWORD);
		this.browser.open(url("/admin/users/new"));
		this.browser.type("#username", username).type("#displayName", "Agent " + username).type("#password", "short");
		this.browser.find("input[name=roles][value=AGENT]").click();
		this.browser.find("form.stack button[type=submit]").click();
		assertThat(this.browser.await("#password-error").getText()).isNotBlank();

		this.browser.type("#password", "a-long-enough-password");
		this.browser.find("form.stack button[type=submit]").click();
		WebElement row = this.browser.await("tr[data-username='" + username + "']");
		assertThat(row.getText()).contains("Agent " + username);
		signOut();

		signIn(username, "a-long-enough-password");
		this.browser.find("details.usermenu summary").click();
		this.browser.await("details.usermenu a[href='/account/tokens']").click();
		this.browser.await("main[data-page=tokens]");
		this.browser.type("#name", "nightly export");
		this.browser.find("form.stack button[type=submit]").click();
		String token = this.browser.await("#issued-token").getAttribute("value");
		assertThat(token).startsWith("ocx_");
		this.api.as(token).get("/api/v1/users/me").expect(200);

		WebElement tokenRow = this.browser.await("tr[data-token='nightly export']");
		assertThat(tokenRow.getText()).contains(token.substring(0, 12));
		tokenRow.findElement(org.openqa.selenium.By.cssSelector("button.button-danger")).click();
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent())
			.accept();
		this.browser.await("tr[data-token='nightly export'] .status-off");
		assertThat(this.browser.findAll("tr[data-token='nightly export'] button.button-danger")).isEmpty();
		assertThat(this.browser.currentPath()).isEqualTo("/account/tokens");
		this.api.as(token).get("/api/v1/users/me").expect(401);

		this.browser.open(url("/account/tokens"));
		assertThat(this.browser.findAll("#issued-token")).isEmpty();
	}

	@Test
	void scopedAdminSeesItsSubtreeAndCannotOpenAnotherUnitByEditingTheUrl() {
		String mine = this.fixtures.unit("co", null, "COMPANY", "我的公司", "My company");
		String store = this.fixtures.unit("st", mine, "STORE", "我的门店", "My store");
		String other = this.fixtures.unit("co", null, "COMPANY", "别的公司", "Other company");
		Account scoped = this.fixtures.user("ADMIN", mine, "en");
		signIn(scoped);

		this.browser.open(url("/admin/units"));
		assertThat(this.browser.findAll("tr[data-code]")).extracting((row) -> row.getAttribute("data-code"))
			.containsExactly(mine, store);
		this.browser.open(url("/admin/units/" + store));
		this.browser.await("main[data-page=unit-form]");

		this.browser.open(url("/admin/units/" + other));
		this.browser.await("main[data-page=error][data-status='404']");
		assertThat(this.browser.text("main h1")).isEqualTo("Page not found");
		assertThat(this.browser.find("body").getText()).doesNotContain("Other company").doesNotContain("Exception");
	}

	@Test
	void aViewerHasNoAdminLinksAndGetsTheForbiddenPage() {
		Account viewer = this.fixtures.user("VIEWER", null, "en");
		signIn(viewer);
		assertThat(this.browser.findAll(".mainnav a")).extracting(WebElement::getText)
			.containsExactly("Overview", "Journeys", "Key experiences", "Org units", "Cases", "Customers");
		this.browser.open(url("/admin/users"));
		this.browser.await("main[data-page=error][data-status='403']");
		assertThat(this.browser.text("main h1")).isEqualTo("Not allowed");
	}

	@Test
	void pagesFitAPhoneAndShowWhereTheKeyboardFocusIs() {
		this.browser.size(375, 812);
		this.browser.open(url("/login"));
		assertThat(this.browser.script("return window.innerWidth")).isEqualTo(375L);
		assertNoSidewaysScrolling();
		signIn("admin", TestDatabaseEnvironment.ADMIN_PASSWORD);
		for (String path : new String[] { "/", "/journeys", "/key-experiences", "/units", "/cases", "/customers",
				"/admin/units", "/admin/units/new", "/admin/users", "/admin/users/new", "/account/tokens" }) {
			this.browser.open(url(path));
			this.browser.await("main[data-page]");
			assertNoSidewaysScrolling();
		}

		this.browser.open(url("/"));
		this.browser.find("body").sendKeys(Keys.TAB);
		WebElement focused = this.browser.driver().switchTo().activeElement();
		assertThat(focused.getAttribute("class")).isEqualTo("skip-link");
		assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
		assertThat(focused.getRect().getY()).isGreaterThanOrEqualTo(0);
		focused.sendKeys(Keys.TAB);
		WebElement next = this.browser.driver().switchTo().activeElement();
		assertThat(next.getAttribute("class")).isEqualTo("brand");
		assertThat(next.getCssValue("outline-style")).isEqualTo("solid");
	}

	private void assertNoSidewaysScrolling() {
		Object width = this.browser.script("return document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).as("page width of %s", this.browser.currentPath())
			.isLessThanOrEqualTo(375);
	}

	private void signIn(Account account) {
		signIn(account.username(), account.password());
	}

	private void signIn(String username, String password) {
		this.browser.open(url("/login"));
		submitLogin(username, password);
		this.browser.await("main[data-page=overview]");
	}

	private void submitLogin(String username, String password) {
		this.browser.type("#username", username).type("#password", password);
		this.browser.find("main form button[type=submit]").click();
	}

	private void signOut() {
		this.browser.find("details.usermenu summary").click();
		this.browser.await("details.usermenu form button").click();
		this.browser.await("main[data-page=login] .notice");
	}

	private String url(String path) {
		return this.api.baseUrl() + path;
	}

}
