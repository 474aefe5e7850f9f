package org.opencxm.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.shared.SqlTime;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Invitations are written as the dispatcher leaves them (sent, and answered or not), so
 * that their days are known exactly. The east unit keeps the company's zone
 * (Asia/Shanghai); the west unit is in New York, where daylight saving starts on 10 March
 * 2024 at 07:00 UTC.
 */
@ApplicationTest
class ResponseRateApiTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	private String company;

	private String first;

	private String second;

	private final Map<String, Long> unitIds = new HashMap<>();

	private final Map<String, Long> surveyIds = new HashMap<>();

	@BeforeEach
	void invitations() {
		this.company = Api.unique("rr");
		unit(this.company, null, null);
		unit(this.company + "-e", this.company, null);
		unit(this.company + "-w", this.company, "America/New_York");
		this.first = survey();
		this.second = survey();
		String east = this.company + "-e";
		String west = this.company + "-w";
		invite(this.first, east, "2024-03-04T02:00:00Z", true);
		invite(this.first, east, "2024-03-04T03:00:00Z", true);
		invite(this.first, east, "2024-03-05T02:00:00Z", false);
		// 10 March, 01:00 in Shanghai.
		invite(this.first, east, "2024-03-09T17:00:00Z", true);
		invite(this.second, east, "2024-03-06T02:00:00Z", false);
		invite(this.first, east, null, false);
		// 9 March, 23:30 EST.
		invite(this.first, west, "2024-03-10T04:30:00Z", true);
		// 10 March, 23:30 EDT.
		invite(this.first, west, "2024-03-11T03:30:00Z", false);
		invite(this.first, east, "2024-02-10T02:00:00Z", false);
		invite(this.first, east, "2024-02-11T02:00:00Z", true);
	}

	private void unit(String code, @Nullable String parent, @Nullable String zone) {
		Map<String, Object> body = Api.orgUnit(code, parent, (parent == null) ? "COMPANY" : "REGION");
		if (zone != null) {
			body.put("timeZone", zone);
		}
		this.unitIds.put(code, this.api.admin().post("/api/v1/org-units", body).expect(201).json().get("id").asLong());
	}

	private String survey() {
		String code = Api.unique("rs");
		Map<String, Object> question = Map.of("type", "NPS", "code", "nps", "required", true, "text",
				Map.of("zh-CN", "推荐吗", "en", "Recommend?"));
		long id = this.api.admin()
			.post("/api/v1/surveys",
					Map.of("code", code, "title", Map.of("zh-CN", "调查", "en", "Survey"), "questions",
							List.of(question)))
			.expect(201)
			.json()
			.get("id")
			.asLong();
		this.surveyIds.put(code, id);
		return code;
	}

	private void invite(String survey, String unit, @Nullable String sentAt, boolean answered) {
		Instant sent = (sentAt != null) ? Instant.parse(sentAt) : null;
		Instant due = (sent != null) ? sent : Instant.parse("2024-03-20T00:00:00Z");
		String status = (sent == null) ? "PENDING" : (answered ? "ANSWERED" : "SENT");
		this.jdbc.sql("""
				insert into survey_invitation (survey_id, customer_id, unit_id, language, status, due_at, expiry_hours,
					sent_at, answered_at, attempts, created_at)
				values (?, 1, ?, 'zh-CN', ?, ?, 72, ?, ?, 1, ?)
				""")
			.params(this.surveyIds.get(survey), this.unitIds.get(unit), status, SqlTime.of(due), SqlTime.of(sent),
					(answered && sent != null) ? SqlTime.of(sent.plusSeconds(3600)) : null, SqlTime.of(due))
			.update();
	}

	private JsonNode rate(Api.Caller caller, String query) {
		return caller
			.get("/api/v1/analytics/metrics?metric=response-rate&from=2024-03-01&to=2024-03-31&unit=" + this.company
					+ query)
			.expect(200)
			.json();
	}

	@Test
	void theResponseRateIsAnsweredOverSentInvitationsWithAWilsonInterval() {
		JsonNode month = rate(this.api.admin(), "&grain=month&compare=previous").get("points");
		assertThat(month).hasSize(1);
		JsonNode figure = month.get(0).get("figure");
		assertThat(figure.get("n").asLong()).isEqualTo(7);
		assertThat(figure.get("value").asDouble()).isCloseTo(4.0 / 7, within(1e-12));
		assertThat(figure.get("interval").get("lower").asDouble()).isCloseTo(0.25046, within(1e-4));
		assertThat(figure.get("interval").get("upper").asDouble()).isCloseTo(0.84178, within(1e-4));
		assertThat(figure.get("smallSample").asBoolean()).isTrue();
		assertThat(figure.get("previous").get("n").asLong()).isEqualTo(2);
		assertThat(figure.get("previous").get("value").asDouble()).isEqualTo(0.5);
		assertThat(figure.get("comparison").get("pValue").asDouble()).isBetween(0.0, 1.0);
		JsonNode bySurvey = rate(this.api.admin(), "&grain=month&by=survey").get("points");
		Map<String, JsonNode> surveys = new HashMap<>();
		bySurvey.forEach((p) -> surveys.put(p.get("group").get("survey").asString(), p.get("figure")));
		assertThat(surveys.get(this.first).get("n").asLong()).isEqualTo(6);
		assertThat(surveys.get(this.first).get("value").asDouble()).isCloseTo(4.0 / 6, within(1e-12));
		assertThat(surveys.get(this.second).get("value").asDouble()).isZero();
	}

	@Test
	void invitationsCountOnTheLocalDayOfTheirUnit() {
		JsonNode days = rate(this.api.admin(), "&by=unit&survey=" + this.first).get("points");
		Map<String, JsonNode> points = new HashMap<>();
		days.forEach((p) -> points.put(p.get("period").asString() + " " + p.get("group").get("unit").asString(),
				p.get("figure")));
		String east = this.company + "-e";
		String west = this.company + "-w";
		assertThat(points).containsOnlyKeys("2024-03-04 " + east, "2024-03-05 " + east, "2024-03-10 " + east,
				"2024-03-09 " + west, "2024-03-10 " + west);
		assertThat(points.get("2024-03-04 " + east).get("n").asLong()).isEqualTo(2);
		assertThat(points.get("2024-03-09 " + west).get("value").asDouble()).isEqualTo(1.0);
		assertThat(points.get("2024-03-10 " + west).get("value").asDouble()).isZero();
	}

	@Test
	void aScopedCallerCountsOnlyItsSubtreesInvitations() {
		Api.Caller east = this.api.as(this.api.userToken("VIEWER", this.company + "-e"));
		JsonNode figure = east
			.get("/api/v1/analytics/metrics?metric=response-rate&grain=month&from=2024-03-01&to=2024-03-31")
			.expect(200)
			.json()
			.get("points");
		assertThat(figure).hasSize(1);
		assertThat(figure.get(0).get("figure").get("n").asLong()).isEqualTo(5);
		assertThat(figure.get(0).get("figure").get("value").asDouble()).isCloseTo(0.6, within(1e-12));
		east.get("/api/v1/analytics/metrics?metric=response-rate&unit=" + this.company + "-w").expect(422);
	}

	@Test
	void dimensionsInvitationsDoNotHaveAreRejected() {
		JsonNode by = this.api.admin()
			.get("/api/v1/analytics/metrics?metric=response-rate&by=channel")
			.expect(422)
			.json();
		assertThat(by.get("errors").get(0).get("field").asString()).isEqualTo("by");
		JsonNode filter = this.api.admin()
			.get("/api/v1/analytics/metrics?metric=response-rate&value-tier=gold")
			.expect(422)
			.json();
		assertThat(filter.get("errors").get(0).get("field").asString()).isEqualTo("value-tier");
		this.api.admin().get("/api/v1/analytics/units?metric=response-rate").expect(422);
	}

}
