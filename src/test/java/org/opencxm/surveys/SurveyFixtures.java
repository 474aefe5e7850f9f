package org.opencxm.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies for the surveys API.
 */
final class SurveyFixtures {

	private SurveyFixtures() {
	}

	static Map<String, String> text(String zh, String en) {
		return Map.of("zh-CN", zh, "en", en);
	}

	static Map<String, Object> question(String type, String code, boolean required) {
		Map<String, Object> q = new HashMap<>();
		q.put("type", type);
		q.put("code", code);
		q.put("text", text("问题 " + code, "Question " + code));
		q.put("required", required);
		return q;
	}

	static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put(key, value);
		return copy;
	}

	static List<Map<String, Object>> options(String... codes) {
		List<Map<String, Object>> options = new ArrayList<>();
		for (String code : codes) {
			options.add(Map.of("code", code, "label", text("选项 " + code, "Option " + code)));
		}
		return options;
	}

	/** One question of every type; "why" is shown only to detractors. */
	static List<Map<String, Object>> everyType() {
		List<Map<String, Object>> questions = new ArrayList<>();
		questions.add(with(question("NPS", "nps", true), "text",
				text("{customer.name}，您会推荐{unit}吗？", "{customer.name}, would you recommend {unit}?")));
		questions.add(with(question("TEXT", "why", true), "showIf",
				Map.of("question", "nps", "operator", "AT_MOST", "value", 6)));
		questions.add(question("CSAT", "csat", true));
		questions.add(question("CES", "ces", false));
		Map<String, Object> rating = question("RATING", "rating", false);
		rating.put("min", 1);
		rating.put("max", 10);
		rating.put("low", text("差", "Poor"));
		rating.put("high", text("好", "Good"));
		questions.add(rating);
		questions.add(with(question("SEM", "sense", false), "module", "SENSE"));
		questions.add(with(question("EXPECTATION_PERCEPTION", "speed", false), "attribute", "waiting-time"));
		questions.add(question("INTENSITY", "intensity", false));
		questions.add(question("PARTICIPATION", "participation", false));
		questions.add(with(question("SINGLE_CHOICE", "visit", false), "options", options("first", "repeat")));
		Map<String, Object> multiple = with(question("MULTIPLE_CHOICE", "liked", false), "options",
				options("staff", "place", "price"));
		multiple.put("maxChoices", 2);
		questions.add(multiple);
		questions.add(question("TEXT", "comment", false));
		return questions;
	}

	static Map<String, Object> survey(String code, List<Map<String, Object>> questions) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("title", text("调查 " + code, "Survey " + code));
		body.put("questions", questions);
		return body;
	}

}
