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
	 * Posts the bodies to {@code url} with the bearer token at {@code connections} requests in
	 * flight for {@code seconds}; any answer but 2xx, and any socket error, fails the run.
	 */
	static Outcome post(String url, String token, List<String> bodies, String keyPrefix, int connections,
			int seconds) throws IOException, InterruptedException {
		Path folder = Files.createTempDirectory("opencxm-wrk");
		try {
			Path script = Files.writeString(folder.resolve("post.lua"), POSTS + REPORT);
			Path lines = Files.write(folder.resolve("bodies.txt"), bodies, StandardCharsets.UTF_8);
			return run(List.of("-H", "Authorization: Bearer " + token, "-H", "Content-Type: application/json", "-s",
					script.toString(), url, "--", lines.toString(), keyPrefix), connections, seconds);
		}
		finally {
			try (var files = Files.walk(folder)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	/**
	 * Reads {@code url} over and over, with the bearer token unless it is null, at
	 * {@code connections} requests in flight for {@code seconds}.
	 */
	static Outcome get(String url, @Nullable String token, int connections, int seconds)
			throws IOException, InterruptedException {
		Path folder = Files.createTempDirectory("opencxm-wrk");
		try {
			Path script = Files.writeString(folder.resolve("get.lua"), REPORT);
			List<String> args = new ArrayList<>();
			if (token != null) {
				args.addAll(List.of("-H", "Authorization: Bearer " + token));
			}
			args.addAll(List.of("-s", script.toString(), url));
			return run(args, connections, seconds);
		}
		finally {
			try (var files = Files.walk(folder)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	private static Outcome run(List<String> args, int connections, int seconds)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s"));
		command.addAll(args);
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
