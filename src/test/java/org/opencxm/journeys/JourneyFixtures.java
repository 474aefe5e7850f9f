package org.opencxm.journeys;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencxm.Api;

/**
 * Request bodies for the journeys API: a real-estate developer's journey and its
 * touchpoints.
 */
final class JourneyFixtures {

	static final List<String> STAGES = List.of("viewing", "signing", "waiting", "handover", "move-in", "living");

	private JourneyFixtures() {
	}

	static Map<String, String> text(String zh, String en) {
		return Map.of("zh-CN", zh, "en", en);
	}

	static Map<String, Object> realEstateJourney(String code) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("name", text("购房之旅", "Home buying journey"));
		body.put("description", text("从看房到入住后的生活", "From viewing to living in the new home"));
		body.put("lifecycleClasses",
				List.of(lifecycleClass("prospect", "意向客户", "Prospect"),
						lifecycleClass("contracted", "签约客户", "Contracted"), lifecycleClass("run-in", "磨合期客户", "Run-in"),
						lifecycleClass("stable", "稳定期客户", "Stable")));
		body.put("stages",
				List.of(stage("viewing", "看房", "Viewing", "prospect"), stage("signing", "签约", "Signing", "contracted"),
						stage("waiting", "等待", "Waiting", "contracted"), stage("handover", "交房", "Handover", "run-in"),
						stage("move-in", "入住", "Move-in", "run-in"), stage("living", "生活", "Living", "stable")));
		return body;
	}

	static Map<String, Object> stage(String code, String zh, String en, String lifecycleClass) {
		Map<String, Object> stage = new HashMap<>();
		stage.put("code", code);
		stage.put("name", text(zh, en));
		if (lifecycleClass != null) {
			stage.put("lifecycleClassCode", lifecycleClass);
		}
		return stage;
	}

	static Map<String, Object> lifecycleClass(String code, String zh, String en) {
		return Map.of("code", code, "name", text(zh, en));
	}

	static Map<String, Object> touchpoint(String code, String journey, String stage) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("journeyCode", journey);
		body.put("stageCode", stage);
		body.put("name", text("触点 " + code, "Touchpoint " + code));
		body.put("contactType", "PERSONNEL");
		body.put("channel", "STORE");
		body.put("brandExperienceLevel", "SERVICE");
		return body;
	}

	static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put(key, value);
		return copy;
	}

	static Map<String, Object> without(Map<String, Object> body, String key) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.remove(key);
		return copy;
	}

	/** Creates a journey under a fresh code and answers the code. */
	static String createJourney(Api api) {
		String code = Api.unique("home");
		api.admin().post("/api/v1/journeys", realEstateJourney(code)).expect(201);
		return code;
	}

	/** Creates a company with one project below it and answers the company's code. */
	static String createCompany(Api api) {
		String company = Api.unique("co");
		api.admin()
			.post("/api/v1/org-units",
					Map.of("code", company, "kind", "COMPANY", "name", text("公司 " + company, "Company " + company)))
			.expect(201);
		api.admin()
			.post("/api/v1/org-units",
					Map.of("code", company + "-p1", "parentCode", company, "kind", "PROJECT", "name",
							text("项目一", "Project one")))
			.expect(201);
		api.admin()
			.post("/api/v1/org-units",
					Map.of("code", company + "-p2", "parentCode", company, "kind", "PROJECT", "name",
							text("项目二", "Project two")))
			.expect(201);
		return company;
	}

}
