package org.opencxm.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.MultiValueMap;

/**
 * The respondent page's form, both ways: posted fields ({@code q.<code>}, and
 * {@code q.<code>.e} / {@code q.<code>.p} for an expectation/perception pair) to raw
 * answers in the API's JSON form, and stored answers back to the values a form shows. An
 * empty field is no answer.
 */
final class RespondentForm {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private RespondentForm() {
	}

	static Map<String, @Nullable JsonNode> answers(SurveyDefinition definition, MultiValueMap<String, String> form) {
		Map<String, @Nullable JsonNode> raw = new HashMap<>();
		for (Question question : definition.questions()) {
			String name = "q." + question.code();
			JsonNode answer = switch (question) {
				case Question.ExpectationPerception pair -> {
					String expectation = first(form, name + ".e");
					String perception = first(form, name + ".p");
					if (expectation == null && perception == null) {
						yield null;
					}
					ObjectNode node = nodes.objectNode();
					node.set("expectation", number(expectation));
					node.set("perception", number(perception));
					yield node;
				}
				case Question.MultipleChoice multiple -> {
					List<String> values = form.getOrDefault(name, List.of());
					ArrayNode node = nodes.arrayNode();
					values.stream().filter((v) -> !v.isBlank()).forEach(node::add);
					yield node.isEmpty() ? null : node;
				}
				case Question.SingleChoice single -> {
					String value = first(form, name);
					yield (value != null) ? nodes.stringNode(value) : null;
				}
				case Question.OpenText text -> {
					String value = first(form, name);
					yield (value != null) ? nodes.stringNode(value) : null;
				}
				default -> {
					String value = first(form, name);
					yield (value != null) ? number(value) : null;
				}
			};
			if (answer != null) {
				raw.put(question.code(), answer);
			}
		}
		return raw;
	}

	/** The values a form shows for answers: field name to the values checked or typed. */
	static Map<String, Set<String>> values(List<Answer> answers) {
		Map<String, Set<String>> values = new HashMap<>();
		for (Answer answer : answers) {
			String name = "q." + answer.questionCode();
			switch (answer) {
				case Answer.Score score -> values.put(name, Set.of(String.valueOf(score.value())));
				case Answer.Gap gap -> {
					values.put(name + ".e", Set.of(String.valueOf(gap.expectation())));
					values.put(name + ".p", Set.of(String.valueOf(gap.perception())));
				}
				case Answer.Choice choice -> values.put(name, new LinkedHashSet<>(choice.options()));
				case Answer.Text text -> values.put(name, Set.of(text.text()));
			}
		}
		return values;
	}

	/** The values as posted, to show them again next to their errors. */
	static Map<String, Set<String>> values(MultiValueMap<String, String> form) {
		Map<String, Set<String>> values = new HashMap<>();
		form.forEach((name, list) -> {
			if (name.startsWith("q.")) {
				values.put(name, new LinkedHashSet<>(new ArrayList<>(list)));
			}
		});
		return values;
	}

	private static @Nullable String first(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return (value == null || value.isBlank()) ? null : value;
	}

	private static JsonNode number(@Nullable String value) {
		if (value == null) {
			return nodes.nullNode();
		}
		try {
			return nodes.numberNode(Integer.parseInt(value.strip()));
		}
		catch (NumberFormatException ex) {
			return nodes.stringNode(value);
		}
	}

}
