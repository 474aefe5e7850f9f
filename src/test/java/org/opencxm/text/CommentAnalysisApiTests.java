package org.opencxm.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.TestDatabaseEnvironment;
import org.opencxm.shared.ExperienceFactor;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ApplicationTest
@RecordApplicationEvents
class CommentAnalysisApiTests {

	private static final String DAY = "2024-05-14";

	@Autowired
	Api api;

	@Autowired
	CommentAnalyses analyses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aResponsesChineseAndEnglishCommentsAreAnalysedAndStoredOnce() {
		Workspace w = workspace();
		String theme = Api.unique("wait");
		this.api.admin()
			.post("/api/v1/themes", ThemeApiTests.theme(theme, List.of("排队", "wait"), List.of("等了一个小时才轮到我")))
			.expect(201);
		String zh = "排队等了四十分钟，服务员态度很差！";
		String en = "Friendly staff, but the wait was awful.";
		long response = submit(w, w.store(), 3, zh, en);
		JsonNode comments = comments(this.api.admin(), response, 2);

		JsonNode chinese = byQuestion(comments, "zh");
		assertThat(chinese.get("text").asString()).isEqualTo(zh);
		assertThat(chinese.get("language").asString()).isEqualTo("CHINESE_SIMPLIFIED");
		assertThat(chinese.get("label").asString()).isEqualTo("NEGATIVE");
		assertThat(chinese.get("score").asDouble()).isLessThan(-0.1);
		assertThat(chinese.get("intensity").asDouble()).isPositive();
		assertThat(chinese.get("factors").valueStream().map(JsonNode::asString)).contains("SERVICE");
		assertThat(chinese.get("themes").valueStream().map(JsonNode::asString)).contains(theme);
		assertThat(chinese.get("clauses").size()).isGreaterThanOrEqualTo(2);
		JsonNode mark = chinese.get("clauses")
			.get(0)
			.get("themes")
			.valueStream()
			.filter((t) -> theme.equals(t.get("code").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(mark.get("via").asString()).isEqualTo("KEYWORD");
		assertThat(mark.get("evidence").asString()).isEqualTo("排队");
		for (JsonNode clause : chinese.get("clauses")) {
			assertThat(clause.get("text").asString())
				.isEqualTo(zh.substring(clause.get("start").asInt(), clause.get("end").asInt()));
		}

		JsonNode english = byQuestion(comments, "en");
		assertThat(english.get("language").asString()).isEqualTo("ENGLISH");
		assertThat(english.get("label").asString()).isEqualTo("NEGATIVE");
		assertThat(english.get("themes").valueStream().map(JsonNode::asString)).contains(theme);
		assertThat(english.get("keyPhrases").isArray()).isTrue();
		assertThat(chinese.get("keyPhrases")).isNotEmpty();

		assertThat(this.analyses.analyse(response)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from comment_analysis where response_id = :id")
			.param("id", response)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anAnalysisPublishesCommentsAnalysedOnceWithEachCommentsFindings() {
		Workspace w = workspace();
		long response = submit(w, w.store(), 2, "态度很差，太贵了", "Great coffee!");
		comments(this.api.admin(), response, 2);
		this.jdbc.sql("delete from comment_analysis where response_id = :id").param("id", response).update();
		CommentsAnalysed analysed = this.analyses.analyse(response).orElseThrow();
		assertThat(this.analyses.analyse(response)).isEmpty();
		assertThat(this.events.stream(CommentsAnalysed.class).filter((e) -> e.responseId() == response))
			.containsExactly(analysed);
		assertThat(analysed.comments()).extracting(CommentsAnalysed.Comment::questionCode).containsExactly("zh", "en");
		assertThat(analysed.comments().get(0).factors()).contains(ExperienceFactor.SERVICE, ExperienceFactor.PRICE);
		assertThat(analysed.comments().get(1).label()).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(analysed.lowestScore()).isEqualTo(analysed.comments().get(0).score()).isNegative();
		assertThat(analysed.unitId()).isNotNull();
		assertThat(comments(this.api.admin(), response, 2)).hasSize(2);
	}

	@Test
	void theThemeReportGivesVolumeSentimentAndNpsByThemeAndTheThemesThatDriveDetractors() {
		Workspace w = workspace();
		String theme = Api.unique("checkout");
		this.api.admin().post("/api/v1/themes", ThemeApiTests.theme(theme, List.of("收银台"), List.of())).expect(201);
		long detractor = submit(w, w.store(), 2, "收银台太慢了，收银员很不耐烦", null);
		long other = submit(w, w.store(), 6, "收银台有点慢", null);
		long promoter = submit(w, w.store(), 10, "味道很好，价格实惠", null);
		for (long response : List.of(detractor, other, promoter)) {
			comments(this.api.admin(), response, 1);
		}
		String query = "/api/v1/text/themes?from=2024-05-01&to=2024-05-31&grain=month&unit=" + w.company();
		JsonNode report = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.api.admin().get(query).expect(200).json(),
					(json) -> series(json.get("themes"), theme) != null
							&& json.get("detractorDrivers").get("detractors").asLong() == 2
							&& json.get("detractorDrivers").get("others").asLong() == 1);
		JsonNode waiting = series(report.get("themes"), theme);
		assertThat(waiting.get("name").get("en").asString()).isEqualTo("Theme " + theme);
		JsonNode total = waiting.get("total");
		assertThat(total.get("comments").asLong()).isEqualTo(2);
		assertThat(total.get("responses").asLong()).isEqualTo(2);
		assertThat(total.get("sentiment").get("mean").asDouble()).isNegative();
		assertThat(total.get("sentiment").get("interval")).isNotNull();
		assertThat(total.get("negative").get("share").asDouble()).isEqualTo(1.0);
		assertThat(total.get("nps").get("score").asDouble()).isEqualTo(-100.0);
		assertThat(waiting.get("points").get(0).get("period").asString()).isEqualTo("2024-05-01");
		assertThat(series(report.get("factors"), "PRICE").get("total").get("nps").get("score").asDouble())
			.isEqualTo(100.0);
		assertThat(series(report.get("factors"), "PRICE").get("name").get("zh-CN").asString()).isEqualTo("价格");

		JsonNode drivers = report.get("detractorDrivers");
		assertThat(drivers.get("others").asLong()).isEqualTo(1);
		JsonNode top = series(drivers.get("drivers"), theme);
		assertThat(drivers.get("drivers").get(0).get("detractorShare").asDouble()).isEqualTo(1.0);
		assertThat(top.get("detractorMentions").asLong()).isEqualTo(2);
		assertThat(top.get("detractorShare").asDouble()).isEqualTo(1.0);
		assertThat(top.get("otherShare").asDouble()).isZero();
		assertThat(top.get("lift").isNull()).isTrue();
		assertThat(top.get("test").get("method").asString()).isEqualTo("TWO_PROPORTION_Z");
		assertThat(top.get("test").get("smallSample").asBoolean()).isTrue();

		JsonNode byDay = this.api.admin()
			.get("/api/v1/text/themes?from=2024-05-01&to=2024-05-31&unit=" + w.company())
			.expect(200)
			.json();
		assertThat(series(byDay.get("themes"), theme).get("points").get(0).get("period").asString()).isEqualTo(DAY);
		JsonNode elsewhere = this.api.admin()
			.get("/api/v1/text/themes?from=2024-06-01&to=2024-06-30&unit=" + w.company())
			.expect(200)
			.json();
		assertThat(elsewhere.get("themes")).isEmpty();
		assertThat(elsewhere.get("detractorDrivers").get("drivers")).isEmpty();
	}

	@Test
	void badQueriesAreRejectedWithTheirField() {
		assertThat(field(this.api.admin().get("/api/v1/text/themes?grain=year").expect(422))).isEqualTo("grain");
		assertThat(field(this.api.admin().get("/api/v1/text/themes?unit=nowhere").expect(422))).isEqualTo("unit");
		assertThat(field(this.api.admin().get("/api/v1/text/themes?touchpoint=nowhere").expect(422)))
			.isEqualTo("touchpoint");
		assertThat(field(this.api.admin().get("/api/v1/text/themes?from=2024-05-02&to=2024-05-01").expect(422)))
			.isEqualTo("from");
		this.api.admin().get("/api/v1/text/themes?from=yesterday").expect(400);
		this.api.admin().get("/api/v1/responses/not-a-number/comments").expect(400);
		this.api.admin().get("/api/v1/responses/987654321987/comments").expect(404);
		this.api.anonymous().get("/api/v1/text/themes").expect(401);
	}

	@Test
	void aRebuildTagsStoredCommentsWithThemesCreatedSince() {
		Workspace w = workspace();
		long response = submit(w, w.store(), 4, "停车位太少了，找了半天", "Parking was a nightmare.");
		JsonNode before = comments(this.api.admin(), response, 2);
		assertThat(byQuestion(before, "zh").get("themes")).isEmpty();
		String theme = Api.unique("parking");
		this.api.admin()
			.post("/api/v1/themes", ThemeApiTests.theme(theme, List.of("停车", "parking"), List.of()))
			.expect(201);
		this.api.as(this.api.userToken("CX_MANAGER", null)).post("/api/v1/text/rebuild", Map.of()).expect(403);
		JsonNode rebuilt = this.api.admin().post("/api/v1/text/rebuild", Map.of()).expect(200).json();
		assertThat(rebuilt.get("responses").asLong()).isPositive();
		assertThat(rebuilt.get("comments").asLong()).isGreaterThanOrEqualTo(rebuilt.get("responses").asLong());
		JsonNode after = comments(this.api.admin(), response, 2);
		assertThat(byQuestion(after, "zh").get("themes").valueStream().map(JsonNode::asString)).containsExactly(theme);
		assertThat(byQuestion(after, "en").get("themes").valueStream().map(JsonNode::asString)).containsExactly(theme);
		assertThat(byQuestion(after, "zh").get("clauses").get(0).get("themes").get(0).get("evidence").asString())
			.isEqualTo("停车");
	}

	@Test
	void aScopedCallerSeesOnlyTheCommentsAndFiguresOfItsSubtree() {
		Workspace w = workspace();
		String otherStore = w.company() + "-other";
		unit(otherStore, w.company(), "STORE");
		String theme = Api.unique("rude");
		this.api.admin().post("/api/v1/themes", ThemeApiTests.theme(theme, List.of("态度"), List.of())).expect(201);
		long mine = submit(w, w.store(), 1, "态度很差", null);
		long theirs = submit(w, otherStore, 1, "态度很差", null);
		comments(this.api.admin(), mine, 1);
		comments(this.api.admin(), theirs, 1);
		Api.Caller scoped = this.api.as(this.api.userToken("VIEWER", w.store()));
		assertThat(scoped.get("/api/v1/responses/" + mine + "/comments").expect(200).json()).hasSize(1);
		scoped.get("/api/v1/responses/" + theirs + "/comments").expect(404);
		String query = "/api/v1/text/themes?from=2024-05-01&to=2024-05-31";
		JsonNode all = this.api.admin().get(query + "&unit=" + w.company()).expect(200).json();
		assertThat(series(all.get("themes"), theme).get("total").get("comments").asLong()).isEqualTo(2);
		JsonNode own = scoped.get(query).expect(200).json();
		assertThat(series(own.get("themes"), theme).get("total").get("comments").asLong()).isEqualTo(1);
		JsonNode store = scoped.get(query + "&unit=" + w.store()).expect(200).json();
		assertThat(series(store.get("themes"), theme).get("total").get("comments").asLong()).isEqualTo(1);
		assertThat(field(scoped.get(query + "&unit=" + otherStore).expect(422))).isEqualTo("unit");
	}

	@Test
	void badTextIsStoredAndReturnedAsDataAndNothingCrashes() {
		Workspace w = workspace();
		List<String> texts = List.of("", "   ", "😡😡😡", "👍", "很好".repeat(2500),
				"<script>alert('x')</script><b onclick=\"steal()\">服务很差</b> &lt;&amp;",
				"\u0001\u0007\u001b[31m\uFFFD\uFFFD 乱码 ÃƒÂ© \uD83D garbage \uDC00", "中文 mixed with English 很好 great",
				"ｆｕｌｌ　ｗｉｄｔｈ　ｇｏｏｄ ！！！？？？", "1234567890 ..... ,,,,, ????");
		for (String text : texts) {
			Api.Response submitted = submitRaw(w, w.store(), 5, text, null);
			if (text.isBlank()) {
				assertThat(submitted.status()).as(submitted.body()).isIn(201, 422);
				if (submitted.status() != 201) {
					continue;
				}
			}
			else {
				submitted.expect(201);
			}
			long response = submitted.json().get("id").asLong();
			JsonNode stored = this.api.admin().get("/api/v1/responses/" + response).expect(200).json();
			boolean hasComment = stored.get("answers").valueStream().anyMatch((a) -> "zh".equals(code(a)));
			if (!hasComment) {
				continue;
			}
			JsonNode comment = comments(this.api.admin(), response, 1).get(0);
			String answered = stored.get("answers")
				.valueStream()
				.filter((a) -> "zh".equals(code(a)))
				.findFirst()
				.orElseThrow()
				.get("text")
				.asString();
			assertThat(comment.get("text").asString()).isEqualTo(answered);
			assertThat(comment.get("score").asDouble()).isBetween(-1.0, 1.0);
			for (JsonNode clause : comment.get("clauses")) {
				int start = clause.get("start").asInt();
				int end = clause.get("end").asInt();
				assertThat(start).isBetween(0, end);
				assertThat(clause.get("text").asString()).isEqualTo(answered.substring(start, end));
			}
		}
		assertThat(invalidUtf8(w).statusCode()).isEqualTo(400);
		String script = "<script>alert('x')</script><b onclick=\"steal()\">服务很差</b> &lt;&amp;";
		long response = submit(w, w.store(), 5, script, null);
		awaitComments(response, 1);
		Api.Response raw = this.api.admin().get("/api/v1/responses/" + response + "/comments").expect(200);
		assertThat(raw.header("Content-Type")).startsWith("application/json");
		assertThat(raw.json().get(0).get("text").asString()).isEqualTo(script);
		assertThat(raw.json().get(0).get("label").asString()).isEqualTo("NEGATIVE");
	}

	/** A response whose body is not UTF-8 at all. */
	private HttpResponse<String> invalidUtf8(Workspace w) {
		byte[] start = ("{\"unit\": \"" + w.store() + "\", \"answers\": {\"zh\": \"").getBytes(StandardCharsets.UTF_8);
		byte[] garbage = { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xA0, (byte) 0xE2, (byte) 0x82 };
		byte[] end = "\"}}".getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(start);
		body.writeBytes(garbage);
		body.writeBytes(end);
		String credentials = Base64.getEncoder()
			.encodeToString(("admin:" + TestDatabaseEnvironment.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.api.baseUrl() + "/api/v1/surveys/" + w.survey() + "/responses"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String code(JsonNode answer) {
		return answer.get("questionCode").asString();
	}

	private static String field(Api.Response response) {
		return response.json().get("errors").get(0).get("field").asString();
	}

	private static JsonNode byQuestion(JsonNode comments, String question) {
		return comments.valueStream()
			.filter((c) -> question.equals(c.get("questionCode").asString()))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode series(JsonNode list, String code) {
		return list.valueStream().filter((s) -> code.equals(s.get("code").asString())).findFirst().orElse(null);
	}

	private JsonNode comments(Api.Caller caller, long response, int count) {
		awaitComments(response, count);
		return caller.get("/api/v1/responses/" + response + "/comments").expect(200).json();
	}

	private void awaitComments(long response, int count) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.api.admin()
				.get("/api/v1/responses/" + response + "/comments")
				.expect(200)
				.json()
				.size() == count);
	}

	record Workspace(String company, String store, String survey) {

	}

	private Workspace workspace() {
		String company = Api.unique("tx");
		unit(company, null, "COMPANY");
		unit(company + "-store", company, "STORE");
		String survey = Api.unique("s");
		Map<String, Object> body = new HashMap<>();
		body.put("code", survey);
		body.put("title", Map.of("zh-CN", "调查", "en", "Survey"));
		body.put("questions", List.of(question("NPS", "nps"), question("CSAT", "csat"), question("TEXT", "zh"),
				question("TEXT", "en")));
		this.api.admin().post("/api/v1/surveys", body).expect(201);
		this.api.admin().post("/api/v1/surveys/" + survey + "/publish", Map.of()).expect(200);
		return new Workspace(company, company + "-store", survey);
	}

	private void unit(String code, String parent, String kind) {
		this.api.createOrgUnit(code, parent, kind);
	}

	private static Map<String, Object> question(String type, String code) {
		return Map.of("type", type, "code", code, "text", Map.of("zh-CN", "问题 " + code, "en", "Question " + code),
				"required", false);
	}

	private long submit(Workspace w, String unit, int nps, String zh, String en) {
		return submitRaw(w, unit, nps, zh, en).expect(201).json().get("id").asLong();
	}

	private Api.Response submitRaw(Workspace w, String unit, int nps, String zh, String en) {
		Map<String, Object> answers = new HashMap<>();
		answers.put("nps", nps);
		// With a satisfaction answer the evaluation does not need the
		// likelihood-to-recommend basis.
		answers.put("csat", 3);
		answers.put("zh", zh);
		if (en != null) {
			answers.put("en", en);
		}
		return this.api.admin()
			.post("/api/v1/surveys/" + w.survey() + "/responses", Map.of("unit", unit, "answers", answers,
					"responseKey", Api.unique("k"), "submittedAt", DAY + "T04:00:00Z"));
	}

}
