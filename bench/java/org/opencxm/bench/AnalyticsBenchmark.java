package org.opencxm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.opencxm.journeys.Touchpoints;
import org.opencxm.shared.SqlTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Analytics at scale: a large data set of responses written into the real raw tables, the
 * aggregates built from it by the product's rebuild, then through the HTTP API NPS with its
 * interval by touchpoint and month over all the data and the key-driver analysis of 12
 * drivers over all the data, against the same NPS figures computed in the same run by plain
 * SQL GROUP BY over the raw responses (and over the one-row-a-response evaluation table);
 * last, the cost the live aggregation adds to response ingestion (responses through the API
 * at concurrency 16 until every event is handled, with the rollup on and off).
 *
 * <p>Run with {@code bench/analytics/run [h2|postgres] [responses=N] [runs=N] [warmup=N]
 * [raw-runs=N] [ingest=N] [data=DIR]}. The H2 database is kept in {@code data} (by default
 * {@code /tmp/opencxm-analytics-h2-N}) and PostgreSQL's is the one named by
 * {@code OPENCXM_BENCH_POSTGRES_URL}, so a second run reuses the loaded data.
 */
public final class AnalyticsBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AnalyticsBenchmark() {
	}

	record Options(String database, long responses, int runs, int warmup, int rawRuns, int ingest,
			Path data, String rebuild) {

		static Options parse(String[] args) {
			String database = "h2";
			long responses = 10_000_000;
			int runs = 50;
			int warmup = 10;
			int rawRuns = 3;
			int ingest = 10_000;
			String data = null;
			String rebuild = "auto";
			for (String arg : args) {
				String[] pair = arg.split("=", 2);
				switch (pair[0]) {
					case "h2", "postgres" -> database = pair[0];
					case "responses" -> responses = Long.parseLong(pair[1]);
					case "runs" -> runs = Integer.parseInt(pair[1]);
					case "warmup" -> warmup = Integer.parseInt(pair[1]);
					case "raw-runs" -> rawRuns = Integer.parseInt(pair[1]);
					case "ingest" -> ingest = Integer.parseInt(pair[1]);
					case "data" -> data = pair[1];
					case "rebuild" -> rebuild = pair[1];
					default -> throw new IllegalArgumentException("unknown option " + arg
							+ " (use h2|postgres responses=N runs=N warmup=N raw-runs=N ingest=N data=DIR rebuild=auto|yes|no)");
				}
			}
			Path dir = Path.of((data != null) ? data : "/tmp/opencxm-analytics-" + database + "-" + responses);
			if (!List.of("auto", "yes", "no").contains(rebuild)) {
				throw new IllegalArgumentException("rebuild is auto, yes or no, not " + rebuild);
			}
			return new Options(database, responses, runs, warmup, rawRuns, ingest, dir, rebuild);
		}

	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		// The raw GROUP BY reads months of timestamps in the session's zone: UTC, like the units.
		TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
		boolean postgres = options.database().equals("postgres");
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		System.out.printf("database: %s, responses: %,d, cores: %d, load: %s%n", options.database(),
				options.responses(), Runtime.getRuntime().availableProcessors(), load());
		List<String> table = new ArrayList<>();
		try (BenchServer server = BenchServer.start(options.database(), options.data(), true, List.of())) {
			AnalyticsDataSet data = new AnalyticsDataSet(server, postgres);
			long stored = data.stored();
			boolean resuming = data.loading();
			if (stored == 0 || resuming) {
				System.out.println(resuming ? "going on with the load an earlier run began:" : "loading:");
				if (!resuming) {
					data.createWorkspace();
				}
				data.token();
				if (!resuming) {
					data.templates(http);
				}
				data.load(options.responses());
				if (options.rebuild().equals("no")) {
					System.out.println("loaded; aggregates not rebuilt (rebuild=no)");
					return;
				}
				rebuild(server, http, options, table);
				data.analyze();
			}
			else if (stored != options.responses()) {
				throw new IllegalStateException("the database holds " + stored + " generated responses, not "
						+ options.responses() + ": use another data folder or database");
			}
			else {
				data.token();
				if (options.rebuild().equals("yes")) {
					rebuild(server, http, options, table);
					data.analyze();
				}
			}
			printSizes(AnalyticsDataSet.client(server));
			queries(server, http, options, data, table);
		}
		if (options.ingest() > 0) {
			ingestion(options, http, table);
		}
		System.out.println();
		System.out.printf("| measure (%s, %,d responses) | value |%n| --- | --- |%n", options.database(),
				options.responses());
		table.forEach(System.out::println);
	}

	private static void rebuild(BenchServer server, HttpClient http, Options options, List<String> table)
			throws Exception {
		long start = System.nanoTime();
		String rebuilt = request(http, server, "POST", "/api/v1/analytics/rebuild");
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("  %-40s %8.1f s  (load %s) %s%n", "rebuild of the aggregates", seconds, load(), rebuilt);
		table.add(row("rebuild of every aggregate from the stored evaluations (POST /analytics/rebuild)",
				"%.0f s (%,.0f responses/s)".formatted(seconds, options.responses() / seconds)));
	}

	private static void queries(BenchServer server, HttpClient http, Options options, AnalyticsDataSet data,
			List<String> table) throws Exception {
		String range = "&from=" + AnalyticsDataSet.FIRST_DAY + "&to=" + AnalyticsDataSet.LAST_DAY;
		String npsPath = "/api/v1/analytics/metrics?metric=nps&by=touchpoint&grain=month&survey="
				+ AnalyticsDataSet.SURVEY + range;
		String kxPath = "/api/v1/analytics/key-drivers?survey=" + AnalyticsDataSet.SURVEY + range;
		Map<String, long[]> api = new HashMap<>();
		Map<String, Double> apiNps = new HashMap<>();
		for (JsonNode point : JSON.readTree(request(http, server, "GET", npsPath)).get("points")) {
			String key = point.get("period").asString().substring(0, 7) + " " + point.get("group").get("touchpoint").asString();
			api.put(key, new long[] { point.get("figure").get("n").asLong() });
			apiNps.put(key, point.get("figure").get("value").asDouble());
		}
		Timings nps = timed(options, () -> request(http, server, "GET", npsPath));
		System.out.printf(
				"NPS by touchpoint x month over all data (API): p50 %.1f ms, p95 %.1f ms, processor %.1f ms a call (load %s)%n",
				nps.percentile(50), nps.percentile(95), nps.cpuMillis(), load());
		Timings kx = timed(options, () -> request(http, server, "GET", kxPath));
		System.out.printf("key drivers over all data (API): p50 %.1f ms, p95 %.1f ms, processor %.1f ms a call (load %s)%n",
				kx.percentile(50), kx.percentile(95), kx.cpuMillis(), load());
		table.add(row("NPS with 95% interval by touchpoint × month, all " + api.size()
				+ " cells, API p50 / p95; processor time a call", "%.1f / %.1f ms; %.1f ms (load %s)"
					.formatted(nps.percentile(50), nps.percentile(95), nps.cpuMillis(), load())));
		table.add(row("key drivers of 12 drivers over all the data, API p50 / p95; processor time a call",
				"%.1f / %.1f ms; %.1f ms".formatted(kx.percentile(50), kx.percentile(95), kx.cpuMillis())));
		if (options.rawRuns() == 0) {
			System.out.println("raw GROUP BY not run (raw-runs=0)");
			return;
		}
		JdbcClient jdbc = AnalyticsDataSet.client(server);
		Map<Long, String> codes = new HashMap<>();
		Touchpoints touchpoints = server.context().getBean(Touchpoints.class);
		for (int t = 0; t < AnalyticsDataSet.STAGES * AnalyticsDataSet.TOUCHPOINTS_PER_STAGE; t++) {
			codes.put(touchpoints.ref(AnalyticsDataSet.touchpoint(t)).orElseThrow().id(),
					AnalyticsDataSet.touchpoint(t));
		}
		long survey = data.surveyId(AnalyticsDataSet.SURVEY);
		String rawSql = """
				select r.touchpoint_id as tp, extract(year from r.submitted_at) as y,
					extract(month from r.submitted_at) as m, count(*) as n,
					sum(case when a.score >= 9 then 1 else 0 end) as p, sum(case when a.score <= 6 then 1 else 0 end) as d
				from survey_response r join survey_answer a on a.response_id = r.id
				where r.survey_id = :survey and a.question_code = 'nps' and r.submitted_at >= :from and r.submitted_at < :to
				group by r.touchpoint_id, extract(year from r.submitted_at), extract(month from r.submitted_at)
				""";
		String evaluationSql = """
				select touchpoint_id as tp, extract(year from local_day) as y, extract(month from local_day) as m,
					count(*) as n, sum(case when nps_class = 'PROMOTER' then 1 else 0 end) as p,
					sum(case when nps_class = 'DETRACTOR' then 1 else 0 end) as d
				from response_evaluation
				where survey_id = :survey and nps is not null and local_day >= :first and local_day <= :last
				group by touchpoint_id, extract(year from local_day), extract(month from local_day)
				""";
		Instant from = AnalyticsDataSet.FIRST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		Instant to = AnalyticsDataSet.LAST_DAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		Supplier<Map<String, long[]>> raw = () -> grouped(jdbc.sql(rawSql)
			.param("survey", survey)
			.param("from", SqlTime.of(from))
			.param("to", SqlTime.of(to)), codes);
		Supplier<Map<String, long[]>> evaluated = () -> grouped(jdbc.sql(evaluationSql)
			.param("survey", survey)
			.param("first", Date.valueOf(AnalyticsDataSet.FIRST_DAY))
			.param("last", Date.valueOf(AnalyticsDataSet.LAST_DAY)), codes);
		Map<String, long[]>[] rawResult = new Map[1];
		Timings rawTimings = timedRaw(options, () -> rawResult[0] = raw.get());
		System.out.printf("the same by SQL GROUP BY over survey_response + survey_answer: p50 %.0f ms (load %s)%n",
				rawTimings.percentile(50), load());
		Map<String, long[]>[] evaluationResult = new Map[1];
		Timings evaluationTimings = timedRaw(options, () -> evaluationResult[0] = evaluated.get());
		System.out.printf("the same by SQL GROUP BY over response_evaluation: p50 %.0f ms (load %s)%n",
				evaluationTimings.percentile(50), load());
		check(api, apiNps, rawResult[0], "raw responses");
		check(api, apiNps, evaluationResult[0], "evaluations");
		table.add(row("the same by SQL GROUP BY over the raw responses (survey_response ⋈ survey_answer), p50",
				"%.0f ms, ratio %.0f× (same n and NPS in every cell)".formatted(rawTimings.percentile(50),
						rawTimings.percentile(50) / nps.percentile(50))));
		table.add(row("the same by SQL GROUP BY over response_evaluation (one row a response), p50",
				"%.0f ms, ratio %.0f×".formatted(evaluationTimings.percentile(50),
						evaluationTimings.percentile(50) / nps.percentile(50))));
	}

	private static Map<String, long[]> grouped(JdbcClient.StatementSpec statement, Map<Long, String> codes) {
		Map<String, long[]> cells = new HashMap<>();
		statement.query((rs) -> {
			String key = "%04d-%02d %s".formatted(rs.getInt("y"), rs.getInt("m"), codes.get(rs.getLong("tp")));
			cells.put(key, new long[] { rs.getLong("n"), rs.getLong("p"), rs.getLong("d") });
		});
		return cells;
	}

	private static void check(Map<String, long[]> api, Map<String, Double> apiNps, Map<String, long[]> sql,
			String what) {
		if (!api.keySet().equals(sql.keySet())) {
			throw new IllegalStateException("the API and the " + what + " have different cells");
		}
		sql.forEach((key, counts) -> {
			double nps = 100.0 * (counts[1] - counts[2]) / counts[0];
			if (api.get(key)[0] != counts[0] || Math.abs(apiNps.get(key) - nps) > 1e-9) {
				throw new IllegalStateException("cell " + key + ": API n " + api.get(key)[0] + " NPS "
						+ apiNps.get(key) + ", " + what + " n " + counts[0] + " NPS " + nps);
			}
		});
		System.out.printf("  %d cells: n and NPS equal to the %s%n", sql.size(), what);
	}

	private static void printSizes(JdbcClient jdbc) {
		for (String table : List.of("survey_response", "survey_answer", "response_evaluation", "analytics_daily",
				"analytics_rating_daily", "analytics_driver_daily", "analytics_company_daily",
				"analytics_company_monthly")) {
			try {
				long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
				System.out.printf("  %-28s %,14d rows%n", table, rows);
			}
			catch (RuntimeException ex) {
				System.out.printf("  %-28s (none)%n", table);
			}
		}
	}

	/**
	 * Responses through the API with the live rollup on and off, each on a server started for
	 * it, timed from the first request until every event publication is handled and no response waits
	 * in the rollup's queue.
	 */
	private static void ingestion(Options options, HttpClient http, List<String> table) throws Exception {
		Map<Boolean, double[]> runs = new HashMap<>();
		// The first two rounds warm the compiler up for the others and are not counted;
		// the counted ones go off, on, on, off, off, on, so that what drifts over the run
		// (the compiler still warming, the tables growing) weighs on both alike.
		List<Boolean> rounds = List.of(true, false, false, true, true, false, false, true);
		int warmUps = 2;
		for (int round = 0; round < rounds.size(); round++) {
			boolean live = rounds.get(round);
			try (BenchServer server = BenchServer.start(options.database(), options.data(), true,
					List.of("--opencxm.analytics.live-rollup=" + live))) {
				AnalyticsDataSet data = new AnalyticsDataSet(server, options.database().equals("postgres"));
				data.token();
				String run = "ingest-" + live + "-" + System.currentTimeMillis();
				submit(server, http, run + "-warm", 1000);
				long cpu = cpu();
				double rate = submit(server, http, run, options.ingest());
				double cpuMs = (cpu() - cpu) / 1e6 / options.ingest();
				System.out.printf("ingestion with live rollup %s: %,.0f responses/s, %.2f ms of processor a response"
						+ " (load %s)%s%n", live ? "on" : "off", rate, cpuMs, load(), (round < warmUps) ? ", warm-up" : "");
				if (round < warmUps) {
					continue;
				}
				runs.merge(live, new double[] { rate, cpuMs, 1 },
						(a, b) -> new double[] { a[0] + b[0], a[1] + b[1], a[2] + b[2] });
			}
		}
		double[] off = runs.get(false);
		double[] on = runs.get(true);
		double rateOff = off[0] / off[2];
		double rateOn = on[0] / on[2];
		double cpuOff = off[1] / off[2];
		double cpuOn = on[1] / on[2];
		table.add(row("ingestion through the API (concurrency 16, until every event is handled), rollup off / on",
				("%,.0f / %,.0f responses/s: the aggregation adds %.0f%%; processor time a response %.2f / %.2f ms:"
						+ " it adds %.0f%% (load %s)")
					.formatted(rateOff, rateOn, (rateOff / rateOn - 1) * 100, cpuOff, cpuOn,
							(cpuOn / cpuOff - 1) * 100, load())));
	}

	private static double submit(BenchServer server, HttpClient http, String prefix, int total) throws Exception {
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				futures.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < total) {
						SplittableRandom random = new SplittableRandom(i * 7919L + prefix.hashCode());
						int[] drivers = new int[AnalyticsDataSet.DRIVERS];
						for (int d = 0; d < drivers.length; d++) {
							drivers[d] = 1 + random.nextInt(5);
						}
						String body = AnalyticsDataSet.responseJson(prefix + "-" + i,
								random.nextInt(AnalyticsDataSet.STAGES * AnalyticsDataSet.TOUCHPOINTS_PER_STAGE),
								random.nextInt(AnalyticsDataSet.STORES), random.nextInt(11), drivers);
						HttpResponse<String> response = http.send(HttpRequest
							.newBuilder(URI.create(server.baseUrl() + "/api/v1/surveys/" + AnalyticsDataSet.INGEST_SURVEY
									+ "/responses"))
							.header("Authorization", "Bearer " + server.token())
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 201) {
							throw new IllegalStateException(
									"response answered " + response.statusCode() + ": " + response.body());
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		JdbcClient jdbc = server.context().getBean(JdbcClient.class);
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (jdbc.sql("""
				select (select count(*) from event_publication where completion_date is null)
					+ (select count(*) from analytics_queue)
				""").query(Long.class).single() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("events still unhandled after 10 minutes");
			}
			Thread.sleep(20);
		}
		return total / ((System.nanoTime() - start) / 1e9);
	}

	static String request(HttpClient http, BenchServer server, String method, String path) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
				.header("Authorization", "Bearer " + server.token())
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Timings timed(Options options, Runnable call) {
		for (int i = 0; i < options.warmup(); i++) {
			call.run();
		}
		long[] nanos = new long[options.runs()];
		long cpu = cpu();
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			call.run();
			nanos[i] = System.nanoTime() - start;
		}
		return new Timings(nanos, (cpu() - cpu) / 1e6 / nanos.length);
	}

	/** The processor time of this process: the application, the client and, on H2, the database. */
	private static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static Timings timedRaw(Options options, Runnable call) {
		call.run();
		long[] nanos = new long[options.rawRuns()];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			call.run();
			nanos[i] = System.nanoTime() - start;
		}
		return new Timings(nanos, Double.NaN);
	}

	static String load() {
		return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static String row(String measure, String value) {
		return "| " + measure + " | " + value + " |";
	}

	/**
	 * Wall-clock times of the calls, and the process's processor time a call on average
	 * (NaN where not measured): on a loaded machine the processor time is the figure to go
	 * by.
	 */
	record Timings(long[] nanos, double cpuMillis) {

		double percentile(double p) {
			long[] sorted = this.nanos.clone();
			java.util.Arrays.sort(sorted);
			int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
			return sorted[Math.max(index, 0)] / 1e6;
		}

	}

}
