package org.opencxm.console;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey builder in a real browser: a CX manager builds a two-question survey in both
 * languages, previews it, publishes it, makes a link, answers it as a customer would and
 * sees the response counted; and the design pages on a phone.
 */
@ApplicationTest
class ConsoleDesignBrowserTests {

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
	void buildsPublishesAndAnswersATwoQuestionSurvey() {
		signIn(this.fixtures.user("CX_MANAGER", null, "en"));
		String code = Api.unique("sv");
		this.browser.open(url("/design/surveys"));
		this.browser.await("main[data-page=design-surveys] .page-header a.button-primary").click();
		this.browser.await("main[data-page=survey-builder]");
		this.browser.type("#code", code).type("#titleZh", "门店体验").type("#titleEn", "Your store visit");
		this.browser.type("[id='questions0.textZh']", "您有多大可能向朋友推荐我们？")
			.type("[id='questions0.textEn']", "How likely are you to recommend us to a friend?");
		this.browser.find("[id='questions0.required1']").click();

		new Select(this.browser.find("#addType")).selectByValue("TEXT");
		this.browser.find("button[name=action][value=add]").click();
		WebElement second = this.browser.await("[id='questions1.code']");
		assertThat(this.browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("questions1.code");
		assertThat(this.browser.find(".notice-info").getText()).contains("not saved");
		second.clear();
		second.sendKeys("why");
		this.browser.type("[id='questions1.textZh']", "请告诉我们原因").type("[id='questions1.textEn']", "Tell us why");
		assertThat(this.browser.find("[id='questions0.textEn']").getAttribute("value"))
			.isEqualTo("How likely are you to recommend us to a friend?");

		this.browser.find("button[data-preview=en]").click();
		this.browser.driver().switchTo().frame("preview");
		this.browser.until((driver) -> this.browser.findAll("legend").isEmpty() ? null : true);
		assertThat(this.browser.text("h1")).isEqualTo("Your store visit");
		assertThat(this.browser.text("legend")).contains("How likely are you to recommend us to a friend?");
		assertThat(((Number) this.browser.script("return document.documentElement.clientWidth")).intValue())
			.isLessThanOrEqualTo(375);
		this.browser.driver().switchTo().defaultContent();

		this.browser.find("button[data-action=publish]").click();
		this.browser.awaitText(".notice", "version 1");
		JsonNode survey = this.api.admin().get("/api/v1/surveys/" + code).expect(200).json();
		assertThat(survey.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(survey.get("questions")).extracting((q) -> q.get("type").asString()).containsExactly("NPS", "TEXT");
		assertThat(survey.get("questions").get(1).get("text").get("zh-CN").asString()).isEqualTo("请告诉我们原因");

		String link = Api.unique("ln");
		this.browser.type("#link-code", link);
		this.browser.find("button[data-action=link]").click();
		String href = this.browser.await("a[data-link]").getAttribute("href");
		assertThat(href).endsWith("/p/" + link);

		this.browser.open(url("/p/" + link + "?lang=en"));
		assertThat(this.browser.text("h1")).isEqualTo("Your store visit");
		this.browser.find("label[for='q-nps-9']").click();
		this.browser.type("#q-why", "Friendly staff");
		this.browser.find("button[value=submit]").click();
		this.browser.until((driver) -> this.browser.currentPath().startsWith("/p/" + link + "/thanks") ? true : null);

		JsonNode responses = this.api.admin().get("/api/v1/responses?survey=" + code).expect(200).json();
		assertThat(responses.get("total").asLong()).isEqualTo(1);
		JsonNode answers = responses.get("items").get(0).get("answers");
		assertThat(answers).extracting((a) -> a.get("questionCode").asString()).containsExactly("nps", "why");
		this.browser.open(url("/design/surveys/" + code));
		assertThat(this.browser.text("[data-responses]")).isEqualTo("1 response");
	}

	@Test
	void designPagesFitAPhoneAndShowKeyboardFocus() {
		String code = Api.unique("sv");
		this.api.admin().post("/api/v1/surveys/from-template/touchpoint?code=" + code, Map.of()).expect(201);
		signIn(this.fixtures.user("CX_MANAGER", null, "zh-CN"));
		this.browser.size(375, 812);
		for (String path : new String[] { "/design/surveys", "/design/surveys/new", "/design/surveys/" + code,
				"/design/triggers", "/design/triggers/new" }) {
			this.browser.open(url(path));
			this.browser.await("main[data-page]");
			Object width = this.browser.script("return document.documentElement.scrollWidth");
			assertThat(((Number) width).intValue()).as("page width of %s", path).isLessThanOrEqualTo(375);
		}
		this.browser.open(url("/design/surveys/" + code));
		WebElement title = this.browser.await("#titleEn");
		title.sendKeys(Keys.TAB);
		WebElement next = this.browser.driver().switchTo().activeElement();
		assertThat(next.getAttribute("id")).isEqualTo("introZh");
		assertThat(next.getCssValue("outline-style")).isEqualTo("solid");
		WebElement moveDown = this.browser.find("button[value='down-0']");
		moveDown.sendKeys(Keys.ENTER);
		this.browser.await(".notice-info");
		assertThat(this.browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("questions1.code");
	}

	/**
	 * The builder's pictures in the documentation:
	 * {@code ./mvnw test -Dtest=ConsoleDesignBrowserTests -Dopencxm.screenshots=docs/images}.
	 */
	@Test
	@EnabledIfSystemProperty(named = "opencxm.screenshots", matches = ".+")
	void drawsTheSurveyBuilder() {
		Path folder = Path.of(System.getProperty("opencxm.screenshots"));
		String code = Api.unique("visit");
		this.api.admin()
			.post("/api/v1/surveys/from-template/touchpoint?code=" + code + "&publish=true", Map.of())
			.expect(201);
		signIn(this.fixtures.user("CX_MANAGER", null, "zh-CN"));
		this.browser.size(1440, 1000);
		this.browser.open(url("/design/surveys/" + code));
		this.browser.await("main[data-page=survey-builder]");
		this.browser.driver().switchTo().frame("preview");
		this.browser.await("legend");
		this.browser.driver().switchTo().defaultContent();
		this.browser.screenshot(folder.resolve("console-survey-builder.png"));
		this.browser.size(375, 812);
		this.browser.open(url("/design/triggers/new"));
		this.browser.await("main[data-page=trigger-form]");
		this.browser.screenshot(folder.resolve("console-trigger-phone.png"));
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
