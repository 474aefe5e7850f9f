package org.opencxm.surveys;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.LocalizedText;

import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * The respondent page of a survey that is still being designed, drawn from a definition
 * that need not be stored: what the designer sees beside the builder. Answers posted to
 * the preview are checked as the real page checks them and then forgotten; nothing is
 * recorded. Piped values are shown as their placeholders.
 */
@Service
public class SurveyPreview {

	private static final LocalizedText TOUCHPOINT = new LocalizedText("{touchpoint}", "{touchpoint}");

	private static final LocalizedText UNIT = new LocalizedText("{unit}", "{unit}");

	private final RespondentPage page;

	SurveyPreview(RespondentPage page) {
		this.page = page;
	}

	/**
	 * A view name of the respondent templates and its model.
	 */
	public record Page(String view, Map<String, Object> model) {

	}

	/**
	 * The page as a respondent first sees it, or, with {@code answers} (the respondent
	 * form's fields), as it looks after "submit": the questions with their problems, or
	 * the thank-you page when the answers would be accepted.
	 * @param action where the page's form posts to
	 * @param switchUrl the address of the page in the other language
	 */
	public Page render(SurveyDefinition definition, LanguageTag language,
			@Nullable MultiValueMap<String, String> answers, String action, String switchUrl) {
		RespondentTarget target = new RespondentTarget(RespondentTarget.State.OPEN,
				new SurveyVersion(0, "preview", SurveyStatus.DRAFT, 0, 0, definition), "", ResponseSource.PUBLIC_LINK,
				RespondentTarget.unavailable(RespondentTarget.State.OPEN, null).links(), language, null, TOUCHPOINT,
				UNIT, action);
		Map<String, Object> model = new HashMap<>();
		model.put("t", this.page.texts(language));
		model.put("lang", language.tag());
		if (answers != null) {
			AnswerChecks.Checked checked = AnswerChecks.check(definition, RespondentForm.answers(definition, answers),
					true);
			if (checked.ok()) {
				model.put("thanks", this.page.pipe(definition.thanks(), target, language));
				return new Page("survey/thanks", model);
			}
			fill(model, target, definition, language, checked.visible(), RespondentForm.values(answers),
					checked.problems(), switchUrl);
			return new Page("survey/page", model);
		}
		AnswerChecks.Checked checked = AnswerChecks.check(definition, Map.of(), false);
		fill(model, target, definition, language, checked.visible(), Map.of(), Map.of(), switchUrl);
		return new Page("survey/page", model);
	}

	private void fill(Map<String, Object> model, RespondentTarget target, SurveyDefinition definition,
			LanguageTag language, List<Question> visible, Map<String, java.util.Set<String>> values,
			Map<String, String> problems, String switchUrl) {
		model.put("title", this.page.pipe(definition.title(), target, language));
		model.put("intro", this.page.pipe(definition.intro(), target, language));
		model.put("questions", this.page.questions(target, visible, values, problems, language));
		model.put("hasErrors", !problems.isEmpty());
		model.put("saved", false);
		model.put("action", Objects.requireNonNull(target.path()));
		model.put("rk", "");
		model.put("switchUrl", switchUrl);
	}

}
