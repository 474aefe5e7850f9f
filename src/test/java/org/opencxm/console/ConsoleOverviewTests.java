package org.opencxm.console;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;
import org.opencxm.evaluation.ExperienceLevel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview through HTTP: figures with intervals and significance, the units that
 * moved, the URL filters, scope and both languages.
 */
@ApplicationTest
class ConsoleOverviewTests {

	@Autowired
	Api api;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ConsoleFixtures fixtures;

	DashboardData data;

	String company;

	String better;

	String worse;

	@BeforeEach
	void setUp() {
		this.fixtures = new ConsoleFixtures(this.api);
		this.data = new DashboardData(this.events, this.transactions, this.jdbc, this.clock);
		this.company = this.fixtures.unit("co", null, "COMPANY", "概览公司", "Overview company");
		this.better = this.fixtures.unit("st", this.company, "STORE", "<script>alert(1)</script>",
				"<script>alert(1)</script>");
		this.worse = this.fixtures.unit("st", this.company, "STORE", "下滑门店", "Sliding store");
		this.data.responses(this.better, 120, 40, 4, 2, 3, ExperienceLevel.NEGATIVE);
		this.data.responses(this.better, 5, 40, 9, 5, 6, ExperienceLevel.HIGH);
		this.data.responses(this.worse, 100, 30, 8, 4, 5, ExperienceLevel.MEDIUM);
		this.data.responses(this.worse, 10, 30, 7, 4, 5, ExperienceLevel.LOW);
		this.data.awaitRolledUp(this.better, 80);
		this.data.awaitRolledUp(this.worse, 60);
	}

	@Test
	void showsHeadlineFiguresWithIntervalsSignificanceAndTheUnitsThatMoved() {
		Account manager = this.fixtures.user("CX_MANAGER", null, "en");
		WebSession english = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		String html = english.page("/?period=90d&unit=" + this.company, 200);
		assertThat(html).contains("data-page=\"overview\"")
			.contains("<h1>Overview</h1>")
			.contains("95% CI")
			.contains("data-significant=\"true\"")
			.contains("data-chart=")
			.contains("<table class=\"table table-compact\" id=\"trend-nps\"")
			.contains("option value=\"90d\" selected=\"selected\"")
			.contains("value=\"" + this.company + "\" selected=\"selected\"");
		assertThat(html).contains("data-unit=\"" + this.better + "\"").contains("data-unit=\"" + this.worse + "\"");
		assertThat(html.indexOf("data-unit=\"" + this.better + "\""))
			.isLessThan(html.indexOf("data-unit=\"" + this.worse + "\""));
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");

		Account chineseManager = this.fixtures.user("CX_MANAGER", null, "zh-CN");
		String chinese = WebSession.signedIn(this.api, chineseManager.username(), chineseManager.password(), "zh-CN")
			.page("/?unit=" + this.company, 200);
		assertThat(chinese).contains("<h1>概览</h1>").contains("净推荐值").contains("95% 置信区间").contains("显著");
	}

	@Test
	void aScopedUserSeesItsOwnUnitAndGets404ForAnother() {
		Account manager = this.fixtures.user("UNIT_MANAGER", this.worse, "en");
		WebSession session = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		String html = session.page("/", 200);
		assertThat(html).doesNotContain("data-unit=\"" + this.better + "\"").doesNotContain("alert(1)");
		assertThat(session.page("/?unit=" + this.worse, 200)).contains("Sliding store");
		assertThat(session.page("/?unit=" + this.better, 404)).contains("data-status=\"404\"")
			.doesNotContain("alert(1)");
	}

}
