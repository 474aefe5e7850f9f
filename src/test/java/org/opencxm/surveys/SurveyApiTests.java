package org.opencxm.surveys;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.surveys.SurveyFixtures.everyType;
import static org.opencxm.surveys.SurveyFixtures.question;
import static org.opencxm.surveys.SurveyFixtures.survey;
import static org.opencxm.surveys.SurveyFixtures.with;

@ApplicationTest
class SurveyApiTests {

	@Autowired
	Api api;

	@Test
	void createsASurveyWithEveryQuestionTypeAndAnswersTheSameCreateAgainWith200() {
		String code = Api.unique("s");
		var body = survey(code, everyType());
		var created = this.api.admin().post("/api/v1/surveys", body).expect(201).json();
		assertThat(created.get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.get("version").asInt()).isEqualTo(1);
		assertThat(created.get("questions")).hasSize(12);
		assertThat(created.get("questions").get(6).get("type").asString()).isEqualTo("EXPECTATION_PERCEPTION");
		assertThat(created.get("questions").get(6).get("attribute").asString()).isEqualTo("waiting-time");
		assertThat(this.api.admin().post("/api/v1/surveys", body).expect(200).json()).isEqualTo(created);
		var other = survey(code, List.of(question("NPS", "nps", true)));
		this.api.admin().post("/api/v1/surveys", other).expect(409);
		assertThat(this.api.admin().get("/api/v1/surveys/" + code).expect(200).json()).isEqualTo(created);
	}

	@Test
	void aDraftIsChangedInPlaceAndAPublishedSurveyGainsAVersion() {
		String code = Api.unique("s");
		this.api.admin().post("/api/v1/surveys", survey(code, List.of(question("NPS", "nps", true)))).expect(201);
		var draft = this.api.admin()
			.put("/api/v1/surveys/" + code,
					survey(code, List.of(question("NPS", "nps", true), question("CSAT", "csat", true))))
			.expect(200)
			.json();
		assertThat(draft.get("version").asInt()).isEqualTo(1);
		assertThat(draft.get("questions")).hasSize(2);
		var published = this.api.admin().post("/api/v1/surveys/" + code + "/publish", Map.of()).expect(200).json();
		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.get("publishedAt").isNull()).isFalse();
		var changed = this.api.admin()
			.put("/api/v1/surveys/" + code, survey(code, List.of(question("NPS", "nps", true))))
			.expect(200)
			.json();
		assertThat(changed.get("version").asInt()).isEqualTo(2);
		assertThat(changed.get("status").asString()).isEqualTo("PUBLISHED");
		var first = this.api.admin().get("/api/v1/surveys/" + code + "/versions/1").expect(200).json();
		assertThat(first.get("questions")).hasSize(2);
		var same = this.api.admin()
			.put("/api/v1/surveys/" + code, survey(code, List.of(question("NPS", "nps", true))))
			.expect(200)
			.json();
		assertThat(same.get("version").asInt()).isEqualTo(2);
	}

	@Test
	void refusesDuplicateQuestionCodesWithTheQuestionAsField() {
		var body = survey(Api.unique("s"), List.of(question("NPS", "nps", true), question("CSAT", "nps", true)));
		var problem = this.api.admin().post("/api/v1/surveys", body).expect(422).json();
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("questions[1].code");
	}

	@Test
	void refusesAConditionOnALaterQuestion() {
		var body = survey(Api.unique("s"), List.of(with(question("TEXT", "why", true), "showIf",
				Map.of("question", "nps", "operator", "AT_MOST", "value", 6)), question("NPS", "nps", true)));
		var problem = this.api.admin().post("/api/v1/surveys", body).expect(422).json();
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("questions[0].showIf.question");
	}

	@Test
	void refusesARatingScaleThatIsEmptyOrTooLong() {
		var rating = question("RATING", "r", true);
		rating.put("min", 5);
		rating.put("max", 5);
		this.api.admin().post("/api/v1/surveys", survey(Api.unique("s"), List.of(rating))).expect(422);
		rating.put("min", 0);
		rating.put("max", 30);
		this.api.admin().post("/api/v1/surveys", survey(Api.unique("s"), List.of(rating))).expect(422);
	}

	@Test
	void refusesAnUnknownQuestionTypeOrASemItemWithoutModule() {
		this.api.admin()
			.post("/api/v1/surveys", survey(Api.unique("s"), List.of(question("STARS", "s", true))))
			.expect(400);
		var problem = this.api.admin()
			.post("/api/v1/surveys", survey(Api.unique("s"), List.of(question("SEM", "s", true))))
			.expect(422)
			.json();
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("questions[0].module");
	}

	@Test
	void onlyCxManagersWriteSurveysButEveryoneReadsThem() {
		String code = Api.unique("s");
		var viewer = this.api.as(this.api.userToken("VIEWER", null));
		viewer.post("/api/v1/surveys", survey(code, List.of(question("NPS", "nps", true)))).expect(403);
		this.api.as(this.api.userToken("CX_MANAGER", null))
			.post("/api/v1/surveys", survey(code, List.of(question("NPS", "nps", true))))
			.expect(201);
		viewer.get("/api/v1/surveys/" + code).expect(200);
		this.api.anonymous().get("/api/v1/surveys/" + code).expect(401);
	}

	@Test
	void listsTheTemplatesAndCreatesASurveyFromEach() {
		var templates = this.api.admin().get("/api/v1/survey-templates").expect(200).json();
		assertThat(templates).hasSize(6);
		for (var template : templates) {
			String code = Api.unique("t");
			String path = "/api/v1/surveys/from-template/" + template.get("id").asString() + "?publish=true&code="
					+ code;
			var survey = this.api.admin().post(path, Map.of()).expect(201).json();
			assertThat(survey.get("status").asString()).isEqualTo("PUBLISHED");
			assertThat(survey.get("template").asString()).isEqualTo(template.get("id").asString());
			assertThat(survey.get("questions")).hasSize(template.get("questions").asInt());
			this.api.admin().post(path, Map.of()).expect(200);
		}
		var touchpoint = this.api.admin()
			.post("/api/v1/surveys/from-template/touchpoint?code=" + Api.unique("t"), Map.of())
			.expect(201)
			.json();
		assertThat(touchpoint.get("questions").findValues("module")).hasSize(5);
		this.api.admin().post("/api/v1/surveys/from-template/nothing?code=" + Api.unique("t"), Map.of()).expect(404);
	}

}
