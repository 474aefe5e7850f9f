package org.opencxm.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the design pages take to render on the server, measured when asked: <pre>
 * ./mvnw -q verify -Dtest=ConsoleDesignTimingTests -Dsurefire.failIfNoSpecifiedTests=false -Dopencxm.timing=true
 * </pre> A journey of 6 stages and 36 touchpoints, 12 alert rules, 12 segments and 300
 * customers; 40 requests of each page after every page was asked 15 times to warm up,
 * lines starting with {@code RENDER}.
 */
@ApplicationTest
@EnabledIfSystemProperty(named = "opencxm.timing", matches = "true")
class ConsoleDesignTimingTests {

	@Autowired
	Api api;

	@Test
	void printsHowLongTheDesignPagesTakeToRender() {
		ConsoleFixtures fixtures = new ConsoleFixtures(this.api);
		String company = fixtures.unit("co", null, "COMPANY", "公司", "Company");
		List<String> stores = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			stores.add(fixtures.unit("st", company, "STORE", "门店 " + i, "Store " + i));
		}
		String journey = Api.unique("jr");
		List<Map<String, Object>> stages = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			stages.add(Map.of("code", "s" + i, "name", Map.of("zh-CN", "阶段 " + i, "en", "Stage " + i)));
		}
		this.api.admin()
			.post("/api/v1/journeys",
					Map.of("code", journey, "name", Map.of("zh-CN", "旅程", "en", "Journey"), "stages", stages))
			.expect(201);
		String touchpoint = null;
		for (int stage = 0; stage < 6; stage++) {
			String parent = null;
			for (int i = 0; i < 6; i++) {
				String code = Api.unique("tp");
				Map<String, Object> body = new HashMap<>();
				body.put("code", code);
				body.put("journeyCode", journey);
				body.put("stageCode", "s" + stage);
				body.put("name", Map.of("zh-CN", "触点 " + i, "en", "Touchpoint " + i));
				body.put("contactType", "PERSONNEL");
				body.put("channel", "STORE");
				body.put("brandExperienceLevel", "SERVICE");
				body.put("ownerUnitCode", stores.get(i));
				body.put("standardActions",
						List.of(Map.of("code", "greet", "name", Map.of("zh-CN", "迎", "en", "Greet"))));
				if (parent != null && i % 2 == 1) {
					body.put("parentCode", parent);
				}
				this.api.admin().post("/api/v1/touchpoints", body).expect(201);
				parent = code;
				touchpoint = code;
			}
		}
		for (int i = 0; i < 300; i++) {
			this.api.admin()
				.put("/api/v1/customers/" + Api.unique("c"),
						Map.of("homeUnitCode", stores.get(i % 6), "valueTier", (i % 3 == 0) ? "VIP" : "LOW", "name",
								"Customer " + i))
				.expect(201);
		}
		String segment = null;
		for (int i = 0; i < 12; i++) {
			segment = Api.unique("sg");
			this.api.admin()
				.post("/api/v1/segments",
						Map.of("code", segment, "name", Map.of("zh-CN", "细分", "en", "Segment"), "rule",
								Map.of("all",
										List.of(Map.of("unit", company),
												Map.of("field", "valueTier", "in", List.of("VIP"))))))
				.expect(201);
		}
		String rule = null;
		for (int i = 0; i < 12; i++) {
			rule = Api.unique("ar");
			this.api.admin()
				.post("/api/v1/alert-rules",
						Map.of("code", rule, "name", Map.of("zh-CN", "预警", "en", "Alert"), "condition",
								Map.of("all", List.of(Map.of("field", "nps", "op", "lte", "value", 6))), "limits",
								Map.of("units", List.of(company), "touchpoints", List.of(touchpoint)), "action",
								Map.of("openCase", true, "priority", "P2")))
				.expect(201);
		}

		Account manager = fixtures.user("CX_MANAGER", null, "en");
		WebSession session = WebSession.signedIn(this.api, manager.username(), manager.password(), "en");
		long[] api = new long[40];
		for (int i = -5; i < api.length; i++) {
			long start = System.nanoTime();
			this.api.admin().get("/api/v1/journeys/" + journey).expect(200);
			if (i >= 0) {
				api[i] = System.nanoTime() - start;
			}
		}
		Arrays.sort(api);
		System.out.printf("RENDER %-70s p50 %5.1f ms  p95 %5.1f ms%n", "GET /api/v1/journeys/{code}", api[19] / 1e6,
				api[37] / 1e6);
		List<String> paths = List.of("/design/journeys", "/design/journeys/" + journey,
				"/design/journeys/" + journey + "/touchpoints/" + touchpoint, "/design/alert-rules",
				"/design/alert-rules/new", "/design/alert-rules/" + rule, "/design/segments", "/design/segments/new",
				"/design/segments/" + segment);
		for (int round = 0; round < 10; round++) {
			paths.forEach((path) -> session.page(path, 200));
		}
		for (String path : paths) {
			long[] nanos = new long[40];
			for (int i = -5; i < nanos.length; i++) {
				long start = System.nanoTime();
				session.page(path, 200);
				if (i >= 0) {
					nanos[i] = System.nanoTime() - start;
				}
			}
			Arrays.sort(nanos);
			System.out.printf("RENDER %-70s p50 %5.1f ms  p95 %5.1f ms%n", path, nanos[19] / 1e6, nanos[37] / 1e6);
		}
		long[] nanos = new long[40];
		String ruleJson = "{\"all\": [{\"unit\": \"" + company + "\"}, {\"field\": \"valueTier\", \"in\": [\"VIP\"]}]}";
		for (int i = -5; i < nanos.length; i++) {
			long start = System.nanoTime();
			String body = session.post("/design/segments/preview", Map.of("rule", ruleJson)).body();
			if (i >= 0) {
				nanos[i] = System.nanoTime() - start;
			}
			assertThat(body).contains("data-count=\"100\"");
		}
		Arrays.sort(nanos);
		System.out.printf("RENDER %-70s p50 %5.1f ms  p95 %5.1f ms%n", "POST /design/segments/preview (300 customers)",
				nanos[19] / 1e6, nanos[37] / 1e6);
	}

}
