package org.opencxm.surveys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SurveyTest
class RespondentPageTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Responses responses;

	private SurveyWorkspace workspace;

	private String survey;

	private String link;

	@BeforeEach
	void workspace() {
		this.workspace = new SurveyWorkspace(this.api);
		this.survey = this.workspace.survey();
		this.link = Api.unique("poster");
		this.api.admin()
			.post("/api/v1/public-links",
					Map.of("code", this.link, "survey", this.survey, "touchpoint", this.workspace.touchpoint))
			.expect(201);
	}

	private Map<String, Object> answers() {
		Map<String, Object> form = new HashMap<>();
		form.put("q.nps", "9");
		form.put("q.csat", "5");
		form.put("q.speed.e", "5");
		form.put("q.speed.p", "6");
		form.put("q.liked", List.of("staff", "price"));
		form.put("q.visit", "first");
		form.put("q.comment", "很好 <b>nice</b>");
		form.put("action", "submit");
		return form;
	}

	@Test
	void thePublicPageRendersInTheBrowsersLanguageAccessiblyAndLight() {
		Browser browser = new Browser(this.api.baseUrl(), "en-US,en;q=0.9");
		Browser.Page page = browser.get("/p/" + this.link);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"en\"", "Submit", "Save and finish later",
				"Dear customer, would you recommend Store " + this.workspace.unit);
		assertThat(page.body()).contains("<fieldset", "<legend>", "<label for=\"q-nps-10\"", "id=\"q-nps-10\"",
				"<label for=\"q-comment\"", "name=\"_csrf\"", "href=\"/p/" + this.link + "?lang=zh-CN&amp;rk=");
		assertThat(page.body()).doesNotContain("<script");
		assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(30 * 1024);
		Browser chinese = new Browser(this.api.baseUrl(), "zh-CN,zh;q=0.9");
		assertThat(chinese.get("/p/" + this.link).body()).contains("<html lang=\"zh-CN\"", "提交");
		assertThat(chinese.get("/p/" + this.link + "?lang=en").body()).contains("Submit");
	}

	@Test
	void answersThroughThePublicLinkAreStoredWithTheTouchpointAndStore() {
		Browser browser = new Browser(this.api.baseUrl(), "zh-CN");
		browser.get("/p/" + this.link);
		Map<String, Object> form = answers();
		form.put("rk", browser.rk());
		Browser.Page posted = browser.post("/p/" + this.link, form);
		assertThat(posted.status()).isEqualTo(302);
		assertThat(posted.location()).startsWith("/p/" + this.link + "/thanks");
		Browser.Page thanks = browser.get(posted.location());
		assertThat(thanks.status()).isEqualTo(200);
		assertThat(thanks.body()).contains("感谢");
		var list = this.api.admin().get("/api/v1/responses?survey=" + this.survey).expect(200).json();
		assertThat(list.get("total").asLong()).isEqualTo(1);
		SurveyResponse response = this.responses.get(list.get("items").get(0).get("id").asLong());
		assertThat(response.source()).isEqualTo(ResponseSource.PUBLIC_LINK);
		assertThat(response.publicLinkId()).isNotNull();
		assertThat(response.touchpointId()).isNotNull();
		assertThat(response.unitId()).isNotNull();
		assertThat(response.answer("comment")).get()
			.isInstanceOfSatisfying(Answer.Text.class, (t) -> assertThat(t.text()).isEqualTo("很好 <b>nice</b>"));
		browser.get("/p/" + this.link);
		Browser.Page again = browser.post("/p/" + this.link, form);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("已经回答");
	}

	@Test
	void showsTheMessageNextToTheQuestionAndKeepsTheOtherAnswers() {
		Browser browser = new Browser(this.api.baseUrl(), "en");
		browser.get("/p/" + this.link);
		Map<String, Object> form = answers();
		form.remove("q.csat");
		form.put("q.nps", "3");
		form.put("rk", browser.rk());
		Browser.Page page = browser.post("/p/" + this.link, form);
		assertThat(page.status()).isEqualTo(422);
		assertThat(page.body()).contains("id=\"e-csat\"", "id=\"e-why\"", "Please answer this question.");
		assertThat(page.body()).containsPattern("id=\"q-nps-3\" name=\"q.nps\" value=\"3\" checked");
		assertThat(page.body()).contains("很好 &lt;b&gt;nice&lt;/b&gt;");
		assertThat(page.body()).doesNotContain("<b>nice</b>");
		form.put("q.nps", "11");
		assertThat(browser.post("/p/" + this.link, form).body()).contains("id=\"e-nps\"",
				"Please choose one of the answers shown.");
		form.put("q.nps", "9");
		form.put("q.csat", "4");
		form.put("q.comment", "x".repeat(5001));
		assertThat(browser.post("/p/" + this.link, form).body()).contains("id=\"e-comment\"", "5,000");
	}

	@Test
	void savingTwiceKeepsOnePartialResponseThatSubmittingCompletes() {
		Browser browser = new Browser(this.api.baseUrl(), "en");
		browser.get("/p/" + this.link);
		String rk = browser.rk();
		Browser.Page saved = browser.post("/p/" + this.link, Map.of("rk", rk, "q.nps", "7", "action", "save"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).contains("rk=" + rk, "saved=1");
		Browser.Page resumed = browser.get(saved.location());
		assertThat(resumed.body()).contains("Your answers are saved");
		assertThat(resumed.body()).containsPattern("id=\"q-nps-7\" name=\"q.nps\" value=\"7\" checked");
		browser.post("/p/" + this.link, Map.of("rk", rk, "q.nps", "8", "q.csat", "2", "action", "save"));
		assertThat(partials(rk)).isEqualTo(1);
		Map<String, Object> form = answers();
		form.put("rk", rk);
		assertThat(browser.post("/p/" + this.link, form).status()).isEqualTo(302);
		assertThat(this.jdbc.sql("select status from survey_response where response_key = :k")
			.param("k", "pub:" + rk)
			.query(String.class)
			.list()).containsExactly("COMPLETE");
	}

	private long partials(String rk) {
		return this.jdbc.sql("select count(*) from survey_response where response_key = :k and status = 'PARTIAL'")
			.param("k", "pub:" + rk)
			.query(Long.class)
			.single();
	}

	@Test
	void theInvitationPageSpeaksTheCustomersLanguageAndEscapesTheirName() {
		String customer = this.workspace.customer("<script>alert(1)</script> Li", "en", "EMAIL");
		String token = invitation(customer, "SENT", Instant.now().plus(1, ChronoUnit.DAYS));
		Browser browser = new Browser(this.api.baseUrl(), "zh-CN");
		Browser.Page page = browser.get("/s/" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"en\"", "&lt;script&gt;alert(1)&lt;/script&gt; Li");
		assertThat(page.body()).doesNotContain("<script>alert");
		Map<String, Object> form = answers();
		Browser.Page posted = browser.post("/s/" + token, form);
		assertThat(posted.status()).isEqualTo(302);
		assertThat(browser.get(posted.location()).body()).contains("Thank you");
		Browser.Page used = browser.get("/s/" + token);
		assertThat(used.status()).isEqualTo(200);
		assertThat(used.body()).contains("You have answered this survey already");
	}

	@Test
	void anUnknownOrExpiredLinkGetsAFriendlyPageInTheRightLanguage() {
		Browser browser = new Browser(this.api.baseUrl(), "zh-CN");
		Browser.Page unknown = browser.get("/s/" + Tokens.newToken());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("未找到此问卷").doesNotContain("Exception");
		assertThat(browser.get("/s/not-a-token").status()).isEqualTo(404);
		assertThat(browser.get("/p/" + Api.unique("none")).status()).isEqualTo(404);
		String customer = this.workspace.customer("Li", "en", "EMAIL");
		String expired = invitation(customer, "SENT", Instant.now().minus(1, ChronoUnit.HOURS));
		Browser.Page page = browser.get("/s/" + expired);
		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("This survey link has expired");
		browser.get("/p/" + this.link);
		Browser.Page post = browser.post("/s/" + expired, answers());
		assertThat(post.status()).isEqualTo(410);
		String marked = invitation(customer, "EXPIRED", Instant.now().plus(1, ChronoUnit.HOURS));
		assertThat(browser.get("/s/" + marked).status()).isEqualTo(410);
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() {
		Browser browser = new Browser(this.api.baseUrl(), "en");
		Browser.Page page = browser.post("/p/" + this.link, answers());
		assertThat(page.status()).isEqualTo(403);
		assertThat(this.api.admin().get("/api/v1/responses?survey=" + this.survey).json().get("total").asLong())
			.isZero();
	}

	@Test
	void tooManyRequestsForOneLinkGetA429Page() {
		Browser browser = new Browser(this.api.baseUrl(), "en");
		int limited = 0;
		for (int i = 0; i < 30; i++) {
			Browser.Page page = browser.get("/p/" + this.link);
			if (page.status() == 429) {
				limited++;
				assertThat(page.body()).contains("Too many requests");
			}
		}
		assertThat(limited).isGreaterThanOrEqualTo(5);
	}

	@Test
	void theQrCodeOfAPublicLinkComesAsPngAndSvg() {
		var png = this.api.admin().getAny("/api/v1/public-links/" + this.link + "/qr.png?size=300").expect(200);
		assertThat(png.header("Content-Type")).isEqualTo("image/png");
		assertThat(png.body().substring(1, 4)).isEqualTo("PNG");
		var svg = this.api.admin().getAny("/api/v1/public-links/" + this.link + "/qr.svg").expect(200);
		assertThat(svg.body()).startsWith("<svg").contains("<path");
		var link = this.api.admin().get("/api/v1/public-links/" + this.link).expect(200).json();
		assertThat(link.get("url").asString()).endsWith("/p/" + this.link);
		this.api.admin().getAny("/api/v1/public-links/" + this.link + "/qr.png?size=5").expect(422);
		this.api.anonymous().getAny("/api/v1/public-links/" + this.link + "/qr.png").expect(401);
	}

	/** An invitation row with a known token, as the dispatcher would leave it. */
	private String invitation(String customer, String status, Instant expiresAt) {
		String token = Tokens.newToken();
		long customerId = this.api.admin().get("/api/v1/customers/" + customer).expect(200).json().get("id").asLong();
		long surveyId = this.api.admin().get("/api/v1/surveys/" + this.survey).expect(200).json().get("id").asLong();
		long unitId = this.jdbc.sql("select id from org_unit where code = :c")
			.param("c", this.workspace.unit)
			.query(Long.class)
			.single();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc
			.sql("""
					insert into survey_invitation (survey_id, customer_id, unit_id, channel, language, status, due_at,
						expiry_hours, expires_at, sent_at, attempts, token_hash, created_at)
					values (:survey, :customer, :unit, 'EMAIL', :language, :status, :now, 24, :expires, :now, 1, :hash, :now)
					""")
			.param("survey", surveyId)
			.param("customer", customerId)
			.param("unit", unitId)
			.param("language", this.api.admin().get("/api/v1/customers/" + customer).json().get("language").asString())
			.param("status", status)
			.param("now", now)
			.param("expires", expiresAt.atOffset(ZoneOffset.UTC))
			.param("hash", Tokens.hash(token))
			.update();
		return token;
	}

}
