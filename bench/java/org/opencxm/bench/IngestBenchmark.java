package org.opencxm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.opencxm.OpenCxmApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingestion of interactions through the HTTP API: batches of 1,000 and single requests at
 * concurrency 16, against the embedded H2 database or PostgreSQL, with a plain JDBC batch insert
 * of the same rows into the same database as the yardstick. The server runs in this process and
 * the load comes over loopback HTTP, so client and server share the machine's cores.
 *
 * <p>Run with {@code bench/ingest/run [h2|postgres]}.
 */
public final class IngestBenchmark {

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.parse(args);
		try (BenchServer server = BenchServer.start(options)) {
			BenchWorkspace workspace = BenchWorkspace.create(server);
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			System.out.printf("database: %s, cores: %d%n", options.database(), Runtime.getRuntime().availableProcessors());

			// Warm up both paths so the JIT and the connection pool are ready.
			batches(server, http, workspace, "warm", options.warmupBatches(), 2);
			jdbcBatches(server, workspace, "warmjdbc", Math.max(2, options.warmupBatches() / 2));
			if (options.client().equals("wrk")) {
				singlesWithWrk(server, workspace, options);
				return;
			}
			singles(server, http, workspace, "warmsingle", 2000, 16);

			Result api = batches(server, http, workspace, "batch", options.batches(), options.batchConcurrency());
			String apiLoad = load();
			Result jdbc = jdbcBatches(server, workspace, "jdbc", options.batches());
			Result single = singles(server, http, workspace, "single", options.singles(), 16);
			String singleLoad = load();

			System.out.println();
			System.out.printf("| measure | value |%n| --- | --- |%n");
			System.out.printf(
					"| batch API, 1,000 per request, %d client threads | %,.0f interactions/s (%,d in %.1f s), %.0f µs processor time each, load %s |%n",
					options.batchConcurrency(), api.rate(), api.count(), api.seconds(), api.cpuMicrosEach(), apiLoad);
			System.out.printf("| plain JDBC batch insert, same rows | %,.0f rows/s (%,d in %.1f s), %.0f µs processor time each |%n",
					jdbc.rate(), jdbc.count(), jdbc.seconds(), jdbc.cpuMicrosEach());
			System.out.printf("| API / plain JDBC | %.2f |%n", api.rate() / jdbc.rate());
			System.out.printf(
					"| single requests, concurrency 16 | %,.0f requests/s (%,d in %.1f s), %.0f µs processor time each, load %s |%n",
					single.rate(), single.count(), single.seconds(), single.cpuMicrosEach(), singleLoad);
			System.out.printf("| single latency p50 / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n",
					single.percentile(50), single.percentile(95), single.percentile(99), single.percentile(100));
		}
	}

	/**
	 * Single interactions posted by wrk from its own process, so that the processor time
	 * measured here is the server's alone: a warm-up, then {@code seconds} at concurrency 16.
	 */
	static void singlesWithWrk(BenchServer server, BenchWorkspace workspace, BenchOptions options) throws Exception {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			bodies.add(workspace.singleJson("{KEY}", i));
		}
		Wrk.measure(server, server.baseUrl() + "/api/v1/interactions", bodies, options.seconds())
			.print("single interactions", "journey, triggers");
		// The floor: what a request costs the server before it does any work of its own.
		floor(server, "anonymous GET /actuator/health", server.baseUrl() + "/actuator/health", null);
		floor(server, "GET /api/v1/users/me with the bearer token", server.baseUrl() + "/api/v1/users/me",
				server.token());
	}

	private static void floor(BenchServer server, String what, String url, @Nullable String token) throws Exception {
		Wrk.get(url, token, 16, 5);
		long cpu = cpu();
		Wrk.Outcome run = Wrk.get(url, token, 16, 15);
		System.out.printf("| %s, concurrency 16, from wrk | %,.0f requests/s, %.0f µs server processor time each, p99 %.1f ms |%n",
				what, run.rate(), (cpu() - cpu) / 1e3 / run.requests(), run.p99());
	}

	static Result batches(BenchServer server, HttpClient http, BenchWorkspace workspace, String prefix, int batches,
			int concurrency) throws Exception {
		AtomicInteger next = new AtomicInteger();
		long cpu = cpu();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < concurrency; t++) {
				futures.add(pool.submit(() -> {
					int batch;
					while ((batch = next.getAndIncrement()) < batches) {
						String body = workspace.batchJson(prefix, batch, 1000);
						HttpResponse<String> response = send(server, http, "/api/v1/interactions/batch", body);
						if (response.statusCode() != 200) {
							throw new IllegalStateException("batch answered " + response.statusCode() + ": "
									+ response.body().substring(0, Math.min(500, response.body().length())));
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		return new Result((long) batches * 1000, System.nanoTime() - start, new long[0], cpu() - cpu);
	}

	static Result jdbcBatches(BenchServer server, BenchWorkspace workspace, String prefix, int batches) {
		JdbcTemplate jdbc = server.context().getBean(JdbcTemplate.class);
		TransactionTemplate transactions = server.context().getBean(TransactionTemplate.class);
		String sql = """
				insert into interaction (event_id, request_hash, customer_id, touchpoint_id, journey_id, stage_id, unit_id,
					staff_id, channel, occurred_at, recorded_at, properties)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""";
		long cpu = cpu();
		long start = System.nanoTime();
		for (int b = 0; b < batches; b++) {
			List<Object[]> rows = workspace.jdbcRows(prefix, b, 1000);
			transactions.executeWithoutResult((status) -> jdbc.batchUpdate(sql, rows));
		}
		return new Result((long) batches * 1000, System.nanoTime() - start, new long[0], cpu() - cpu);
	}

	static Result singles(BenchServer server, HttpClient http, BenchWorkspace workspace, String prefix, int total,
			int concurrency) throws Exception {
		AtomicInteger next = new AtomicInteger();
		long[] latencies = new long[total];
		long cpu = cpu();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < concurrency; t++) {
				futures.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < total) {
						String body = workspace.singleJson(prefix, i);
						long begin = System.nanoTime();
						HttpResponse<String> response = send(server, http, "/api/v1/interactions", body);
						latencies[i] = System.nanoTime() - begin;
						if (response.statusCode() != 201) {
							throw new IllegalStateException("single answered " + response.statusCode() + ": "
									+ response.body());
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		return new Result(total, System.nanoTime() - start, latencies, cpu() - cpu);
	}

	/** The processor time of this process so far. */
	static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** The load average over the last minute, as the machine reports it. */
	static String load() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

	static HttpResponse<String> send(BenchServer server, HttpClient http, String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
			.header("Authorization", "Bearer " + server.token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * What a run did: how many, in how long, each request's latency, and the processor time
	 * of this whole process meanwhile (application, client and, on H2, database), the
	 * figure to compare on a machine shared with other work.
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
