package org.opencxm.console;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The key-experiences page: the quadrant with its table and the fix-first list, in both
 * languages; scoped users are told the analysis spans the company.
 */
@ApplicationTest
class ConsoleKeyExperiencesTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsTheDriversInTheQuadrantAndWhatToFixFirst() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "公司", "Company");
		String store = fixtures.unit("st", company, "STORE", "门店", "Store");
		String survey = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys/from-template/touchpoint?code=" + survey + "&publish=true", "")
			.expect(201);
		int[][] scores = { { 10, 5, 7, 6 }, { 9, 4, 6, 5 }, { 3, 2, 2, 1 }, { 7, 4, 5, 4 }, { 0, 1, 1, 2 },
				{ 8, 5, 6, 7 }, { 6, 3, 4, 3 }, { 9, 5, 3, 6 }, { 2, 1, 3, 2 }, { 5, 3, 6, 4 }, { 10, 4, 7, 7 },
				{ 4, 2, 4, 3 }, { 8, 4, 5, 5 }, { 1, 2, 1, 1 } };
		for (int[] score : scores) {
			String customer = Api.unique("c");
			this.api.admin().put("/api/v1/customers/" + customer, Map.of("homeUnitCode", store)).expect(201);
			Map<String, Object> answers = new HashMap<>();
			answers.put("nps", score[0]);
			answers.put("csat", score[1]);
			answers.put("ces", score[2]);
			answers.put("sem-feel", score[3]);
			answers.put("sem-think", 1 + (score[0] * 3 + score[2]) % 7);
			answers.put("intensity", 1 + (score[1] * 2 + score[0]) % 7);
			this.api.admin()
				.post("/api/v1/surveys/" + survey + "/responses",
						Map.of("customer", customer, "unit", store, "answers", answers, "responseKey", Api.unique("k")))
				.expect(201);
		}
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> this.jdbc.sql("""
				select coalesce(sum(d.n), 0) from analytics_driver_daily d join survey s on s.id = d.survey_id
				where s.code = ?
				""").param(survey).query(Long.class).single() == scores.length);

		Account manager = fixtures.user("CX_MANAGER", null, "en");
		WebSession english = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		String html = english.page("/key-experiences?survey=" + survey, 200);
		assertThat(html).contains("data-page=\"key-experiences\"")
			.contains("<h1>Key experiences</h1>")
			.contains("data-driver=\"csat\"")
			.contains("data-driver=\"ces\"")
			.contains("data-section=\"fix-first\"")
			.contains("id=\"drivers-table\"")
			.contains("&quot;type&quot;:&quot;quadrant&quot;")
			.contains("value=\"" + survey + "\" selected=\"selected\"");

		Account chinese = fixtures.user("CX_MANAGER", null, "zh-CN");
		assertThat(WebSession.signedIn(this.api, chinese.username(), chinese.password(), "zh-CN")
			.page("/key-experiences?survey=" + survey, 200)).contains("<h1>关键体验</h1>").contains("优先改进");

		Account scoped = fixtures.user("UNIT_MANAGER", store, "en");
		WebSession unitManager = WebSession.signedIn(this.api, scoped.username(), scoped.password(), "en");
		assertThat(unitManager.page("/key-experiences?survey=" + survey, 200)).contains("data-message=\"company-only\"")
			.doesNotContain("data-driver=");
		english.page("/key-experiences?survey=" + Api.unique("none"), 404);
	}

}
