package org.opencxm.surveys;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript for the respondent pages: keeps cookies, does not follow
 * redirects by itself, and posts forms with the CSRF token of the last page it read.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern RK = Pattern.compile("name=\"rk\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private final String language;

	private String lastPage = "";

	Browser(String base, String language) {
		this.base = base;
		this.language = language;
	}

	record Page(int status, String body, String location) {

	}

	Page get(String path) {
		Page page = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		this.lastPage = page.body();
		return page;
	}

	String csrf() {
		Matcher m = CSRF.matcher(this.lastPage);
		return m.find() ? m.group(1) : "";
	}

	String rk() {
		Matcher m = RK.matcher(this.lastPage);
		return m.find() ? m.group(1) : "";
	}

	/**
	 * Posts the fields (each value a string or a list of strings) with the page's CSRF
	 * token.
	 */
	Page post(String path, Map<String, Object> fields) {
		StringBuilder form = new StringBuilder("_csrf=" + encode(csrf()));
		fields.forEach((name, value) -> {
			List<?> values = (value instanceof List<?> list) ? list : List.of(value);
			for (Object v : values) {
				form.append('&').append(encode(name)).append('=').append(encode(v.toString()));
			}
		});
		Page page = send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
		if (page.status() != 303 && page.status() != 302) {
			this.lastPage = page.body();
		}
		return page;
	}

	static String fields(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.header("Accept-Language", this.language).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String location = response.headers().firstValue("Location").orElse("");
			if (location.startsWith(this.base)) {
				location = location.substring(this.base.length());
			}
			return new Page(response.statusCode(), response.body(), location);
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
