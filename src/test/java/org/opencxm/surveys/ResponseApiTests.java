package org.opencxm.surveys;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.shared.SemModule;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SurveyTest
class ResponseApiTests {

	@Autowired
	Api api;

	@Autowired
	Responses responses;

	@Autowired
	SurveyTestConfiguration.RecordedResponses recorded;

	private SurveyWorkspace workspace;

	private String survey;

	private String customer;

	@BeforeEach
	void workspace() {
		this.workspace = new SurveyWorkspace(this.api);
		this.survey = this.workspace.survey();
		this.customer = this.workspace.customer("王芳", "zh-CN", "EMAIL");
	}

	private Map<String, Object> answers() {
		Map<String, Object> answers = new HashMap<>();
		answers.put("nps", 9);
		answers.put("csat", 4);
		answers.put("ces", 6);
		answers.put("rating", 8);
		answers.put("sense", 5);
		answers.put("speed", Map.of("expectation", 6, "perception", 4));
		answers.put("intensity", 7);
		answers.put("participation", 3);
		answers.put("visit", "repeat");
		answers.put("liked", List.of("price", "staff"));
		answers.put("comment", "店员很热情, \"很好\"");
		return answers;
	}

	private Map<String, Object> response(String key, Map<String, Object> answers) {
		Map<String, Object> body = new HashMap<>();
		body.put("responseKey", key);
		body.put("customer", this.customer);
		body.put("touchpoint", this.workspace.touchpoint);
		body.put("answers", answers);
		return body;
	}

	private String post(Map<String, Object> body, int status) {
		return this.api.admin().post("/api/v1/surveys/" + this.survey + "/responses", body).expect(status).body();
	}

	@Test
	void storesAResponseWithTypedAnswersAndItsLinksAndPublishesResponseRecordedOnce() {
		var created = this.api.admin()
			.post("/api/v1/surveys/" + this.survey + "/responses", response(Api.unique("k"), answers()))
			.expect(201);
		assertThat(created.header("Idempotent-Replayed")).isEqualTo("false");
		var json = created.json();
		long id = json.get("id").asLong();
		assertThat(json.get("status").asString()).isEqualTo("COMPLETE");
		assertThat(json.get("channel").asString()).isEqualTo("STORE");
		assertThat(json.get("answers")).hasSize(11);
		SurveyResponse stored = this.responses.get(id);
		assertThat(stored.version()).isEqualTo(1);
		assertThat(stored.touchpointId()).isNotNull();
		assertThat(stored.stageId()).isNotNull();
		assertThat(stored.unitId()).isNotNull();
		assertThat(stored.customerId()).isNotNull();
		assertThat(stored.answer("sense")).get()
			.isInstanceOfSatisfying(Answer.Score.class, (s) -> assertThat(s.semModule()).isEqualTo(SemModule.SENSE));
		assertThat(stored.answer("intensity")).get()
			.isInstanceOfSatisfying(Answer.Score.class,
					(s) -> assertThat(s.axis()).isEqualTo(ExperienceAxis.INTENSITY));
		assertThat(stored.answer("speed")).get().isInstanceOfSatisfying(Answer.Gap.class, (g) -> {
			assertThat(g.attribute()).isEqualTo("waiting-time");
			assertThat(g.gap()).isEqualTo(-2);
		});
		assertThat(stored.answer("liked")).get()
			.isInstanceOfSatisfying(Answer.Choice.class,
					(c) -> assertThat(c.options()).containsExactly("staff", "price"));
		assertThat(stored.answer("why")).isEmpty();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.recorded.of(id).size() == 1);
		ResponseRecorded event = this.recorded.of(id).get(0);
		assertThat(event.surveyVersionId()).isEqualTo(stored.surveyVersionId());
		assertThat(event.touchpointId()).isEqualTo(stored.touchpointId());
		assertThat(event.unitId()).isEqualTo(stored.unitId());
	}

	@Test
	void responsesSentTogetherAreEachStoredAndAnnouncedOnceAndRetriesAmongThemCreateNothing() throws Exception {
		List<String> keys = java.util.stream.IntStream.range(0, 12).mapToObj((i) -> Api.unique("k")).toList();
		List<Map.Entry<String, java.util.concurrent.Future<Api.Response>>> sent = new java.util.ArrayList<>();
		try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			for (int round = 0; round < 3; round++) {
				for (String key : keys) {
					sent.add(Map.entry(key,
							threads.submit(() -> this.api.admin()
								.post("/api/v1/surveys/" + this.survey + "/responses", response(key, answers()))
								.expect(201))));
				}
			}
		}
		Map<String, Long> ids = new HashMap<>();
		int created = 0;
		for (var response : sent) {
			long id = response.getValue().get().json().get("id").asLong();
			assertThat(ids.computeIfAbsent(response.getKey(), (k) -> id)).isEqualTo(id);
			if ("false".equals(response.getValue().get().header("Idempotent-Replayed"))) {
				created++;
			}
		}
		assertThat(ids).hasSize(keys.size());
		assertThat(created).isEqualTo(keys.size());
		for (long id : ids.values()) {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.recorded.of(id).size() == 1);
		}
		// And no second event comes later.
		await().during(Duration.ofMillis(200))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(
					() -> assertThat(ids.values()).allSatisfy((id) -> assertThat(this.recorded.of(id)).hasSize(1)));
	}

	@Test
	void theSameResponseAgainAnswersWithTheStoredOneAndOtherAnswersUnderItsKeyAreAConflict() {
		String key = Api.unique("k");
		var first = this.api.admin()
			.post("/api/v1/surveys/" + this.survey + "/responses", response(key, answers()))
			.expect(201)
			.json();
		var again = this.api.admin()
			.post("/api/v1/surveys/" + this.survey + "/responses", response(key, answers()))
			.expect(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.json().get("id").asLong()).isEqualTo(first.get("id").asLong());
		Map<String, Object> other = answers();
		other.put("nps", 10);
		var conflict = Api.parse(post(response(key, other), 409));
		assertThat(conflict.get("current").get("id").asLong()).isEqualTo(first.get("id").asLong());
		var list = this.api.admin().get("/api/v1/responses?survey=" + this.survey).expect(200).json();
		assertThat(list.get("total").asLong()).isEqualTo(1);
	}

	@Test
	void takesTheKeyFromTheIdempotencyKeyHeader() throws Exception {
		Map<String, Object> body = response(Api.unique("k"), answers());
		String key = (String) body.remove("responseKey");
		var caller = this.api.admin();
		var sent = caller.send("POST", "/api/v1/surveys/" + this.survey + "/responses", body, "application/json");
		assertThat(sent.status()).isEqualTo(422);
		var response = HttpWithHeader.post(this.api, "/api/v1/surveys/" + this.survey + "/responses", body, key);
		assertThat(response.statusCode()).isEqualTo(201);
		var retry = HttpWithHeader.post(this.api, "/api/v1/surveys/" + this.survey + "/responses", body, key);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
	}

	@Test
	void refusesAResponseWithoutKey() {
		Map<String, Object> body = response(Api.unique("k"), answers());
		body.remove("responseKey");
		assertThat(field(post(body, 422))).isEqualTo("responseKey");
	}

	@Test
	void refusesAScoreOutOfRange() {
		Map<String, Object> answers = answers();
		answers.put("nps", 11);
		assertThat(field(post(response(Api.unique("k"), answers), 422))).isEqualTo("answers.nps");
		answers.put("nps", 9);
		answers.put("csat", 0);
		assertThat(field(post(response(Api.unique("k"), answers), 422))).isEqualTo("answers.csat");
		answers.put("csat", "4");
		assertThat(field(post(response(Api.unique("k"), answers), 422))).isEqualTo("answers.csat");
	}

	@Test
	void refusesAnUnknownQuestion() {
		Map<String, Object> answers = answers();
		answers.put("bogus", 3);
		assertThat(field(post(response(Api.unique("k"), answers), 422))).isEqualTo("answers.bogus");
	}

	@Test
	void refusesAMissingRequiredAnswerRespectingDisplayConditions() {
		Map<String, Object> answers = answers();
		answers.remove("csat");
		assertThat(field(post(response(Api.unique("k"), answers), 422))).isEqualTo("answers.csat");
		Map<String, Object> detractor = answers();
		detractor.put("nps", 3);
		assertThat(field(post(response(Api.unique("k"), detractor), 422))).isEqualTo("answers.why");
		detractor.put("why", "排队太久");
		post(response(Api.unique("k"), detractor), 201);
		Map<String, Object> promoter = answers();
		promoter.put("why", "ignored because the question is hidden");
		var stored = Api.parse(post(response(Api.unique("k"), promoter), 201));
		assertThat(stored.get("answers").findValues("questionCode").stream().map((n) -> n.asString()))
			.doesNotContain("why");
	}

	@Test
	void refusesATextTooLongAndTooManyChoicesAndAnUnknownOption() {
		Map<String, Object> answers = answers();
		answers.put("comment", "好".repeat(5001));
		assertThat(field(post(response(Api.unique("k"), answers), 422))).isEqualTo("answers.comment");
		answers.put("comment", "好".repeat(5000));
		post(response(Api.unique("k"), answers), 201);
		answers.put("liked", List.of("staff", "place", "price"));
		assertThat(field(post(response(Api.unique("k"), answers), 422))).isEqualTo("answers.liked");
		answers.put("liked", List.of("staff"));
		answers.put("visit", "never");
		assertThat(field(post(response(Api.unique("k"), answers), 422))).isEqualTo("answers.visit");
		answers.put("visit", "first");
		answers.put("speed", Map.of("expectation", 8, "perception", 4));
		assertThat(field(post(response(Api.unique("k"), answers), 422))).isEqualTo("answers.speed");
	}

	@Test
	void refusesUnknownLinksAndADraftSurvey() {
		Map<String, Object> body = response(Api.unique("k"), answers());
		body.put("touchpoint", "nowhere");
		assertThat(field(post(body, 422))).isEqualTo("touchpoint");
		String draft = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys", SurveyFixtures.survey(draft, List.of(SurveyFixtures.question("NPS", "nps", true))))
			.expect(201);
		this.api.admin()
			.post("/api/v1/surveys/" + draft + "/responses",
					Map.of("responseKey", Api.unique("k"), "answers", Map.of("nps", 5)))
			.expect(409);
		this.api.admin()
			.post("/api/v1/surveys/" + Api.unique("none") + "/responses",
					Map.of("responseKey", Api.unique("k"), "answers", Map.of("nps", 5)))
			.expect(404);
	}

	@Test
	void aResponseKeepsTheVersionItAnswered() {
		var first = Api.parse(post(response(Api.unique("k"), answers()), 201));
		var changed = SurveyFixtures.everyType();
		changed.removeIf((q) -> q.get("code").equals("rating"));
		this.api.admin().put("/api/v1/surveys/" + this.survey, SurveyFixtures.survey(this.survey, changed)).expect(200);
		Map<String, Object> answers = answers();
		assertThat(field(post(response(Api.unique("k"), answers), 422))).isEqualTo("answers.rating");
		answers.remove("rating");
		var second = Api.parse(post(response(Api.unique("k"), answers), 201));
		assertThat(first.get("version").asInt()).isEqualTo(1);
		assertThat(second.get("version").asInt()).isEqualTo(2);
		assertThat(this.responses.get(first.get("id").asLong()).answer("rating")).isPresent();
	}

	@Test
	void responsesAtUnitsOutsideTheCallersScopeAreInvisible() {
		long id = Api.parse(post(response(Api.unique("k"), answers()), 201)).get("id").asLong();
		var outsider = this.api.as(this.api.userToken("VIEWER", this.workspace.otherUnit));
		outsider.get("/api/v1/responses/" + id).expect(404);
		assertThat(outsider.get("/api/v1/responses?survey=" + this.survey).expect(200).json().get("total").asLong())
			.isZero();
		var insider = this.api.as(this.api.userToken("VIEWER", this.workspace.unit));
		insider.get("/api/v1/responses/" + id).expect(200);
		assertThat(insider.get("/api/v1/responses?survey=" + this.survey).expect(200).json().get("total").asLong())
			.isEqualTo(1);
		var agentOutside = this.api.as(this.api.userToken("AGENT", this.workspace.otherUnit));
		var refused = agentOutside.post("/api/v1/surveys/" + this.survey + "/responses",
				response(Api.unique("k"), answers()));
		assertThat(refused.status()).isEqualTo(422);
		this.api.as(this.api.userToken("VIEWER", null))
			.post("/api/v1/surveys/" + this.survey + "/responses", response(Api.unique("k"), answers()))
			.expect(403);
	}

	@Test
	void filtersByTouchpointUnitAndTime() {
		post(response(Api.unique("k"), answers()), 201);
		Map<String, Object> other = response(Api.unique("k"), answers());
		other.put("touchpoint", this.workspace.otherTouchpoint);
		other.put("submittedAt", "2026-01-05T08:00:00Z");
		post(other, 201);
		String base = "/api/v1/responses?survey=" + this.survey;
		assertThat(total(base)).isEqualTo(2);
		assertThat(total(base + "&touchpoint=" + this.workspace.otherTouchpoint)).isEqualTo(1);
		assertThat(total(base + "&unit=" + this.workspace.company)).isEqualTo(2);
		assertThat(total(base + "&unit=" + this.workspace.otherUnit)).isZero();
		assertThat(total(base + "&from=2026-01-01T00:00:00Z&to=2026-01-06T00:00:00Z")).isEqualTo(1);
	}

	@Test
	void exportsCsvWithAColumnPerAnswerAndJson() {
		post(response(Api.unique("k"), answers()), 201);
		Map<String, Object> second = answers();
		second.put("comment", "=HYPERLINK(\"x\")\nline two");
		post(response(Api.unique("k"), second), 201);
		var csv = this.api.admin().getAny("/api/v1/responses/export?format=csv&survey=" + this.survey).expect(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).contains("nps", "speed.expectation", "speed.perception", "liked", "comment");
		assertThat(lines[1]).contains(this.customer, this.workspace.touchpoint, this.workspace.unit, "staff|price");
		assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"x\"\")\nline two\"");
		var json = Api.parse(this.api.admin()
			.getAny("/api/v1/responses/export?format=json&survey=" + this.survey)
			.expect(200)
			.body());
		assertThat(json).hasSize(2);
		assertThat(json.get(0).get("answers")).hasSize(11);
		assertThat(json.get(0).get("customer").asString()).isEqualTo(this.customer);
		this.api.admin().getAny("/api/v1/responses/export?format=csv").expect(422);
	}

	private long total(String path) {
		return this.api.admin().get(path).expect(200).json().get("total").asLong();
	}

	private static String field(String problem) {
		return Api.parse(problem).get("errors").get(0).get("field").asString();
	}

}
