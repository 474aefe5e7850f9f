package org.opencxm.bench;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.management.OperatingSystemMXBean;

import org.opencxm.org.OrgScope;
import org.opencxm.segments.SegmentRequest;
import org.opencxm.segments.Segments;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.PageRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the console's pages render on the demo workspace, and how many bytes of scripts
 * each one loads. The application runs in this process on an embedded H2 file database with
 * the demo workspace; the benchmark signs in through the login form (its CSRF token, the
 * session cookie) as the demo's admin, CX manager, unit manager and agent, finds each page
 * the way a person would (following the first links of the list pages) and reads every page
 * {@code warmup} times, then {@code runs} times one after the other (with {@code only}, the
 * pages whose path matches the expression). Times are the client's,
 * from sending the request until the whole answer is read, over loopback. The CPU time and
 * the SQL statements per page are the process's (server and client) and the database's,
 * divided by the runs: on a shared machine they are the figures to compare, since the wall
 * times follow the other work on it.
 *
 * <p>
 * Run with {@code bench/console/run [warmup=N] [runs=N] [data=DIR] [only=REGEX]}; with {@code data} the
 * database is kept in that folder and the demo loaded only the first time.
 */
public final class ConsoleBenchmark {

	private static final String DEMO_PASSWORD = "bench-demo-password";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");

	private ConsoleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int warmup = 20;
		int runs = 100;
		Path data = null;
		Pattern only = Pattern.compile(".*");
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			switch (pair[0]) {
				case "warmup" -> warmup = Integer.parseInt(pair[1]);
				case "runs" -> runs = Integer.parseInt(pair[1]);
				case "data" -> data = Path.of(pair[1]);
				case "only" -> only = Pattern.compile(pair[1]);
				default -> throw new IllegalArgumentException(
						"unknown option " + arg + " (use warmup=N runs=N data=DIR only=REGEX)");
			}
		}
		boolean keep = data != null;
		Path dataDir = keep ? Files.createDirectories(data) : Files.createTempDirectory("opencxm-console-bench");
		long loadStarted = System.nanoTime();
		try (BenchServer server = BenchServer.start("h2", dataDir, keep,
				List.of("--opencxm.demo=true", "--opencxm.demo-password=" + DEMO_PASSWORD))) {
			JdbcClient jdbc = server.context().getBean(JdbcClient.class);
			settle(jdbc);
			addSegment(server, jdbc);
			System.out.printf("demo workspace ready in %.1f s; %d processors%n", (System.nanoTime() - loadStarted) / 1e9,
					Runtime.getRuntime().availableProcessors());
			jdbc.sql("set query_statistics_max_entries 100000").update();
			jdbc.sql("set query_statistics true").update();
			// H2 hands a repeated query the result of its previous run while no table it reads
			// has changed. With responses arriving, the aggregates change every second, so
			// every read here runs in full, as it would then.
			jdbc.sql("set optimize_reuse_results 0").update();
			String before = loadAverage();
			List<Row> rows = new ArrayList<>();
			List<Login> logins = List.of(new Login("admin", "admin", BenchServer.ADMIN_PASSWORD),
					new Login("CX manager", "cx.manager", DEMO_PASSWORD),
					new Login("unit manager", "east.manager", DEMO_PASSWORD),
					new Login("agent", "riverside.agent", DEMO_PASSWORD));
			for (Login login : logins) {
				Browser browser = Browser.signedIn(server.baseUrl(), login);
				Pattern measured = only;
				List<Page> pages = pages(browser, login).stream()
					.filter((page) -> measured.matcher(page.path()).matches())
					.toList();
				System.out.printf("%s: %d pages%n", login.role(), pages.size());
				for (Page page : pages) {
					rows.add(measure(browser, jdbc, login, page, warmup, runs));
				}
			}
			String after = loadAverage();
			System.out.printf("%n%d warm-up and %d timed requests a page, one at a time; load average %s before, %s after%n%n",
					warmup, runs, before, after);
			System.out.println("| page | path | role | p50 ms | p95 ms | max ms | CPU ms | SQL | HTML KB | scripts KB gzip |");
			System.out.println("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
			for (Row row : rows) {
				System.out.printf("| %s | `%s` | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", row.page().name(),
						row.page().path(), row.role(), row.percentile(50), row.percentile(95), row.percentile(100),
						row.cpuMillis(), row.statements(), row.htmlBytes() / 1024.0, row.scriptBytes() / 1024.0);
			}
			Row slowest = rows.stream()
				.max((a, b) -> Double.compare(a.percentile(95), b.percentile(95)))
				.orElseThrow();
			Row heaviest = rows.stream().max((a, b) -> Long.compare(a.scriptBytes(), b.scriptBytes())).orElseThrow();
			System.out.printf("%nslowest p95: %s as %s, %.1f ms (target 100 ms); most scripts: %s, %.1f KB (limit 300 KB)%n",
					slowest.page().path(), slowest.role(), slowest.percentile(95), heaviest.page().path(),
					heaviest.scriptBytes() / 1024.0);
		}
	}

	/** The pages a role may open, found through the links of the pages before them. */
	static List<Page> pages(Browser browser, Login login) {
		List<Page> pages = new ArrayList<>();
		pages.add(new Page("overview", "/"));
		pages.add(new Page("journeys", "/journeys"));
		String map = first(browser, "/journeys", "/journeys/[^\"?]+");
		pages.add(new Page("journey map", map));
		for (String touchpoint : links(browser, map, "/touchpoints/[^\"]+", 3)) {
			pages.add(new Page("touchpoint", touchpoint));
		}
		pages.add(new Page("key experiences", "/key-experiences"));
		pages.add(new Page("units", "/units"));
		pages.add(new Page("unit", first(browser, "/units", "/units/[^\"]+")));
		pages.add(new Page("cases inbox", "/cases"));
		// An agent's inbox shows the cases assigned to them; the unit's view has more.
		List<String> cases = links(browser, "/cases", "/cases/[0-9]+", 1);
		if (cases.isEmpty()) {
			pages.add(new Page("cases of the unit", "/cases?view=unit"));
			cases = links(browser, "/cases?view=unit", "/cases/[0-9]+", 1);
		}
		if (cases.isEmpty()) {
			System.out.printf("%s sees no case: the case page is not measured%n", login.role());
		}
		else {
			pages.add(new Page("case", cases.get(0)));
		}
		pages.add(new Page("customers", "/customers"));
		String search = "/customers?q=" + URLEncoder.encode("1", StandardCharsets.UTF_8);
		pages.add(new Page("customer search", search));
		pages.add(new Page("customer", first(browser, search, "/customers/[^\"?]+")));
		pages.add(new Page("tokens", "/account/tokens"));
		if (login.username().equals("riverside.agent") || login.username().equals("east.manager")) {
			return pages;
		}
		pages.add(new Page("surveys", "/design/surveys"));
		String survey = first(browser, "/design/surveys", "/design/surveys/(?!new)[^\"?/]+");
		pages.add(new Page("survey builder", survey));
		pages.add(new Page("survey preview", survey + "/preview"));
		pages.add(new Page("new survey", "/design/surveys/new"));
		pages.add(new Page("triggers", "/design/triggers"));
		pages.add(new Page("trigger", first(browser, "/design/triggers", "/design/triggers/(?!new)[^\"?/]+")));
		pages.add(new Page("segments", "/design/segments"));
		pages.add(new Page("segment", first(browser, "/design/segments", "/design/segments/(?!new)[^\"?/]+")));
		pages.add(new Page("alert rules", "/design/alert-rules"));
		pages.add(new Page("alert rule", first(browser, "/design/alert-rules", "/design/alert-rules/(?!new)[^\"?/]+")));
		pages.add(new Page("journeys (design)", "/design/journeys"));
		String journey = first(browser, "/design/journeys", "/design/journeys/(?!new)[^\"?/]+");
		pages.add(new Page("journey (design)", journey));
		pages.add(new Page("touchpoint (design)", first(browser, journey, journey + "/touchpoints/(?!new)[^\"?/]+")));
		if (!login.username().equals("admin")) {
			return pages;
		}
		pages.add(new Page("units (admin)", "/admin/units"));
		pages.add(new Page("unit (admin)", first(browser, "/admin/units", "/admin/units/(?!new)[^\"?/]+")));
		pages.add(new Page("users", "/admin/users"));
		pages.add(new Page("user", first(browser, "/admin/users", "/admin/users/(?!new)[^\"?/]+")));
		return pages;
	}

	static Row measure(Browser browser, JdbcClient jdbc, Login login, Page page, int warmup, int runs) {
		for (int i = 0; i < warmup; i++) {
			browser.read(page.path());
		}
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long[] latencies = new long[runs];
		long statementsBefore = statements(jdbc);
		long cpuBefore = os.getProcessCpuTime();
		String html = "";
		for (int i = 0; i < runs; i++) {
			long begin = System.nanoTime();
			html = browser.read(page.path());
			latencies[i] = System.nanoTime() - begin;
		}
		double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e6 / runs;
		// The statistics query is itself counted once.
		double statements = (statements(jdbc) - statementsBefore - 1) / (double) runs;
		long scripts = 0;
		for (String src : scripts(html)) {
			scripts += browser.scriptBytes(src);
		}
		return new Row(page, login.role(), latencies, cpu, statements, html.getBytes(StandardCharsets.UTF_8).length,
				scripts);
	}

	private static long statements(JdbcClient jdbc) {
		return jdbc.sql("select coalesce(sum(execution_count), 0) from information_schema.query_statistics")
			.query(Long.class)
			.single();
	}

	private static Set<String> scripts(String html) {
		Set<String> sources = new LinkedHashSet<>();
		Matcher matcher = SCRIPT.matcher(html);
		while (matcher.find()) {
			sources.add(unescape(matcher.group(1)));
		}
		return sources;
	}

	private static String first(Browser browser, String path, String link) {
		List<String> found = links(browser, path, link, 1);
		if (found.isEmpty()) {
			throw new IllegalStateException("no link like " + link + " on " + path + " for " + browser.username);
		}
		return found.get(0);
	}

	private static List<String> links(Browser browser, String path, String link, int count) {
		Matcher matcher = Pattern.compile("href=\"(" + link + ")\"").matcher(browser.read(path));
		Set<String> found = new LinkedHashSet<>();
		while (found.size() < count && matcher.find()) {
			found.add(unescape(matcher.group(1)));
		}
		return new ArrayList<>(found);
	}

	private static String unescape(String attribute) {
		return attribute.replace("&amp;", "&");
	}

	/**
	 * The demo defines no segment; the benchmark adds one, the kind a CX manager writes:
	 * valuable customers with a recent contact at a touchpoint (or below it).
	 */
	private static void addSegment(BenchServer server, JdbcClient jdbc) {
		Segments segments = server.context().getBean(Segments.class);
		OrgScope scope = server.context().getBean(OrgScope.class);
		JsonMapper json = server.context().getBean(JsonMapper.class);
		String touchpoint = jdbc.sql("select code from touchpoint where parent_id is null order by id limit 1")
			.query(String.class)
			.single();
		scope.runAsSystem(() -> {
			if (segments.list(new PageRequest(0, 1)).total() > 0) {
				return;
			}
			JsonNode rule = json.readTree("""
					{"all": [
					  {"field": "valueTier", "in": ["VIP", "HIGH"]},
					  {"contactAt": {"touchpoint": "%s", "withinDays": 90, "includeDescendants": true}}
					]}""".formatted(touchpoint));
			segments.create(new SegmentRequest("bench-valuable-recent", new LocalizedText("近期到访的高价值客户",
					"Valuable customers with a recent visit"), null, rule));
		});
	}

	/** Waits until the demo's event listeners have handled every publication. */
	private static void settle(JdbcClient jdbc) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (jdbc.sql("""
				select count(*) from event_publication
				where completion_date is null and (status is null or status <> 'FAILED')
				""").query(Long.class).single() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the demo's event listeners have not caught up");
			}
			Thread.sleep(100);
		}
	}

	private static String loadAverage() throws Exception {
		return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
	}

	record Login(String role, String username, String password) {
	}

	record Page(String name, String path) {
	}

	record Row(Page page, String role, long[] latencies, double cpuMillis, double statements, long htmlBytes,
			long scriptBytes) {

		double percentile(double p) {
			long[] sorted = this.latencies.clone();
			Arrays.sort(sorted);
			int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
			return sorted[Math.max(index, 0)] / 1e6;
		}

	}

	/**
	 * A signed-in browser: keeps the session cookie, reads pages as HTML in Chinese and
	 * fetches each script once.
	 */
	static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.build();

		private final String baseUrl;

		private final Map<String, Long> scripts = new HashMap<>();

		private final String username;

		private Browser(String baseUrl, String username) {
			this.baseUrl = baseUrl;
			this.username = username;
		}

		static Browser signedIn(String baseUrl, Login login) {
			Browser browser = new Browser(baseUrl, login.username());
			Matcher csrf = CSRF.matcher(browser.read("/login"));
			if (!csrf.find()) {
				throw new IllegalStateException("the login page has no CSRF token");
			}
			String form = "username=" + encode(login.username()) + "&password=" + encode(login.password()) + "&_csrf="
					+ encode(csrf.group(1));
			HttpResponse<String> response = browser.send(browser.request("/login")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build());
			String location = response.headers().firstValue("Location").orElse("");
			if (response.statusCode() != 302 || location.contains("error")) {
				throw new IllegalStateException("could not sign in as " + login.username() + ": "
						+ response.statusCode() + " " + location);
			}
			return browser;
		}

		/** The page's HTML; fails unless it answers 200. */
		String read(String path) {
			HttpResponse<String> response = send(request(path).GET().build());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			return response.body();
		}

		/** The bytes of a script as a browser that accepts gzip receives it. */
		long scriptBytes(String src) {
			return this.scripts.computeIfAbsent(src, (path) -> {
				try {
					HttpResponse<byte[]> response = this.http.send(
							request(path).header("Accept-Encoding", "gzip").GET().build(),
							HttpResponse.BodyHandlers.ofByteArray());
					if (response.statusCode() != 200) {
						throw new IllegalStateException(path + " answered " + response.statusCode());
					}
					return (long) response.body().length;
				}
				catch (java.io.IOException ex) {
					throw new IllegalStateException(ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			});
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
				.header("Accept-Language", "zh-CN");
		}

		private HttpResponse<String> send(HttpRequest request) {
			try {
				return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
