package org.opencxm.surveys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.opencxm.Api;
import tools.jackson.databind.json.JsonMapper;

/**
 * A POST as the admin with an {@code Idempotency-Key} header, which {@link Api} does not
 * send.
 */
final class HttpWithHeader {

	private static final HttpClient http = HttpClient.newHttpClient();

	private HttpWithHeader() {
	}

	static HttpResponse<String> post(Api api, String path, Map<String, Object> body, String key) throws Exception {
		String token = api.admin()
			.post("/api/v1/tokens", Map.of("name", "k"))
			.expect(201)
			.json()
			.get("token")
			.asString();
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(body)))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
