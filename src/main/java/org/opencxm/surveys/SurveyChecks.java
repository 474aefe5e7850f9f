package org.opencxm.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;

/**
 * What bean validation cannot see in a survey: unique question and option codes, sane
 * scales, and display conditions that look back at an earlier question of a fitting kind.
 */
final class SurveyChecks {

	private static final int MAX_POINTS = 21;

	private SurveyChecks() {
	}

	static void check(SurveyDefinition definition) {
		List<FieldViolation> violations = new ArrayList<>();
		Map<String, Question> earlier = new HashMap<>();
		List<Question> questions = definition.questions();
		for (int i = 0; i < questions.size(); i++) {
			Question question = questions.get(i);
			String at = "questions[" + i + "]";
			if (earlier.containsKey(question.code())) {
				violations.add(FieldViolation.of(at + ".code", "is used by an earlier question"));
			}
			switch (question) {
				case Question.Rating rating -> {
					if (rating.min() >= rating.max() || rating.max() - rating.min() + 1 > MAX_POINTS
							|| rating.min() < -10 || rating.max() > 100) {
						violations.add(FieldViolation.of(at + ".max",
								"must be above min, with at most " + MAX_POINTS + " points between -10 and 100"));
					}
				}
				case Question.SingleChoice choice -> options(choice.options(), at, violations);
				case Question.MultipleChoice choice -> {
					options(choice.options(), at, violations);
					if (choice.maxChoices() != null && choice.maxChoices() < 1) {
						violations.add(FieldViolation.of(at + ".maxChoices", "must be 1 or more"));
					}
				}
				default -> {
				}
			}
			Question.Condition condition = question.showIf();
			if (condition != null) {
				condition(condition, earlier.get(condition.question()), at + ".showIf", violations);
			}
			earlier.putIfAbsent(question.code(), question);
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	private static void options(List<Question.Option> options, String at, List<FieldViolation> violations) {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < options.size(); i++) {
			if (!codes.add(options.get(i).code())) {
				violations.add(FieldViolation.of(at + ".options[" + i + "].code", "is used by another option"));
			}
		}
	}

	private static void condition(Question.Condition condition, Question source, String at,
			List<FieldViolation> violations) {
		if (source == null) {
			violations.add(FieldViolation.of(at + ".question", "must be the code of an earlier question"));
			return;
		}
		switch (condition.operator()) {
			case AT_LEAST, AT_MOST -> {
				if (source.scale() == null) {
					violations.add(FieldViolation.of(at + ".operator", "needs a question answered with a score"));
				}
				else if (condition.value() == null) {
					violations.add(FieldViolation.of(at + ".value", "must be given for " + condition.operator()));
				}
			}
			case ANY_OF -> {
				List<Question.Option> options = switch (source) {
					case Question.SingleChoice single -> single.options();
					case Question.MultipleChoice multiple -> multiple.options();
					default -> null;
				};
				if (options == null) {
					violations.add(FieldViolation.of(at + ".operator", "needs a choice question"));
				}
				else if (condition.options() == null || condition.options().isEmpty()
						|| !condition.options()
							.stream()
							.allMatch((code) -> options.stream().anyMatch((o) -> o.code().equals(code)))) {
					violations.add(FieldViolation.of(at + ".options", "must list codes of the question's options"));
				}
			}
			case ANSWERED -> {
			}
		}
	}

}
