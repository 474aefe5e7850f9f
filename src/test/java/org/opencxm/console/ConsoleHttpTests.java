package org.opencxm.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.TestDatabaseEnvironment;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's HTTP contract without a browser: CSRF, escaping, error pages, language
 * negotiation and the weight of the scripts a page loads.
 */
@ApplicationTest
class ConsoleHttpTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SCRIPT = Pattern.compile("<script[^>]* src=\"([^\"]+)\"");

	@Autowired
	Api api;

	ConsoleFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new ConsoleFixtures(this.api);
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
		Session admin = signedInAdmin();
		String code = Api.unique("co");
		Map<String, String> form = Map.of("code", code, "kind", "COMPANY", "nameZh", "公司", "nameEn", "Company");

		assertThat(admin.post("/admin/units", form, false).statusCode()).isEqualTo(403);
		this.api.admin().get("/api/v1/org-units/" + code).expect(404);

		assertThat(admin.post("/admin/units", form, true).statusCode()).isEqualTo(302);
		this.api.admin().get("/api/v1/org-units/" + code).expect(200);
		assertThat(new Session().post("/language", Map.of("lang", "en"), false).statusCode()).isEqualTo(403);
	}

	@Test
	void customerSuppliedNamesAreEscaped() {
		String code = this.fixtures.unit("co", null, "COMPANY", "<script>alert(1)</script>",
				"<script>alert(1)</script>");
		Session admin = signedInAdmin();
		for (String path : new String[] { "/admin/units", "/admin/units/" + code, "/admin/users/new" }) {
			String html = admin.get(path).body();
			assertThat(html).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
			assertThat(html).as(path).doesNotContain("<script>alert(1)</script>");
		}
	}

	@Test
	void consolePagesAnswerErrorsAsPagesAndTheApiAsProblems() {
		Session admin = signedInAdmin();
		HttpResponse<String> missingUnit = admin.get("/admin/units/" + Api.unique("none"));
		assertThat(missingUnit.statusCode()).isEqualTo(404);
		assertThat(missingUnit.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(missingUnit.body()).contains("data-status=\"404\"").doesNotContain("Exception");

		HttpResponse<String> unknownPage = admin.get("/no-such-page");
		assertThat(unknownPage.statusCode()).isEqualTo(404);
		assertThat(unknownPage.body()).contains("data-status=\"404\"");

		HttpResponse<String> missingFile = admin.get("/css/no-such-file.css");
		assertThat(missingFile.statusCode()).isEqualTo(404);
		assertThat(missingFile.body()).contains("data-status=\"404\"");

		HttpResponse<String> badId = admin.post("/account/tokens/not-a-number/revoke", Map.of(), true);
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(badId.body()).contains("data-status=\"400\"");

		var apiMissing = this.api.admin().get("/api/v1/org-units/" + Api.unique("none")).expect(404);
		assertThat(apiMissing.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void theSignInPageFollowsTheBrowserLanguage() {
		assertThat(new Session("zh-CN,zh;q=0.9").get("/login").body()).contains("登录 OpenCXM")
			.contains("lang=\"zh-CN\"");
		assertThat(new Session("en-GB,en;q=0.9").get("/login").body()).contains("Sign in to OpenCXM")
			.contains("lang=\"en\"");
		assertThat(new Session("fr-FR,zh;q=0.5").get("/login").body()).contains("登录 OpenCXM");
		assertThat(new Session("fr-FR").get("/login").body()).contains("Sign in to OpenCXM");
	}

	@Test
	void theLanguageSwitchOnlyReturnsToPagesOfThisSite() {
		Session session = new Session();
		session.get("/login");
		HttpResponse<String> away = session.post("/language", Map.of("lang", "zh-CN", "to", "//evil.example/"), true);
		assertThat(away.statusCode()).isEqualTo(302);
		assertThat(away.headers().firstValue("Location").orElseThrow()).endsWith(":" + port() + "/");
		assertThat(session.get("/login").body()).contains("登录 OpenCXM");
	}

	@Test
	void noPageLoadsMoreThan300KilobytesOfScript() {
		assertThat(scriptBytes(new Session(), "/login")).isPositive().isLessThanOrEqualTo(300 * 1024);
		Session admin = signedInAdmin();
		for (String path : new String[] { "/", "/journeys", "/key-experiences", "/units", "/cases", "/customers",
				"/admin/units", "/admin/units/new", "/admin/users", "/admin/users/new", "/account/tokens" }) {
			assertThat(scriptBytes(admin, path)).as("script bytes of %s", path)
				.isPositive()
				.isLessThanOrEqualTo(300 * 1024);
		}
	}

	@Test
	void staticFilesAreServedFromTheirFoldersAndWebJarLinksCarryTheirVersion() {
		Session anonymous = new Session();
		HttpResponse<String> css = anonymous.get("/css/opencxm.css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		assertThat(anonymous.get("/img/logo.svg").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/css/nothing.css").statusCode()).isEqualTo(404);
		String login = anonymous.get("/login").body();
		Matcher htmx = Pattern.compile("src=\"(/webjars/htmx.org/[^\"]+)\"").matcher(login);
		assertThat(htmx.find()).as("the htmx script on the sign-in page").isTrue();
		assertThat(htmx.group(1)).as("a webjar's link names its version").matches("/webjars/htmx.org/\\d[^/]*/.+");
		assertThat(anonymous.get(htmx.group(1)).statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
	}

	private long scriptBytes(Session session, String path) {
		long bytes = 0;
		Matcher scripts = SCRIPT.matcher(session.get(path).body());
		while (scripts.find()) {
			bytes += session.wireBytes(scripts.group(1));
		}
		return bytes;
	}

	private Session signedInAdmin() {
		Session session = new Session();
		session.get("/login");
		HttpResponse<String> signedIn = session.post("/login",
				Map.of("username", "admin", "password", TestDatabaseEnvironment.ADMIN_PASSWORD), true);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		session.get("/");
		return session;
	}

	private String port() {
		return this.api.baseUrl().substring(this.api.baseUrl().lastIndexOf(':') + 1);
	}

	/**
	 * A browser-like client: keeps its session cookie and sends the CSRF token of the
	 * last page it read.
	 */
	private final class Session {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final String language;

		private String csrf = "";

		Session() {
			this("en");
		}

		Session(String language) {
			this.language = language;
		}

		HttpResponse<String> get(String path) {
			HttpResponse<String> response = send(request(path).GET().build());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return response;
		}

		/** The bytes a browser that accepts gzip receives for the path. */
		long wireBytes(String path) {
			try {
				HttpResponse<byte[]> response = this.http.send(
						request(path).header("Accept-Encoding", "gzip").GET().build(),
						HttpResponse.BodyHandlers.ofByteArray());
				assertThat(response.statusCode()).as(path).isEqualTo(200);
				return response.body().length;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf) {
			Map<String, String> fields = new LinkedHashMap<>(form);
			if (withCsrf) {
				fields.put("_csrf", this.csrf);
			}
			String body = fields.entrySet()
				.stream()
				.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
				.collect(Collectors.joining("&"));
			return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create(ConsoleHttpTests.this.api.baseUrl() + path))
				.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
				.header("Accept-Language", this.language);
		}

		private HttpResponse<String> send(HttpRequest request) {
			try {
				return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
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
