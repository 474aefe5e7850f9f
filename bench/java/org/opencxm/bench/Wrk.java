package org.opencxm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Load from wrk, a load generator written in C, run as a separate process: the client then
 * costs a small part of what the JDK's HTTP client in the server's own process costs, so the
 * figures describe the server. Every request posts one of the given bodies, in turn, with
 * {@code {KEY}} replaced by a key that is unique for the run; wrk keeps {@code connections}
 * requests in flight for {@code seconds} and reports what was answered and how fast.
 */
final class Wrk {

	private static final String POSTS = """
			local bodies = {}
			local counter = 0
			local thread_id = 0
			local next_id = 0

			function setup(thread)
			  thread:set("id", next_id)
			  next_id = next_id + 1
			end

			function init(args)
			  for line in io.lines(args[1]) do table.insert(bodies, line) end
			  prefix = args[2]
			  thread_id = id
			end

			function request()
			  counter = counter + 1
			  local body = bodies[(counter % #bodies) + 1]
			  local key = prefix .. "-" .. thread_id .. "-" .. counter
			  return wrk.format("POST", nil, nil, (string.gsub(body, "{KEY}", key)))
			end
			""";

	private static final String REPORT = """
			function done(summary, latency, requests)
			  io.write(string.format("RESULT requests=%d duration=%d p50=%d p95=%d p99=%d max=%d status=%d connect=%d read=%d write=%d timeout=%d\\n",
			    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
			    latency:percentile(99), latency.max, summary.errors.status, summary.errors.connect,
			    summary.errors.read, summary.errors.write, summary.errors.timeout))
			end
			""";

	private Wrk() {
	}

	/**
	 * Warms the server up with the bodies for 15 seconds, waits for its listeners, then posts
	 * for {@code seconds} and waits for the listeners again, measuring the server's processor
	 * time (this process's) meanwhile.
	 */
	static Measured measure(BenchServer server, String url, List<String> bodies, int seconds)
			throws IOException, InterruptedException {
		post(url, server.token(), bodies, "warm", 16, 15);
		SurveyBenchmark.drain(server);
		long cpu = IngestBenchmark.cpu();
		Outcome run = post(url, server.token(), bodies, "run", 16, seconds);
		double cpuEach = (IngestBenchmark.cpu() - cpu) / 1e3 / run.requests();
		String load = IngestBenchmark.load();
		double drained = SurveyBenchmark.drain(server);
		return new Measured(run, cpuEach, load, drained, (IngestBenchmark.cpu() - cpu) / 1e3 / run.requests());
	}

	/**
	 * Posts the bodies to {@code url} with the bearer token at {@code connections} requests in
	 * flight for {@code seconds}; any answer but 2xx, and any socket error, fails the run.
	 */
	static Outcome post(String url, String token, List<String> bodies, String keyPrefix, int connections,
			int seconds) throws IOException, InterruptedException {
		return run(POSTS + REPORT, List.of("Authorization: Bearer " + token, "Content-Type: application/json"), url,
				bodies, keyPrefix, connections, seconds);
	}

	/**
	 * Reads {@code url} over and over, with the bearer token unless it is null, at
	 * {@code connections} requests in flight for {@code seconds}.
	 */
	static Outcome get(String url, @Nullable String token, int connections, int seconds)
			throws IOException, InterruptedException {
		return run(REPORT, (token != null) ? List.of("Authorization: Bearer " + token) : List.of(), url, List.of(), "",
				connections, seconds);
	}

	// The script's arguments: the file of bodies and the key prefix.
	private static Outcome run(String script, List<String> headers, String url, List<String> bodies,
			String keyPrefix, int connections, int seconds) throws IOException, InterruptedException {
		Path scriptFile = Files.createTempFile("opencxm-wrk", ".lua");
		Path bodiesFile = Files.createTempFile("opencxm-wrk", ".txt");
		try {
			Files.writeString(scriptFile, script);
			Files.write(bodiesFile, bodies, StandardCharsets.UTF_8);
			List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
					"--timeout", "10s", "-s", scriptFile.toString()));
			headers.forEach((header) -> command.addAll(List.of("-H", header)));
			command.addAll(List.of(url, "--", bodiesFile.toString(), keyPrefix));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("wrk failed: " + output);
			}
			Outcome outcome = Outcome.parse(output);
			if (outcome.errors() > 0) {
				throw new IllegalStateException("wrk saw errors: " + output);
			}
			return outcome;
		}
		finally {
			Files.deleteIfExists(scriptFile);
			Files.deleteIfExists(bodiesFile);
		}
	}

	/**
	 * A measured run: what wrk saw, the server's processor time a request until the last
	 * answer and until its listeners were done too, and how long they took after the last.
	 */
	record Measured(Outcome run, double cpuMicrosEach, String load, double drainedSeconds,
			double cpuMicrosEachWithListeners) {

		void print(String what, String listeners) {
			System.out.println();
			System.out.printf("| measure | value |%n| --- | --- |%n");
			System.out.printf(
					"| %s, concurrency 16, from wrk | %,.0f a second (%,d in %.1f s), %.0f µs server processor time each, load %s |%n",
					what, this.run.rate(), this.run.requests(), this.run.seconds(), this.cpuMicrosEach, this.load);
			System.out.printf(
					"| the listeners (%s) done | %.1f s after the last request: %,.0f a second all work included, %.0f µs server processor time each |%n",
					listeners, this.drainedSeconds, this.run.requests() / (this.run.seconds() + this.drainedSeconds),
					this.cpuMicrosEachWithListeners);
			System.out.printf("| latency p50 / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n", this.run.p50(),
					this.run.p95(), this.run.p99(), this.run.max());
		}

	}

	/** What wrk answered: requests, in how long, latency percentiles in ms, and errors. */
	record Outcome(long requests, double seconds, double p50, double p95, double p99, double max, long errors) {

		static Outcome parse(String output) {
			String line = output.lines()
				.filter((candidate) -> candidate.startsWith("RESULT "))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no result from wrk: " + output));
			Map<String, Long> values = new HashMap<>();
			for (String pair : line.substring("RESULT ".length()).split(" ")) {
				String[] parts = pair.split("=");
				values.put(parts[0], Long.parseLong(parts[1]));
			}
			long errors = values.get("status") + values.get("connect") + values.get("read") + values.get("write")
					+ values.get("timeout");
			return new Outcome(values.get("requests"), values.get("duration") / 1e6, values.get("p50") / 1e3,
					values.get("p95") / 1e3, values.get("p99") / 1e3, values.get("max") / 1e3, errors);
		}

		double rate() {
			return this.requests / this.seconds;
		}

	}

}
