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

import org.opencxm.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like HTTP client for console pages: keeps its session cookie, asks for HTML
 * in one language and sends the CSRF token of the last page it read with its forms.
 */
final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String baseUrl;

	private final String language;

	private String csrf = "";

	WebSession(Api api, String language) {
		this.baseUrl = api.baseUrl();
		this.language = language;
	}

	/** A session signed in with the given credentials. */
	static WebSession signedIn(Api api, String username, String password, String language) {
		WebSession session = new WebSession(api, language);
		session.get("/login");
		HttpResponse<String> signedIn = session.post("/login", Map.of("username", username, "password", password));
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return session;
	}

	HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(request(path).GET().build());
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return response;
	}

	/** The page's HTML, asserting the status. */
	String page(String path, int status) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(status);
		return response.body();
	}

	HttpResponse<String> post(String path, Map<String, String> form) {
		return post(path, form, true);
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
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
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

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
