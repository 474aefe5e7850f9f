package org.opencxm.customers;

import java.util.HashMap;
import java.util.Map;

import org.opencxm.Api;

/**
 * Small factories for the customer tests: an org tree of their own and request bodies.
 */
final class CustomerFixtures {

	private CustomerFixtures() {
	}

	/**
	 * Makes sure a journey defines the real-estate lifecycle classes the tests give
	 * customers.
	 */
	static void lifecycleClasses(Api api) {
		var classes = java.util.List.of("prospect", "contracted", "run-in", "stable")
			.stream()
			.map((code) -> Map.of("code", code, "name", Map.of("zh-CN", code, "en", code)))
			.toList();
		var stages = java.util.List.of(Map.of("code", "viewing", "name", Map.of("zh-CN", "看房", "en", "Viewing")));
		int status = api.admin()
			.put("/api/v1/journeys/customer-fixture",
					Map.of("code", "customer-fixture", "name", Map.of("zh-CN", "客户测试之旅", "en", "Customer test journey"),
							"stages", stages, "lifecycleClasses", classes))
			.status();
		if (status != 200 && status != 201) {
			throw new AssertionError("could not define lifecycle classes: " + status);
		}
	}

	/**
	 * Creates a company with two regions and a store in the first; answers the company
	 * code ({@code code-east}, {@code code-west}, {@code code-east-1} are the others).
	 */
	static String tree(Api api) {
		String company = Api.unique("co");
		api.admin().post("/api/v1/org-units", unit(company, null, "COMPANY")).expect(201);
		api.admin().post("/api/v1/org-units", unit(company + "-east", company, "REGION")).expect(201);
		api.admin().post("/api/v1/org-units", unit(company + "-west", company, "REGION")).expect(201);
		api.admin().post("/api/v1/org-units", unit(company + "-east-1", company + "-east", "STORE")).expect(201);
		return company;
	}

	private static Map<String, Object> unit(String code, String parent, String kind) {
		return Api.orgUnit(code, parent, kind);
	}

	/** A customer body with a name and the given home unit (none if null). */
	static Map<String, Object> customer(String externalId, String homeUnitCode) {
		Map<String, Object> body = new HashMap<>();
		body.put("externalId", externalId);
		body.put("name", "王芳 " + externalId);
		if (homeUnitCode != null) {
			body.put("homeUnitCode", homeUnitCode);
		}
		return body;
	}

}
