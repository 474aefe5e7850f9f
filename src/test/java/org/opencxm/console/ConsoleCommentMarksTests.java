package org.opencxm.console;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's comment on the touchpoint page, the case page and the customer profile,
 * marked clause by clause from its stored analysis, in both languages, with markup in the
 * comment shown as text.
 */
@ApplicationTest
class ConsoleCommentMarksTests {

	private static final String COMMENT = "排队等了四十分钟，<b>服务员</b>态度很差<script>alert('x')</script>！"
			+ " The <i>food</i> was great.";

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void commentsAreMarkedBySentimentAndThemeOnTheThreePagesAndShownAsText() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "公司", "Company");
		String store = fixtures.unit("st", company, "STORE", "门店", "Store");
		JourneyData data = new JourneyData(this.api);
		String journey = data.journey(Map.of("zh-CN", "到店", "en", "Visit"), "visit");
		String touchpoint = data.touchpoint(journey, "visit", null, Map.of("zh-CN", "接待", "en", "Reception"), 1.0);
		String theme = Api.unique("wait");
		this.api.admin()
			.post("/api/v1/themes",
					Map.of("code", theme, "name", Map.of("zh-CN", "等待时间", "en", "Waiting time"), "keywords",
							List.of("排队"), "examples", List.of()))
			.expect(201);
		String rule = Api.unique("rule");
		this.api.admin()
			.post("/api/v1/alert-rules",
					Map.of("code", rule, "name", Map.of("zh-CN", "排队", "en", "Queue"), "condition",
							Map.of("field", "theme", "op", "eq", "value", theme), "limits",
							Map.of("units", List.of(store)), "action", Map.of("openCase", true, "priority", "P2")))
			.expect(201);
		String customer = Api.unique("c");
		this.api.admin().put("/api/v1/customers/" + customer, Map.of("homeUnitCode", store)).expect(201);
		String survey = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys/from-template/touchpoint?code=" + survey + "&publish=true", "")
			.expect(201);
		long response = respond(survey, customer, store, touchpoint, COMMENT);
		awaitAnalysis(response);
		long caseId = await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> caseOf(store, response), (id) -> id > 0);

		Account manager = fixtures.user("CX_MANAGER", null, "en");
		WebSession english = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		for (String path : List.of("/touchpoints/" + touchpoint + "?period=30d", "/cases/" + caseId,
				"/customers/" + customer)) {
			String page = english.page(path, 200);
			assertThat(page).as(path)
				.contains("class=\"mark-legend\"")
				.contains("data-response=\"" + response + "\"")
				.contains("clause clause-negative")
				.contains("clause clause-positive")
				.contains("Negative clause:")
				.contains("Positive clause:")
				.contains("data-code=\"" + theme + "\"")
				.contains("Waiting time")
				.contains("data-code=\"SERVICE\"")
				.contains("Experience factor")
				// markup is text, and each tag stays whole (the analysis reads tags as
				// spaces)
				.contains("<span>&lt;b&gt;</span>")
				.contains(">服务员</span>")
				.contains("<span>&lt;/b&gt;</span>")
				.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
				.contains("&lt;i&gt;food&lt;/i&gt;")
				.doesNotContain("<script>alert")
				.doesNotContain("<b>服务员")
				.doesNotContain("<i>food");
		}

		Account chinese = fixtures.user("CX_MANAGER", null, "zh-CN");
		WebSession zh = WebSession.signedIn(this.api, chinese.username(), chinese.password(), "zh-CN");
		assertThat(zh.page("/cases/" + caseId, 200)).contains("客户原话")
			.contains("图例")
			.contains("负面分句：")
			.contains("等待时间")
			.contains("服务")
			.doesNotContain("<script>alert");

		// Pages read the stored analysis and never analyse: a comment without one is
		// shown
		// as written, and still has none afterwards.
		long unread = respond(survey, customer, store, touchpoint, "服务员态度很差 <u>really</u>");
		awaitAnalysis(unread);
		this.jdbc.sql("delete from comment_analysis where response_id = :id").param("id", unread).update();
		assertThat(english.page("/customers/" + customer, 200)).contains("Not analysed yet")
			.contains("服务员态度很差 &lt;u&gt;really&lt;/u&gt;")
			.doesNotContain("<u>really");
		assertThat(this.jdbc.sql("select count(*) from comment_analysis where response_id = :id")
			.param("id", unread)
			.query(Long.class)
			.single()).isZero();
	}

	private long respond(String survey, String customer, String unit, String touchpoint, String comment) {
		Map<String, Object> answers = new HashMap<>();
		answers.put("nps", 3);
		answers.put("csat", 2);
		answers.put("ces", 3);
		answers.put("sem-feel", 2);
		answers.put("comment", comment);
		return this.api.admin()
			.post("/api/v1/surveys/" + survey + "/responses",
					Map.of("customer", customer, "unit", unit, "touchpoint", touchpoint, "answers", answers,
							"responseKey", Api.unique("k")))
			.expect(201)
			.json()
			.get("id")
			.asLong();
	}

	private void awaitAnalysis(long response) {
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.api.admin()
				.get("/api/v1/responses/" + response + "/comments")
				.expect(200)
				.json()
				.size() == 1);
	}

	private long caseOf(String unit, long response) {
		JsonNode cases = this.api.admin().get("/api/v1/cases?unit=" + unit + "&size=100").expect(200).json();
		return cases.get("items")
			.valueStream()
			.filter((c) -> c.path("source").path("id").asLong(-1) == response)
			.mapToLong((c) -> c.get("id").asLong())
			.findFirst()
			.orElse(-1);
	}

}
