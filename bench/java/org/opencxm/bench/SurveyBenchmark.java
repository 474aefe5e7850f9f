package org.opencxm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.opencxm.org.OrgScope;
import org.opencxm.surveys.PublicLinkRequest;
import org.opencxm.surveys.PublicLinks;
import org.opencxm.surveys.SurveyTemplates;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Feedback collection under load: complete responses to the touchpoint survey (ten answers
 * each, with a comment) posted through the API at concurrency 16, each under its own
 * idempotency key, and the anonymous respondent page of a public link read over and over (a
 * new visitor each time: no cookie, so every read also makes a session and a CSRF token). The
 * server runs in this process and the load comes over loopback HTTP, so client and server
 * share the machine's cores.
 *
 * <p>Run with {@code bench/surveys/run [h2|postgres] [singles=N]}.
 */
public final class SurveyBenchmark {

	private static final String SURVEY = "bench-touchpoint";

	private static final String LINK = "bench-counter";

	private SurveyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.parse(args);
		// The benchmark is one client address hammering one link: lift the public pages' limits.
		System.setProperty("opencxm.surveys.rate-limit.per-address", "1000000000");
		System.setProperty("opencxm.surveys.rate-limit.per-link", "1000000000");
		try (BenchServer server = BenchServer.start(options)) {
			BenchWorkspace.create(server);
			var context = server.context();
			context.getBean(OrgScope.class).runAsSystem(() -> {
				context.getBean(SurveyTemplates.class).create(SurveyTemplates.TOUCHPOINT, SURVEY, true);
				context.getBean(PublicLinks.class)
					.create(new PublicLinkRequest(LINK, SURVEY, "bench-tp-2-1", "bench-store-3", null));
			});
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			System.out.printf("database: %s, cores: %d%n", options.database(),
					Runtime.getRuntime().availableProcessors());

			if (options.client().equals("wrk")) {
				withWrk(server, options);
				return;
			}
			responses(server, http, "warm", 3000, 16);
			drain(server);
			pages(server, http, 1000, 1);
			long cpuBefore = IngestBenchmark.cpu();
			Result submitted = responses(server, http, "run", options.singles(), 16);
			String load = IngestBenchmark.load();
			double drained = drain(server);
			double cpuEachWithListeners = (IngestBenchmark.cpu() - cpuBefore) / 1e3 / submitted.count();
			Result page = pages(server, http, 5000, 1);
			Result pagesLoaded = pages(server, http, 10_000, 16);

			System.out.println();
			System.out.printf("| measure | value |%n| --- | --- |%n");
			System.out.printf(
					"| responses through the API, concurrency 16 | %,.0f responses/s (%,d in %.1f s), %.0f µs processor time each, load %s |%n",
					submitted.rate(), submitted.count(), submitted.seconds(), submitted.cpuMicrosEach(), load);
			System.out.printf(
					"| the listeners (evaluation, text, alerts, rollup) done | %.1f s after the last response: %,.0f responses/s all work included, %.0f µs processor time each |%n",
					drained, submitted.count() / (submitted.seconds() + drained), cpuEachWithListeners);
			System.out.printf("| response latency p50 / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n",
					submitted.percentile(50), submitted.percentile(95), submitted.percentile(99),
					submitted.percentile(100));
			System.out.printf("| respondent page, one at a time, p50 / p95 / p99 | %.2f / %.2f / %.2f ms |%n",
					page.percentile(50), page.percentile(95), page.percentile(99));
			System.out.printf("| respondent page, concurrency 16 | %,.0f pages/s, p95 %.1f ms |%n", pagesLoaded.rate(),
					pagesLoaded.percentile(95));
		}
	}

	/**
	 * Responses posted by wrk from its own process, so that the processor time measured here is
	 * the server's alone: a warm-up, then {@code seconds} of load at concurrency 16.
	 */
	static void withWrk(BenchServer server, BenchOptions options) throws Exception {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			bodies.add(response("{KEY}", new SplittableRandom(i * 7919L)));
		}
		Wrk.measure(server, server.baseUrl() + "/api/v1/surveys/" + SURVEY + "/responses", bodies, options.seconds())
			.print("survey responses", "evaluation, text, alerts, rollup");
	}

	/**
	 * Waits until every event publication is handled and the rollup's queue is empty (at
	 * most five minutes) and answers how long that took, in seconds.
	 */
	static double drain(BenchServer server) throws InterruptedException {
		JdbcTemplate jdbc = server.context().getBean(JdbcTemplate.class);
		long start = System.nanoTime();
		while (System.nanoTime() - start < 300_000_000_000L) {
			Long outstanding = jdbc.queryForObject("""
					select (select count(*) from event_publication where completion_date is null)
						+ (select count(*) from analytics_queue)
					""", Long.class);
			if (outstanding == null || outstanding == 0) {
				break;
			}
			Thread.sleep(20);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	static Result responses(BenchServer server, HttpClient http, String prefix, int total, int concurrency)
			throws Exception {
		AtomicInteger next = new AtomicInteger();
		long[] latencies = new long[total];
		long cpu = IngestBenchmark.cpu();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < concurrency; t++) {
				futures.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < total) {
						String body = response(prefix + "-" + i, new SplittableRandom(i * 7919L + prefix.hashCode()));
						long begin = System.nanoTime();
						HttpResponse<String> response = http.send(HttpRequest
							.newBuilder(URI.create(server.baseUrl() + "/api/v1/surveys/" + SURVEY + "/responses"))
							.header("Authorization", "Bearer " + server.token())
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
							.build(), HttpResponse.BodyHandlers.ofString());
						latencies[i] = System.nanoTime() - begin;
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
		return new Result(total, System.nanoTime() - start, latencies, IngestBenchmark.cpu() - cpu);
	}

	static Result pages(BenchServer server, HttpClient http, int total, int concurrency) throws Exception {
		AtomicInteger next = new AtomicInteger();
		long[] latencies = new long[total];
		long cpu = IngestBenchmark.cpu();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < concurrency; t++) {
				futures.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < total) {
						long begin = System.nanoTime();
						HttpResponse<String> response = http.send(
								HttpRequest.newBuilder(URI.create(server.baseUrl() + "/p/" + LINK))
									.header("Accept-Language", (i % 2 == 0) ? "zh-CN" : "en")
									.GET()
									.build(),
								HttpResponse.BodyHandlers.ofString());
						latencies[i] = System.nanoTime() - begin;
						if (response.statusCode() != 200) {
							throw new IllegalStateException("page answered " + response.statusCode());
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		return new Result(total, System.nanoTime() - start, latencies, IngestBenchmark.cpu() - cpu);
	}

	/** A complete response to the touchpoint survey at one of the benchmark's stores. */
	static String response(String key, SplittableRandom random) {
		int store = random.nextInt(BenchWorkspace.STORES);
		int stage = random.nextInt(6);
		int touchpoint = random.nextInt(5);
		StringBuilder json = new StringBuilder(600).append("{\"responseKey\":\"")
			.append(key)
			.append("\",\"touchpoint\":\"bench-tp-")
			.append(stage)
			.append('-')
			.append(touchpoint)
			.append("\",\"unit\":\"bench-store-")
			.append(store)
			.append("\",\"answers\":{\"nps\":")
			.append(random.nextInt(11))
			.append(",\"csat\":")
			.append(1 + random.nextInt(5))
			.append(",\"ces\":")
			.append(1 + random.nextInt(7));
		for (String sem : List.of("sem-sense", "sem-feel", "sem-think", "sem-act", "sem-relate")) {
			json.append(",\"").append(sem).append("\":").append(1 + random.nextInt(7));
		}
		json.append(",\"participation\":")
			.append(1 + random.nextInt(7))
			.append(",\"intensity\":")
			.append(1 + random.nextInt(7))
			.append(",\"comment\":\"")
			.append((random.nextBoolean()) ? "店员很热情，排队有点久。" : "Friendly staff, but the queue was long.")
			.append("\"}}");
		return json.toString();
	}

	/**
	 * What a run did: how many, in how long, each request's latency, and the processor time
	 * of this whole process meanwhile (application with its listeners, client and, on H2,
	 * database), the figure to compare on a machine shared with other work.
	 */
	record Result(long count, long nanos, long[] latencies, long cpuNanos) {

		double cpuMicrosEach() {
			return this.cpuNanos / 1e3 / this.count;
		}

		double seconds() {
			return this.nanos / 1e9;
		}

		double rate() {
			return this.count / seconds();
		}

		double percentile(double p) {
			long[] sorted = this.latencies.clone();
			Arrays.sort(sorted);
			int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
			return sorted[Math.max(index, 0)] / 1e6;
		}

	}

}
