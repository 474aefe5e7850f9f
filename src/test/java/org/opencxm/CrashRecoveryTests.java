package org.opencxm;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the application as its own process on the default embedded database, kills it
 * without warning right after it acknowledged writes, starts it again and reads them
 * back: what was acknowledged survives a crash.
 */
class CrashRecoveryTests {

	private static final String PASSWORD = "crash-test-password";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final int WRITERS = 4;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AtomicIntegerArray acknowledged = new AtomicIntegerArray(WRITERS);

	@TempDir
	Path data;

	@Test
	void acknowledgedContactsSurviveAKilledProcess() throws Exception {
		int port = freePort();
		Process first = start(port);
		try {
			awaitHealthy(port, first);
			call(port, "POST", "/api/v1/org-units", """
					{"code":"crash-co","kind":"COMPANY","name":{"zh-CN":"公司","en":"Company"}}""", 201);
			call(port, "POST", "/api/v1/journeys", """
					{"code":"crash-j","name":{"zh-CN":"旅程","en":"Journey"},
					 "stages":[{"code":"s1","name":{"zh-CN":"一","en":"One"}}]}""", 201);
			call(port, "POST", "/api/v1/touchpoints",
					"""
							{"code":"crash-tp","journeyCode":"crash-j","stageCode":"s1","name":{"zh-CN":"触点","en":"Touchpoint"},
							 "contactType":"PERSONNEL","channel":"STORE","brandExperienceLevel":"SERVICE","ownerUnitCode":"crash-co"}""",
					201);
			List<String> items = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				items.add("{\"eventId\":\"crash-e" + i + "\",\"customer\":\"crash-c" + (i % 50)
						+ "\",\"touchpoint\":\"crash-tp\",\"occurredAt\":\"2026-03-01T10:00:00Z\"}");
			}
			call(port, "POST", "/api/v1/interactions/batch", "{\"items\":[" + String.join(",", items) + "]}", 200);
			// Writers keep going until the process is killed under them; every contact
			// the server acknowledged is counted.
			try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
				for (int w = 0; w < WRITERS; w++) {
					int writer = w;
					writers.submit(() -> {
						for (int i = 0;; i++) {
							String body = "{\"eventId\":\"crash-w" + writer + "-" + i + "\",\"customer\":\"crash-w"
									+ writer
									+ "\",\"touchpoint\":\"crash-tp\",\"occurredAt\":\"2026-03-02T10:00:00Z\"}";
							try {
								call(port, "POST", "/api/v1/interactions", body, 201);
							}
							catch (Throwable killed) {
								return null;
							}
							this.acknowledged.incrementAndGet(writer);
						}
					});
				}
				// killed while every writer is still sending, once each has a few
				// acknowledged
				await().atMost(Duration.ofMinutes(2)).until(() -> {
					for (int w = 0; w < WRITERS; w++) {
						if (this.acknowledged.get(w) < 20) {
							return false;
						}
					}
					return true;
				});
				first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		finally {
			first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		Process second = start(port);
		try {
			awaitHealthy(port, second);
			assertThat(JSON.readTree(call(port, "GET", "/api/v1/customers/crash-c0/timeline", null, 200))
				.get("contacts")
				.get("total")
				.asInt()).isEqualTo(10);
			for (int w = 0; w < WRITERS; w++) {
				assertThat(this.acknowledged.get(w)).as("contacts acknowledged to writer " + w).isPositive();
				String timeline = call(port, "GET", "/api/v1/customers/crash-w" + w + "/timeline?size=1", null, 200);
				System.out.println("writer " + w + " acked " + this.acknowledged.get(w) + " stored "
						+ JSON.readTree(timeline).get("contacts").get("total").asInt());
				assertThat(JSON.readTree(timeline).get("contacts").get("total").asInt())
					.as("contacts stored for writer " + w)
					.isGreaterThanOrEqualTo(this.acknowledged.get(w));
			}
		}
		finally {
			second.destroy();
			second.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private Process start(int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-Xmx256m", "-Dopencxm.test.database=as-configured", "-cp",
				System.getProperty("java.class.path"), OpenCxmApplication.class.getName(), "--server.port=" + port,
				"--opencxm.data-dir=" + this.data, "--opencxm.demo=false", "--opencxm.admin-password=" + PASSWORD)
			.redirectErrorStream(true)
			.redirectOutput(this.data.resolve("log-" + port + "-" + System.nanoTime()).toFile())
			.start();
	}

	private void awaitHealthy(int port, Process process) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("the application process is running").isTrue();
			try {
				HttpResponse<String> health = this.http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("not healthy within 2 minutes: " + logs());
	}

	private String call(int port, String method, String path, String body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return response.body();
	}

	private String logs() throws IOException {
		StringBuilder logs = new StringBuilder();
		try (var files = Files.list(this.data)) {
			for (Path log : files.filter((f) -> f.getFileName().toString().startsWith("log-")).toList()) {
				logs.append(Files.readString(log));
			}
		}
		return logs.toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
