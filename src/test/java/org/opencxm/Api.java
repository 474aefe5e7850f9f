package org.opencxm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * A small HTTP client for tests of the running application: calls as the admin by
 * default, as any other user with {@link #as(String)}, or anonymously.
 */
@TestComponent
public class Api {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final Environment environment;

	private final AtomicReference<@Nullable String> adminToken = new AtomicReference<>();

	public Api(Environment environment) {
		this.environment = environment;
	}

	public String baseUrl() {
		return "http://localhost:" + this.environment.getProperty("local.server.port");
	}

	/** Calls as the admin (with an API token created on first use). */
	public Caller admin() {
		String token = this.adminToken.get();
		if (token == null) {
			token = basic("admin", TestDatabaseEnvironment.ADMIN_PASSWORD)
				.post("/api/v1/tokens", Map.of("name", "test-admin-" + UUID.randomUUID()))
				.expect(201)
				.json()
				.get("token")
				.asString();
			this.adminToken.set(token);
		}
		return as(token);
	}

	public Caller as(String token) {
		return new Caller("Bearer " + token);
	}

	public Caller basic(String username, String password) {
		return new Caller("Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public Caller anonymous() {
		return new Caller(null);
	}

	/**
	 * Creates a user with the given roles (and scope, if any) and answers a token for it.
	 */
	public String userToken(String role, @Nullable String scopeUnitCode) {
		String username = unique("user");
		String password = "password-" + UUID.randomUUID();
		var body = new java.util.HashMap<String, Object>();
		body.put("username", username);
		body.put("displayName", username);
		body.put("password", password);
		body.put("roles", List.of(role));
		if (scopeUnitCode != null) {
			body.put("scopeUnitCode", scopeUnitCode);
		}
		admin().post("/api/v1/users", body).expect(201);
		return basic(username, password).post("/api/v1/tokens", Map.of("name", "test"))
			.expect(201)
			.json()
			.get("token")
			.asString();
	}

	/**
	 * The request body of an org unit named after its code ("单位 code", "Unit code"),
	 * under {@code parent} unless it is null.
	 */
	public static Map<String, Object> orgUnit(String code, @Nullable String parent, String kind) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("kind", kind);
		body.put("name", Map.of("zh-CN", "单位 " + code, "en", "Unit " + code));
		if (parent != null) {
			body.put("parentCode", parent);
		}
		return body;
	}

	/** Creates the org unit of {@link #orgUnit} as the administrator; its id. */
	public long createOrgUnit(String code, @Nullable String parent, String kind) {
		return admin().post("/api/v1/org-units", orgUnit(code, parent, kind)).expect(201).json().get("id").asLong();
	}

	/** A code that no other test uses, so tests also pass on a shared database. */
	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static JsonNode parse(String text) {
		return json.readTree(text);
	}

	public final class Caller {

		private final @Nullable String authorization;

		private Caller(@Nullable String authorization) {
			this.authorization = authorization;
		}

		public Response get(String path) {
			return send("GET", path, null, "application/json");
		}

		/** A GET that accepts any media type (metrics, CSV, images). */
		public Response getAny(String path) {
			return send("GET", path, null, "*/*");
		}

		public Response post(String path, Object body) {
			return send("POST", path, body, "application/json");
		}

		public Response put(String path, Object body) {
			return send("PUT", path, body, "application/json");
		}

		public Response patch(String path, Object body) {
			return send("PATCH", path, body, "application/json");
		}

		public Response delete(String path) {
			return send("DELETE", path, null, "application/json");
		}

		public Response send(String method, String path, @Nullable Object body, String contentType) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.header("Accept", "*/*".equals(contentType) ? "*/*" : "application/json, application/problem+json");
			if (this.authorization != null) {
				request.header("Authorization", this.authorization);
			}
			if (body != null) {
				String text = (body instanceof String string) ? string : json.writeValueAsString(body);
				request.header("Content-Type", "*/*".equals(contentType) ? "application/json" : contentType)
					.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			try {
				HttpResponse<String> response = Api.this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new Response(response.statusCode(), response.headers().map(), response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * What the application answered.
	 */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return parse(this.body);
		}

		public @Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** Fails with the body in the message unless the status is as expected. */
		public Response expect(int expected) {
			if (this.status != expected) {
				throw new AssertionError("expected HTTP " + expected + " but got " + this.status + ": " + this.body);
			}
			return this;
		}

	}

}
