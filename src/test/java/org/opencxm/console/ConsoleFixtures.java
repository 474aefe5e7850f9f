package org.opencxm.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.opencxm.Api;

/**
 * Test data made through the API: org units and users with known passwords, each under a
 * code no other test uses.
 */
final class ConsoleFixtures {

	private final Api api;

	ConsoleFixtures(Api api) {
		this.api = api;
	}

	record Account(String username, String password, String displayName) {
	}

	Account user(String role, @Nullable String scopeUnitCode, String locale) {
		String username = Api.unique("user");
		String password = "password-" + UUID.randomUUID();
		String displayName = "Tester " + username.substring(username.indexOf('-') + 1);
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("displayName", displayName);
		body.put("password", password);
		body.put("roles", List.of(role));
		body.put("locale", locale);
		if (scopeUnitCode != null) {
			body.put("scopeUnitCode", scopeUnitCode);
		}
		this.api.admin().post("/api/v1/users", body).expect(201);
		return new Account(username, password, displayName);
	}

	String unit(String prefix, @Nullable String parentCode, String kind, String nameZh, String nameEn) {
		String code = Api.unique(prefix);
		unitWithCode(code, parentCode, kind, nameZh, nameEn);
		return code;
	}

	void unitWithCode(String code, @Nullable String parentCode, String kind, String nameZh, String nameEn) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("kind", kind);
		body.put("name", Map.of("zh-CN", nameZh, "en", nameEn));
		if (parentCode != null) {
			body.put("parentCode", parentCode);
		}
		int status = this.api.admin().post("/api/v1/org-units", body).status();
		if (status != 201 && status != 200) {
			throw new AssertionError("could not create org unit " + code + ": HTTP " + status);
		}
	}

}
