package org.opencxm.actions;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer answering a survey on the respondent page without JavaScript: keeps the
 * cookies, and posts the form with the CSRF token of the page it read.
 */
final class Respondent {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private String lastPage = "";

	Respondent(String base) {
		this.base = base;
	}

	record Page(int status, String body) {

	}

	Page get(String path) {
		Page page = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		this.lastPage = page.body();
		return page;
	}

	Page post(String path, Map<String, String> fields) {
		Matcher csrf = CSRF.matcher(this.lastPage);
		StringBuilder form = new StringBuilder("_csrf=" + encode(csrf.find() ? csrf.group(1) : ""));
		fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.header("Accept-Language", "en").build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(response.statusCode(), response.body());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
