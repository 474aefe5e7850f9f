package org.opencxm.console;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;
import org.opencxm.evaluation.ExperienceLevel;
import org.opencxm.evaluation.ResponseEvaluations;
import org.opencxm.evaluation.StoredEvaluations;

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
	ResponseEvaluations evaluations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ConsoleFixtures fixtures;

	DashboardData data;

	/**
	 * The data is made once per application (each test database) and shared by the tests.
	 */
	static String seededFor;

	static String company;

	static String better;

	static String worse;

	static String tiny;

	static String vip;

	@BeforeEach
	void setUp() {
		this.fixtures = new ConsoleFixtures(this.api);
		if (this.api.baseUrl().equals(seededFor)) {
			return;
		}
		this.data = new DashboardData(new StoredEvaluations(this.evaluations, this.transactions, this.events),
				this.jdbc, this.clock);
		company = this.fixtures.unit("co", null, "COMPANY", "概览公司", "Overview company");
		better = this.fixtures.unit("st", company, "STORE", "<script>alert(1)</script>", "<script>alert(1)</script>");
		worse = this.fixtures.unit("st", company, "STORE", "下滑门店", "Sliding store");
		tiny = this.fixtures.unit("st", company, "STORE", "小店", "Tiny store");
		this.data.responses(better, 120, 40, 4, 2, 3, ExperienceLevel.NEGATIVE);
		this.data.responses(better, 5, 40, 9, 5, 6, ExperienceLevel.HIGH);
		this.data.responses(worse, 100, 30, 8, 4, 5, ExperienceLevel.MEDIUM);
		this.data.responses(worse, 10, 30, 7, 4, 5, ExperienceLevel.LOW);
		this.data.responses(tiny, 3, 4, 10, 5, 7, ExperienceLevel.HIGH);
		vip = this.fixtures.unit("st", company, "STORE", "贵宾门店", "VIP store");
		this.data.responses(vip, 5, 7, 10, 5, 7, ExperienceLevel.HIGH, "VIP");
		this.data.responses(vip, 5, 9, 3, 2, 2, ExperienceLevel.NEGATIVE, "LOW");
		this.data.awaitRolledUp(tiny, 4);
		this.data.awaitRolledUp(better, 80);
		this.data.awaitRolledUp(worse, 60);
		this.data.awaitRolledUp(vip, 16);
		seededFor = this.api.baseUrl();
	}

	@Test
	void showsHeadlineFiguresWithIntervalsSignificanceAndTheUnitsThatMoved() {
		Account manager = this.fixtures.user("CX_MANAGER", null, "en");
		WebSession english = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		String html = english.page("/?period=90d&unit=" + company, 200);
		assertThat(html).contains("data-page=\"overview\"")
			.contains("<h1>Overview</h1>")
			.contains("95% CI")
			.contains("data-significant=\"true\"")
			.contains("data-chart=")
			.contains("<table class=\"table table-compact\" id=\"trend-nps\"")
			.contains("option value=\"90d\" selected=\"selected\"")
			.contains("value=\"" + company + "\" selected=\"selected\"");
		assertThat(html).contains("data-unit=\"" + better + "\"").contains("data-unit=\"" + worse + "\"");
		assertThat(html.indexOf("data-unit=\"" + better + "\""))
			.isLessThan(html.indexOf("data-unit=\"" + worse + "\""));
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");

		Account chineseManager = this.fixtures.user("CX_MANAGER", null, "zh-CN");
		String chinese = WebSession.signedIn(this.api, chineseManager.username(), chineseManager.password(), "zh-CN")
			.page("/?unit=" + company, 200);
		assertThat(chinese).contains("<h1>概览</h1>").contains("净推荐值").contains("95% 置信区间").contains("显著");
	}

	@Test
	void filtersByCustomerSegmentAndKeepsTheFiltersInTheLink() {
		Account manager = this.fixtures.user("CX_MANAGER", null, "en");
		WebSession english = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		String all = english.page("/?period=30d&unit=" + vip, 200);
		assertThat(npsN(all)).isEqualTo(16);
		assertThat(all).doesNotContain("data-filtered=");
		String vips = english.page("/?period=30d&unit=" + vip + "&value-tier=VIP", 200);
		assertThat(npsN(vips)).isEqualTo(7);
		assertThat(vips).contains("<option value=\"VIP\" selected=\"selected\">VIP</option>")
			.contains("data-filtered=\"true\"")
			.contains("<label for=\"age-band\">Age</label>");
		assertThat(npsN(english.page("/?period=30d&unit=" + vip + "&value-tier=LOW", 200))).isEqualTo(9);
		assertThat(npsN(english.page("/?period=30d&unit=" + vip + "&value-tier=VIP&age-band=A65_PLUS", 200))).isZero();
		assertThat(npsN(english.page("/units/" + vip + "?period=30d&value-tier=LOW", 200))).isEqualTo(9);
		String ranking = english.page("/units?metric=nps&period=30d&value-tier=VIP", 200);
		assertThat(ranking).contains("data-unit=\"" + vip + "\"")
			.doesNotContain("data-unit=\"" + worse + "\"")
			.contains("<option value=\"VIP\" selected=\"selected\">VIP</option>");
		assertThat(english.page("/units?metric=nps&period=30d", 200)).contains("data-unit=\"" + worse + "\"");
		assertThat(english.page("/?touchpoint=" + Api.unique("none"), 422)).contains("data-status=\"422\"");

		Account chineseManager = this.fixtures.user("CX_MANAGER", null, "zh-CN");
		String chinese = WebSession.signedIn(this.api, chineseManager.username(), chineseManager.password(), "zh-CN")
			.page("/?period=30d&unit=" + vip + "&value-tier=VIP", 200);
		assertThat(chinese).contains("价值等级").contains("不限").contains("样本 7");
	}

	/** The n of the NPS headline. */
	private static long npsN(String html) {
		Matcher n = Pattern.compile("data-metric=\"nps\".*?<span>n = (\\d+)</span>", Pattern.DOTALL).matcher(html);
		if (!n.find()) {
			Matcher zh = Pattern.compile("data-metric=\"nps\".*?<span>样本 (\\d+)</span>", Pattern.DOTALL).matcher(html);
			return zh.find() ? Long.parseLong(zh.group(1)) : -1;
		}
		return Long.parseLong(n.group(1));
	}

	@Test
	void aScopedUserSeesItsOwnUnitAndGets404ForAnother() {
		Account manager = this.fixtures.user("UNIT_MANAGER", worse, "en");
		WebSession session = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		String html = session.page("/", 200);
		assertThat(html).doesNotContain("data-unit=\"" + better + "\"").doesNotContain("alert(1)");
		assertThat(session.page("/?unit=" + worse, 200)).contains("Sliding store");
		assertThat(session.page("/?unit=" + better, 404)).contains("data-status=\"404\"").doesNotContain("alert(1)");
	}

	@Test
	void ranksUnitsByRawAndShrunkenScoresAndMarksSmallSamples() {
		Account manager = this.fixtures.user("CX_MANAGER", null, "en");
		WebSession english = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		String html = english.page("/units?metric=nps&period=30d", 200);
		assertThat(html).contains("data-page=\"units-ranking\"")
			.contains("Shrunken")
			.contains("Raw")
			.contains("data-unit=\"" + tiny + "\" data-small=\"true\"")
			.contains("data-unit=\"" + worse + "\" data-small=\"false\"")
			.contains("id=\"ranking-table\"")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");
		assertThat(english.page("/units/" + worse + "?period=30d", 200)).contains("<h1>Sliding store</h1>")
			.contains("data-unit=\"" + worse + "\"");

		Account chinese = this.fixtures.user("CX_MANAGER", null, "zh-CN");
		assertThat(WebSession.signedIn(this.api, chinese.username(), chinese.password(), "zh-CN")
			.page("/units?metric=csat", 200)).contains("<h1>组织单元</h1>").contains("收缩后").contains("小样本");
	}

	@Test
	void aScopedUserRanksOnlyItsSubtreeAndCannotOpenAnotherUnitsPage() {
		Account manager = this.fixtures.user("UNIT_MANAGER", worse, "en");
		WebSession session = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		String ranking = session.page("/units?period=30d", 200);
		assertThat(ranking).contains("data-unit=\"" + worse + "\"")
			.doesNotContain("data-unit=\"" + better + "\"")
			.doesNotContain("data-unit=\"" + tiny + "\"");
		session.page("/units/" + worse, 200);
		assertThat(session.page("/units/" + tiny, 404)).doesNotContain("Tiny store");
		session.page("/units/" + company, 404);
	}

}
