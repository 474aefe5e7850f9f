package org.opencxm.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads raw answers against a survey version: every answer must belong to a question and
 * fit its type; a visible required question must be answered when the response is
 * complete. A question whose display condition is not met is hidden: whatever was sent
 * for it is dropped. Problems are keyed by question code.
 */
final class AnswerChecks {

	private AnswerChecks() {
	}

	record Checked(List<Answer> answers, Map<String, String> problems, List<Question> visible) {

		boolean ok() {
			return this.problems.isEmpty();
		}

	}

	static Checked check(SurveyDefinition definition, Map<String, @Nullable JsonNode> raw, boolean complete) {
		Map<String, String> problems = new LinkedHashMap<>();
		for (String code : raw.keySet()) {
			if (definition.question(code).isEmpty()) {
				problems.put(code, "is not a question of this survey");
			}
		}
		Map<String, Answer> given = new HashMap<>();
		List<Answer> answers = new ArrayList<>();
		List<Question> visible = new ArrayList<>();
		for (Question question : definition.questions()) {
			Question.Condition condition = question.showIf();
			if (condition != null && !condition.test(given.get(condition.question()))) {
				continue;
			}
			visible.add(question);
			JsonNode value = raw.get(question.code());
			if (value == null || value.isNull()) {
				if (complete && question.required()) {
					problems.put(question.code(), "is required");
				}
				continue;
			}
			try {
				Answer answer = question.read(value);
				given.put(question.code(), answer);
				answers.add(answer);
			}
			catch (Question.Rejected ex) {
				problems.put(question.code(), ex.getMessage());
			}
		}
		return new Checked(answers, problems, visible);
	}

}
