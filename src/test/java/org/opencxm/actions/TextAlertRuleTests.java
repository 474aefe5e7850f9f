package org.opencxm.actions;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.org.OrgScope;
import org.opencxm.surveys.Responses;
import org.opencxm.surveys.SurveyResponse;
import org.opencxm.text.CommentAnalyses;
import org.opencxm.text.CommentsAnalysed;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alert rules on what the text analysis found in a response's comments: workspace themes,
 * experience factors and sentiment, through the HTTP API.
 */
@ApplicationTest
@RecordApplicationEvents
class TextAlertRuleTests {

	@Autowired
	Api api;

	@Autowired
	ApplicationEvents events;

	@Autowired
	CommentAnalyses text;

	@Autowired
	Responses responses;

	@Autowired
	OrgScope scope;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRuleOnAThemeOpensACaseForACommentOnTheThemeAndNotForAnother() {
		Setup s = setup();
		String theme = theme(List.of("排队", "queue"), List.of("等了一个小时才轮到我"));
		String onTheme = rule(s, Map.of("field", "theme", "op", "eq", "value", theme));
		String every = rule(s, Map.of("field", "nps", "op", "gte", "value", 0));

		long other = submit(s, 9, "菜很好吃，服务员很热情。");
		long matching = submit(s, 4, "排队等了四十分钟，太慢了！");

		JsonNode opened = awaitCase(s, onTheme, matching);
		assertThat(opened.get("priority").asString()).isEqualTo("P2");
		// The rule on every response opened its case for the other response, so the theme
		// rule has been checked against it too (all rules run together).
		awaitCase(s, every, other);
		assertThat(caseOf(s, onTheme, other)).isEmpty();
	}

	@Test
	void theTextModuleAnswersTheStoredAnalysisAndLeavesStoringToItsListener() {
		Setup s = setup();
		String theme = theme(List.of("排队"), List.of());
		String every = rule(s, Map.of("field", "nps", "op", "gte", "value", 0));
		long response = submit(s, 4, "排队等了四十分钟");
		awaitCase(s, every, response);
		SurveyResponse stored = this.scope.asSystem(() -> this.responses.get(response));
		List<CommentsAnalysed> first = this.scope.asSystem(() -> this.text.analysesOf(List.of(stored)));
		assertThat(first).singleElement().satisfies((a) -> assertThat(a.comments().get(0).themes()).contains(theme));

		// not stored yet (as while the text module's listener has not reached it): read
		// the same, stored by no one else and announced by no one else
		this.jdbc.sql("delete from comment_analysis where response_id = :id").param("id", response).update();
		assertThat(this.scope.asSystem(() -> this.text.analysesOf(List.of(stored)))).isEqualTo(first);
		assertThat(this.jdbc.sql("select count(*) from comment_analysis where response_id = :id")
			.param("id", response)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.events.stream(CommentsAnalysed.class)).isEmpty();
	}

	@Test
	void aRuleOnExperienceFactorsAndNegativeSentimentOpensACaseForAComplaintAboutPrice() {
		Setup s = setup();
		String price = rule(s,
				Map.of("all", List.of(Map.of("field", "factor", "op", "in", "value", List.of("price", "brand image")),
						Map.of("field", "sentiment", "op", "lt", "value", -0.3))));
		String every = rule(s, Map.of("field", "nps", "op", "gte", "value", 0));
		long praise = submit(s, 10, "价格实惠，性价比很高！");
		long complaint = submit(s, 3, "太贵了，价格根本不值。");
		awaitCase(s, price, complaint);
		awaitCase(s, every, praise);
		assertThat(caseOf(s, price, praise)).isEmpty();
	}

	@Test
	void aRuleThatNoCommentCanMatchOpensNoCaseForAResponseWithoutComments() {
		Setup s = setup();
		String theme = theme(List.of("排队"), List.of());
		String notOnTheme = rule(s, Map.of("field", "theme", "op", "ne", "value", theme));
		String every = rule(s, Map.of("field", "nps", "op", "gte", "value", 0));
		long silent = submit(s, 2, null);
		long elsewhere = submit(s, 2, "服务员态度很差");
		awaitCase(s, notOnTheme, elsewhere);
		awaitCase(s, every, silent);
		assertThat(caseOf(s, notOnTheme, silent)).isEmpty();
	}

	@Test
	void anUnknownThemeOrFactorIsRejectedWithTheField() {
		Setup s = setup();
		String theme = theme(List.of("排队"), List.of());
		Map<String, Object> body = ruleBody(s, Map.of("any",
				List.of(Map.of("field", "theme", "op", "in", "value", List.of(theme, Api.unique("no-such-theme"))),
						Map.of("field", "factor", "op", "eq", "value", "weather"))));
		JsonNode problem = this.api.admin().post("/api/v1/alert-rules", body).expect(422).json();
		assertThat(problem.toString()).contains("condition.any[0].value[1]", "no theme has this code")
			.contains("condition.any[1].value", "must be one of");
		this.api.admin().get("/api/v1/alert-rules/" + body.get("code")).expect(404);
		JsonNode stored = this.api.admin()
			.post("/api/v1/alert-rules", ruleBody(s, Map.of("field", "factor", "op", "eq", "value", "Brand Image")))
			.expect(201)
			.json();
		assertThat(stored.get("condition").get("value").asString()).isEqualTo("BRAND_IMAGE");
	}

	record Setup(String store, String survey) {

	}

	private Setup setup() {
		String company = Api.unique("tr");
		unit(company, null, "COMPANY");
		unit(company + "-store", company, "STORE");
		String survey = Api.unique("s");
		Map<String, Object> body = new HashMap<>();
		body.put("code", survey);
		body.put("title", Map.of("zh-CN", "调查", "en", "Survey"));
		body.put("questions", List.of(question("NPS", "nps"), question("CSAT", "csat"), question("TEXT", "comment")));
		this.api.admin().post("/api/v1/surveys", body).expect(201);
		this.api.admin().post("/api/v1/surveys/" + survey + "/publish", Map.of()).expect(200);
		return new Setup(company + "-store", survey);
	}

	private String theme(List<String> keywords, List<String> examples) {
		String code = Api.unique("theme");
		this.api.admin()
			.post("/api/v1/themes",
					Map.of("code", code, "name", Map.of("zh-CN", "等待", "en", "Waiting"), "keywords", keywords,
							"examples", examples))
			.expect(201);
		return code;
	}

	private Map<String, Object> ruleBody(Setup s, Map<String, Object> condition) {
		return Map.of("code", Api.unique("rule"), "name", Map.of("zh-CN", "评论", "en", "Comment"), "condition",
				condition, "limits", Map.of("units", List.of(s.store())), "action",
				Map.of("openCase", true, "priority", "P2"));
	}

	private String rule(Setup s, Map<String, Object> condition) {
		Map<String, Object> body = ruleBody(s, condition);
		this.api.admin().post("/api/v1/alert-rules", body).expect(201);
		return (String) body.get("code");
	}

	private long submit(Setup s, int nps, String comment) {
		Map<String, Object> answers = new HashMap<>();
		answers.put("nps", nps);
		answers.put("csat", 3);
		if (comment != null) {
			answers.put("comment", comment);
		}
		return this.api.admin()
			.post("/api/v1/surveys/" + s.survey() + "/responses",
					Map.of("unit", s.store(), "answers", answers, "responseKey", Api.unique("k")))
			.expect(201)
			.json()
			.get("id")
			.asLong();
	}

	private JsonNode awaitCase(Setup s, String rule, long response) {
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> caseOf(s, rule, response).isPresent());
		return caseOf(s, rule, response).orElseThrow();
	}

	private Optional<JsonNode> caseOf(Setup s, String rule, long response) {
		JsonNode cases = this.api.admin().get("/api/v1/cases?unit=" + s.store() + "&size=100").expect(200).json();
		return cases.get("items")
			.valueStream()
			.filter((c) -> rule.equals(c.path("alertRule").asString(""))
					&& c.path("source").path("id").asLong(-1) == response)
			.findFirst();
	}

	private void unit(String code, String parent, String kind) {
		this.api.createOrgUnit(code, parent, kind);
	}

	private static Map<String, Object> question(String type, String code) {
		return Map.of("type", type, "code", code, "text", Map.of("zh-CN", "问题 " + code, "en", "Question " + code),
				"required", false);
	}

}
