package org.opencxm.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.LocalizedText;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds what the respondent page shows: each visible question in the chosen language
 * with the customer's name, the touchpoint and the unit piped in, its scale or options,
 * the values given so far and, after a post, the message next to each question that needs
 * attention.
 */
@Component
class RespondentPage {

	static final List<String> MESSAGES = List.of("survey.lang.other", "survey.lang.other.code", "survey.required",
			"survey.optional", "survey.save", "survey.submit", "survey.saved", "survey.errors", "survey.expectation",
			"survey.perception", "survey.sem.low", "survey.sem.high", "survey.text.hint", "survey.choose.max",
			"survey.thanks.title", "survey.thanks.body", "survey.unavailable.title", "survey.unavailable.UNKNOWN",
			"survey.unavailable.EXPIRED", "survey.unavailable.USED", "survey.unavailable.BUSY",
			"survey.unavailable.ERROR", "survey.customer");

	private final MessageSource messages;

	RespondentPage(MessageSource messages) {
		this.messages = messages;
	}

	record OptionView(String id, String value, String label, boolean checked) {

	}

	record QuestionView(String code, String kind, String label, boolean required, List<OptionView> options,
			List<OptionView> perception, @Nullable String low, @Nullable String high, @Nullable String text,
			@Nullable String error, @Nullable Integer maxChoices) {

	}

	Map<String, String> texts(LanguageTag language) {
		Map<String, String> texts = new HashMap<>();
		Locale locale = language.locale();
		for (String key : MESSAGES) {
			texts.put(key, this.messages.getMessage(key, null, key, locale));
		}
		return texts;
	}

	String pipe(@Nullable LocalizedText text, RespondentTarget target, LanguageTag language) {
		if (text == null) {
			return "";
		}
		Locale locale = language.locale();
		String customer = (target.customerName() != null) ? target.customerName()
				: this.messages.getMessage("survey.customer", null, "", locale);
		return text.in(locale)
			.replace("{customer.name}", customer)
			.replace("{touchpoint}", (target.touchpointName() != null) ? target.touchpointName().in(locale) : "")
			.replace("{unit}", (target.unitName() != null) ? target.unitName().in(locale) : "");
	}

	List<QuestionView> questions(RespondentTarget target, List<Question> visible, Map<String, Set<String>> values,
			Map<String, String> problems, LanguageTag language) {
		Locale locale = language.locale();
		List<QuestionView> views = new ArrayList<>();
		for (Question question : visible) {
			String name = "q." + question.code();
			String error = error(problems.get(question.code()), locale);
			String label = pipe(question.text(), target, language);
			Set<String> given = values.getOrDefault(name, Set.of());
			QuestionView view = switch (question) {
				case Question.ExpectationPerception pair -> new QuestionView(question.code(), "gap", label,
						question.required(), points(name + ".e", 1, 7, values.getOrDefault(name + ".e", Set.of())),
						points(name + ".p", 1, 7, values.getOrDefault(name + ".p", Set.of())), null, null, null, error,
						null);
				case Question.SingleChoice single ->
					new QuestionView(question.code(), "single", label, question.required(),
							options(name, single.options(), given, locale), List.of(), null, null, null, error, null);
				case Question.MultipleChoice multiple -> new QuestionView(question.code(), "multiple", label,
						question.required(), options(name, multiple.options(), given, locale), List.of(), null, null,
						null, error, multiple.maxChoices());
				case Question.OpenText text -> new QuestionView(question.code(), "text", label, question.required(),
						List.of(), List.of(), null, null, given.stream().findFirst().orElse(""), error, null);
				default -> {
					Question.Scale scale = question.scale();
					boolean sem = question instanceof Question.Sem;
					String low = (scale != null && scale.low() != null) ? scale.low().in(locale)
							: (sem ? this.messages.getMessage("survey.sem.low", null, "", locale) : null);
					String high = (scale != null && scale.high() != null) ? scale.high().in(locale)
							: (sem ? this.messages.getMessage("survey.sem.high", null, "", locale) : null);
					yield new QuestionView(question.code(), "scale", label, question.required(),
							(scale != null) ? points(name, scale.min(), scale.max(), given) : List.of(), List.of(), low,
							high, null, error, null);
				}
			};
			views.add(view);
		}
		return views;
	}

	private @Nullable String error(@Nullable String problem, Locale locale) {
		if (problem == null) {
			return null;
		}
		String key;
		if (problem.equals("is required")) {
			key = "survey.error.required";
		}
		else if (problem.contains("characters")) {
			key = "survey.error.tooLong";
		}
		else if (problem.startsWith("must choose at most")) {
			key = "survey.error.tooMany";
		}
		else {
			key = "survey.error.invalid";
		}
		return this.messages.getMessage(key, null, problem, locale);
	}

	private static List<OptionView> points(String name, int min, int max, Set<String> given) {
		List<OptionView> points = new ArrayList<>();
		for (int i = min; i <= max; i++) {
			String value = String.valueOf(i);
			points.add(new OptionView(id(name, value), value, value, given.contains(value)));
		}
		return points;
	}

	private static List<OptionView> options(String name, List<Question.Option> options, Set<String> given,
			Locale locale) {
		return options.stream()
			.map((o) -> new OptionView(id(name, o.code()), o.code(), o.label().in(locale), given.contains(o.code())))
			.toList();
	}

	private static String id(String name, String value) {
		return name.replace('.', '-') + "-" + value;
	}

}
