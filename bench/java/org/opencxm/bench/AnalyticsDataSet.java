package org.opencxm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opencxm.journeys.BrandExperienceLevel;
import org.opencxm.journeys.Channel;
import org.opencxm.journeys.ContactType;
import org.opencxm.journeys.JourneyRequest;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.TouchpointRequest;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.ApiTokens;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnitKind;
import org.opencxm.org.OrgUnitRequest;
import org.opencxm.org.OrgUnits;
import org.opencxm.shared.LocalizedText;
import org.opencxm.surveys.Question;
import org.opencxm.surveys.SurveyRequest;
import org.opencxm.surveys.Surveys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analytics benchmark's data: one company of 500 org units (19 regions, 480 stores, all on
 * UTC), a journey of 6 stages with 10 touchpoints each, and a survey asking NPS and 12 driver
 * ratings (1–5). The responses are written straight into the real raw tables
 * ({@code survey_response}, {@code survey_answer}) and the evaluation table by the database
 * itself, deterministically from the row number: 24 months from 2024-11-01 with a slowly growing
 * volume, touchpoint and store popularity skewed, each touchpoint and store with its own level,
 * drivers sharing a common mood, and NPS depending on the drivers (weights 0.9 down to 0.02),
 * a yearly season and a slight upward trend. The evaluation columns of each generated row are
 * those the product itself wrote for a real response with the same NPS answer.
 */
final class AnalyticsDataSet {

	static final String SURVEY = "bench-kx";

	static final String TEMPLATE_SURVEY = "bench-kx-template";

	static final String INGEST_SURVEY = "bench-ingest";

	static final LocalDate FIRST_DAY = LocalDate.of(2024, 11, 1);

	static final int DAYS = 730;

	static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1);

	static final int STAGES = 6;

	static final int TOUCHPOINTS_PER_STAGE = 10;

	static final int REGIONS = 19;

	static final int STORES = 480;

	static final int DRIVERS = 12;

	private static final double[] WEIGHTS = { 0.9, 0.7, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05, 0.03, 0.02 };

	private static final List<Channel> CHANNELS = List.of(Channel.STORE, Channel.APP, Channel.WEB, Channel.PHONE,
			Channel.WECHAT);

	/** The tables a load works with, dropped when it is done. */
	private static final List<String> STAGING = List.of("bench_gen", "bench_tp", "bench_unit", "bench_eval",
			"bench_load_base", "bench_load");

	private final BenchServer server;

	private final JdbcClient jdbc;

	private final boolean postgres;

	private final TransactionTemplate transactions;

	AnalyticsDataSet(BenchServer server, boolean postgres) {
		this.server = server;
		this.jdbc = client(server);
		this.postgres = postgres;
		this.transactions = new TransactionTemplate(server.context().getBean(PlatformTransactionManager.class));
	}

	/**
	 * Whether a load was started and did not finish: {@link #load} then goes on from the
	 * last slice it committed.
	 */
	boolean loading() {
		return this.jdbc.sql("select count(*) from information_schema.tables where lower(table_name) = 'bench_load'")
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A client without the application's query timeout: loading and the raw GROUP BY take
	 * longer than any request should.
	 */
	static JdbcClient client(BenchServer server) {
		// Zero, not unset: H2 keeps a statement's timeout on its pooled session.
		var template = new org.springframework.jdbc.core.JdbcTemplate(
				server.context().getBean(javax.sql.DataSource.class));
		template.setQueryTimeout(0);
		return JdbcClient.create(template);
	}

	static String driver(int i) {
		return String.format("d%02d", i);
	}

	long surveyId(String code) {
		return this.jdbc.sql("select id from survey where code = ?").param(code).query(Long.class).optional().orElse(0L);
	}

	/** The generated responses already stored, 0 when there is no data set yet. */
	long stored() {
		long survey = surveyId(SURVEY);
		return (survey == 0) ? 0
				: this.jdbc.sql("select count(*) from survey_response where survey_id = ?")
					.param(survey)
					.query(Long.class)
					.single();
	}

	/** An API token for the administrator. */
	void token() {
		var context = this.server.context();
		context.getBean(OrgScope.class).runAsSystem(() -> {
			long admin = this.jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
			this.server.token(context.getBean(ApiTokens.class).issueFor(admin, "bench", 1).token());
		});
	}

	/** The units, journey, touchpoints and surveys. */
	void createWorkspace() {
		var context = this.server.context();
		context.getBean(OrgScope.class).runAsSystem(() -> {
			OrgUnits units = context.getBean(OrgUnits.class);
			units.create(new OrgUnitRequest("bench", null, OrgUnitKind.COMPANY, text("基准公司", "Bench company"), "UTC"));
			for (int r = 0; r < REGIONS; r++) {
				units.create(new OrgUnitRequest("bench-r" + r, "bench", OrgUnitKind.REGION,
						text("区域 " + r, "Region " + r), "UTC"));
			}
			for (int s = 0; s < STORES; s++) {
				units.create(new OrgUnitRequest(store(s), "bench-r" + (s % REGIONS), OrgUnitKind.STORE,
						text("门店 " + s, "Store " + s), "UTC"));
			}
			List<JourneyRequest.StageRequest> stages = new ArrayList<>();
			for (int st = 0; st < STAGES; st++) {
				stages.add(new JourneyRequest.StageRequest("s" + st, text("阶段 " + st, "Stage " + st), null));
			}
			context.getBean(Journeys.class)
				.create(new JourneyRequest("bench", text("基准旅程", "Bench journey"), null, stages, null));
			Touchpoints touchpoints = context.getBean(Touchpoints.class);
			for (int t = 0; t < STAGES * TOUCHPOINTS_PER_STAGE; t++) {
				touchpoints.create(new TouchpointRequest(touchpoint(t), "bench", "s" + (t / TOUCHPOINTS_PER_STAGE),
						null, null, text("触点 " + t, "Touchpoint " + t), null, ContactType.PERSONNEL,
						CHANNELS.get(t % CHANNELS.size()), null, BrandExperienceLevel.SERVICE, 1.0, null, null, null));
			}
			Surveys surveys = context.getBean(Surveys.class);
			for (String code : List.of(SURVEY, TEMPLATE_SURVEY, INGEST_SURVEY)) {
				List<Question> questions = new ArrayList<>();
				questions.add(new Question.Nps("nps", text("推荐意愿", "Likelihood to recommend"), true, null, null, null));
				for (int i = 1; i <= DRIVERS; i++) {
					questions.add(new Question.Rating(driver(i), text("驱动因素 " + i, "Driver " + i), true, null, 1, 5,
							null, null));
				}
				surveys.create(new SurveyRequest(code, text("基准调查", "Bench survey"), null, null, questions), true);
			}
		});
	}

	static String store(int s) {
		return "bench-s" + s;
	}

	static String touchpoint(int t) {
		return "bench-t" + t;
	}

	/** A response to one of the benchmark's surveys, as the API takes it. */
	static String responseJson(String key, int touchpoint, int store, int nps, int[] drivers) {
		StringBuilder json = new StringBuilder(300).append("{\"responseKey\":\"")
			.append(key)
			.append("\",\"touchpoint\":\"")
			.append(touchpoint(touchpoint))
			.append("\",\"unit\":\"")
			.append(store(store))
			.append("\",\"answers\":{\"nps\":")
			.append(nps);
		for (int i = 0; i < DRIVERS; i++) {
			json.append(",\"").append(driver(i + 1)).append("\":").append(drivers[i]);
		}
		return json.append("}}").toString();
	}

	/**
	 * Eleven real responses to the template survey, one per NPS answer, so that every
	 * generated evaluation row copies what the product wrote for its NPS answer.
	 */
	void templates(HttpClient http) throws Exception {
		for (int nps = 0; nps <= 10; nps++) {
			String body = responseJson("bench-template-" + nps, 0, 0, nps, new int[] { 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 });
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create(this.server.baseUrl() + "/api/v1/surveys/" + TEMPLATE_SURVEY + "/responses"))
				.header("Authorization", "Bearer " + this.server.token())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201 && response.statusCode() != 200) {
				throw new IllegalStateException("template response answered " + response.statusCode() + ": "
						+ response.body());
			}
		}
		long template = surveyId(TEMPLATE_SURVEY);
		for (int i = 0; i < 600; i++) {
			long evaluated = this.jdbc.sql("select count(distinct nps) from response_evaluation where survey_id = ?")
				.param(template)
				.query(Long.class)
				.single();
			if (evaluated == 11) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the template responses were not evaluated");
	}

	/** Writes {@code count} responses, their answers and evaluations, timing each step. */
	void load(long count) {
		long survey = surveyId(SURVEY);
		long version = this.jdbc.sql("select max(id) from survey_version where survey_id = ?")
			.param(survey)
			.query(Long.class)
			.single();
		long template = surveyId(TEMPLATE_SURVEY);
		Map<String, Object> response = this.jdbc
			.sql("select status, source, language from survey_response where survey_id = ? order by id")
			.param(template)
			.query()
			.listOfRows()
			.get(0);
		long base;
		if (loading()) {
			base = this.jdbc.sql("select base from bench_load_base").query(Long.class).single();
		}
		else {
			base = stage(template);
		}
		timed("generate " + count + " rows of scores", () -> eachSlice("generate", count, (from, to) -> generate(count, from, to)));
		String at = this.postgres
				? "timestamp with time zone '2024-11-01 00:00:00+00' + (g.day_no * 86400 + g.sec) * interval '1 second'"
				: "dateadd('SECOND', g.day_no * 86400 + g.sec, timestamp with time zone '2024-11-01 00:00:00+00')";
		String day = this.postgres ? "date '2024-11-01' + g.day_no" : "dateadd('DAY', g.day_no, date '2024-11-01')";
		timed("survey_response", () -> eachSlice("survey_response", count, (from, to) -> this.jdbc.sql("""
				insert into survey_response (id, response_key, survey_id, survey_version_id, status, source,
					touchpoint_id, stage_id, unit_id, channel, language, submitted_at, updated_at)
				select %d + g.x, 'bench-kx-' || g.x, %d, %d, '%s', '%s', t.id, t.stage_id, u.id, t.channel, '%s',
					%s, %s
				from bench_gen g join bench_tp t on t.idx = g.tp join bench_unit u on u.idx = g.unit
				where g.x between ? and ?
				""".formatted(base, survey, version, response.get("status"), response.get("source"),
				response.get("language"), at, at))
			.params(from, to)
			.update()));
		List<Map<String, Object>> answers = this.jdbc.sql("""
				select question_code, position, question_type, scale_min, scale_max from survey_answer
				where response_id = (select min(id) from survey_response where survey_id = ?)
				""").param(template).query().listOfRows();
		timed("survey_answer (" + answers.size() + " a response)", () -> {
			for (Map<String, Object> answer : answers) {
				String code = (String) answer.get("question_code");
				String column = code.equals("nps") ? "nps" : "d" + Integer.parseInt(code.substring(1));
				eachSlice("survey_answer " + code, count, (from, to) -> this.jdbc.sql("""
						insert into survey_answer (response_id, position, question_code, question_type, score,
							scale_min, scale_max)
						select %d + g.x, %s, '%s', '%s', g.%s, %s, %s from bench_gen g where g.x between ? and ?
						""".formatted(base, answer.get("position"), code, answer.get("question_type"), column,
						answer.get("scale_min"), answer.get("scale_max")))
					.params(from, to)
					.update());
			}
		});
		List<String> columns = this.jdbc.sql("select * from response_evaluation where 1 = 0")
			.query((rs) -> {
				List<String> names = new ArrayList<>();
				for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
					names.add(rs.getMetaData().getColumnName(c).toLowerCase(java.util.Locale.ROOT));
				}
				return names;
			});
		StringBuilder scores = new StringBuilder("'{\"nps\":' || g.nps || '.0");
		for (int i = 1; i <= DRIVERS; i++) {
			scores.append(",\"").append(driver(i)).append("\":' || g.d").append(i).append(" || '.0");
		}
		scores.append("}'");
		Map<String, String> generated = Map.ofEntries(Map.entry("response_id", base + " + g.x"),
				Map.entry("survey_id", String.valueOf(survey)), Map.entry("survey_version_id", String.valueOf(version)),
				Map.entry("touchpoint_id", "t.id"), Map.entry("stage_id", "t.stage_id"), Map.entry("unit_id", "u.id"),
				Map.entry("channel", "t.channel"), Map.entry("submitted_at", at), Map.entry("local_day", day),
				Map.entry("nps", "g.nps"), Map.entry("scores", scores.toString()), Map.entry("evaluated_at", at));
		String select = String.join(", ",
				columns.stream().map((c) -> generated.getOrDefault(c, "e." + c)).toList());
		timed("response_evaluation", () -> eachSlice("response_evaluation", count, (from, to) -> this.jdbc
			.sql("insert into response_evaluation (" + String.join(", ", columns) + ") select " + select
					+ " from bench_gen g join bench_tp t on t.idx = g.tp"
					+ " join bench_unit u on u.idx = g.unit join bench_eval e on e.nps = g.nps where g.x between ? and ?")
			.params(from, to)
			.update()));
		if (this.postgres) {
			this.jdbc.sql("select setval(pg_get_serial_sequence('survey_response', 'id'), (select max(id) from survey_response))")
				.query()
				.singleValue();
		}
		else {
			long next = this.jdbc.sql("select max(id) + 1 from survey_response").query(Long.class).single();
			this.jdbc.sql("alter table survey_response alter column id restart with " + next).update();
		}
		for (String table : STAGING) {
			this.jdbc.sql("drop table if exists " + table).update();
		}
		timed("analyze", this::analyze);
	}

	/**
	 * The staging tables of a new load: touchpoints, stores, the template evaluations, the
	 * scores, and the record of the slices done. Returns the first response id less one.
	 */
	private long stage(long template) {
		for (String table : STAGING) {
			this.jdbc.sql("drop table if exists " + table).update();
		}
		this.jdbc.sql("create table bench_tp (idx int primary key, id bigint, stage_id bigint, channel varchar(20))")
			.update();
		var touchpoints = this.server.context().getBean(Touchpoints.class);
		for (int t = 0; t < STAGES * TOUCHPOINTS_PER_STAGE; t++) {
			TouchpointRef ref = touchpoints.ref(touchpoint(t)).orElseThrow();
			this.jdbc.sql("insert into bench_tp values (?, ?, ?, ?)")
				.params(t, ref.id(), ref.stageId(), CHANNELS.get(t % CHANNELS.size()).name())
				.update();
		}
		this.jdbc.sql("create table bench_unit (idx int primary key, id bigint)").update();
		for (int s = 0; s < STORES; s++) {
			long id = this.jdbc.sql("select id from org_unit where code = ?").param(store(s)).query(Long.class).single();
			this.jdbc.sql("insert into bench_unit values (?, ?)").params(s, id).update();
		}
		this.jdbc.sql("create table bench_eval as select * from response_evaluation where survey_id = " + template)
			.update();
		long base = this.jdbc.sql("select coalesce(max(id), 0) + 1000 from survey_response")
			.query(Long.class)
			.single();
		createStaging();
		this.jdbc.sql("create table bench_load_base (base bigint not null)").update();
		this.jdbc.sql("insert into bench_load_base values (?)").param(base).update();
		// Last: its presence marks a load to go on with.
		this.jdbc.sql("create table bench_load (step varchar(100) not null, slice_from bigint not null,"
				+ " primary key (step, slice_from))").update();
		return base;
	}

	void analyze() {
		if (this.postgres) {
			for (String table : List.of("survey_response", "survey_answer", "response_evaluation")) {
				this.jdbc.sql("analyze " + table).update();
			}
		}
		else {
			this.jdbc.sql("analyze").update();
		}
	}

	/**
	 * The staging table of scores: in four steps, uniform draws from the row number, then
	 * day, time, touchpoint and store, then the drivers, then NPS from the drivers.
	 */
	private void generate(long count, long from, long to) {
		String range = this.postgres ? "generate_series(" + from + ", " + to + ") as r(x)"
				: "system_range(" + from + ", " + to + ") as r(x)";
		StringBuilder draws = new StringBuilder("select cast(r.x as bigint) as x");
		for (int k = 0; k <= 16; k++) {
			draws.append(", ").append(uniform(k)).append(" as u").append(k);
		}
		StringBuilder carried = new StringBuilder();
		for (int k = 4; k <= 16; k++) {
			carried.append(", u").append(k);
		}
		String placed = "select x, least(" + (DAYS - 1) + ", cast(floor(" + DAYS
				+ " * power((cast(x as double precision) - 0.5) / " + count + ", 0.8)) as int)) as day_no"
				+ ", cast(floor(u0 * 86400) as int) as sec, cast(floor(60 * power(u1, 1.6)) as int) as tp"
				+ ", cast(floor(" + STORES + " * power(u2, 1.3)) as int) as unit, u3 - 0.5 as mood" + carried
				+ " from (" + draws + " from " + range + ") a";
		String level = "(mod(tp * 37, 60) / 59.0 - 0.5) * 1.2 + (mod(unit * 113, " + STORES + ") / " + (STORES - 1)
				+ ".0 - 0.5) * 0.8";
		StringBuilder drivers = new StringBuilder("select x, day_no, sec, tp, unit, u16");
		for (int i = 1; i <= DRIVERS; i++) {
			drivers.append(", greatest(1, least(5, cast(round(3.4 + ")
				.append(level)
				.append(" + 1.6 * mood + 1.8 * (u")
				.append(3 + i)
				.append(" - 0.5)) as int))) as d")
				.append(i);
		}
		StringBuilder weighted = new StringBuilder("0");
		StringBuilder list = new StringBuilder();
		for (int i = 1; i <= DRIVERS; i++) {
			weighted.append(" + ").append(WEIGHTS[i - 1]).append(" * (d").append(i).append(" - 3.4)");
			list.append(", d").append(i);
		}
		String nps = "greatest(0, least(10, cast(round(7.4 + 0.55 * (" + weighted
				+ ") + 0.6 * sin(2 * pi() * day_no / 365.0) + 0.4 * day_no / " + DAYS
				+ ".0 + 2.4 * (u16 - 0.5)) as int)))";
		this.jdbc.sql("insert into bench_gen select x, day_no, sec, tp, unit" + list + ", " + nps + " from (" + drivers
				+ " from (" + placed + ") b) c").update();
	}

	private void createStaging() {
		StringBuilder table = new StringBuilder(
				"create table bench_gen (x bigint primary key, day_no int not null, sec int not null, tp int not null, unit int not null");
		for (int i = 1; i <= DRIVERS; i++) {
			table.append(", d").append(i).append(" int not null");
		}
		this.jdbc.sql(table.append(", nps int not null)").toString()).update();
	}

	/**
	 * Runs a step over the row numbers 1 to {@code count}: in one statement on PostgreSQL, in
	 * slices of a million on H2, which keeps a whole statement's changes until it commits.
	 * Each slice commits with its record in {@code bench_load}; a slice recorded by an
	 * earlier run that stopped is not run again.
	 */
	private void eachSlice(String name, long count, SliceStep step) {
		long slice = this.postgres ? count : 1_000_000;
		for (long from = 1; from <= count; from += slice) {
			long first = from;
			long last = Math.min(count, from + slice - 1);
			if (this.jdbc.sql("select count(*) from bench_load where step = ? and slice_from = ?")
				.params(name, first)
				.query(Long.class)
				.single() > 0) {
				continue;
			}
			this.transactions.executeWithoutResult((status) -> {
				step.run(first, last);
				this.jdbc.sql("insert into bench_load values (?, ?)").params(name, first).update();
			});
		}
	}

	private interface SliceStep {

		void run(long from, long to);

	}

	/** A deterministic draw in [0, 1) from the row number, a different stream for each k. */
	private static String uniform(int k) {
		long multiplier = 48_271L + 7_919L * k * k + 104_729L * k;
		long offset = 12_345L + 99_991L * k;
		String v = "cast(mod(cast(r.x as bigint) * " + multiplier + " + " + offset + ", 1000003) as bigint)";
		return "(cast(mod(" + v + " * " + v + " + cast(r.x as bigint) * " + (k + 3) + ", 1000003) as double precision) / 1000003.0)";
	}

	private static void timed(String what, Runnable step) {
		long start = System.nanoTime();
		step.run();
		System.out.printf("  %-40s %8.1f s  (load %s)%n", what, (System.nanoTime() - start) / 1e9, AnalyticsBenchmark.load());
	}

	private static LocalizedText text(String zh, String en) {
		return new LocalizedText(zh, en);
	}

}
