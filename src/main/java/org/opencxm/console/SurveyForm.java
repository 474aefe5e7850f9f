package org.opencxm.console;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;
import org.opencxm.surveys.Question;
import org.opencxm.surveys.QuestionType;
import org.opencxm.surveys.Survey;
import org.opencxm.surveys.SurveyDefinition;
import org.opencxm.surveys.SurveyRequest;

/**
 * The survey builder's form: the survey's texts in both languages and its questions. The
 * whole survey travels with every post, so that adding, removing and moving questions
 * work as plain form posts without script, and nothing is stored until "save" or
 * "publish".
 */
public class SurveyForm {

	private static final Pattern QUESTION_FIELD = Pattern
		.compile("^questions\\[(\\d+)]\\.(\\w+)(?:\\[\\d+])?(?:\\.([\\w-]+))?.*$");

	private static final Pattern TEXT_FIELD = Pattern.compile("^(title|intro|thanks)(?:\\.([\\w-]+))?$");

	private @Nullable String code;

	private @Nullable String titleZh;

	private @Nullable String titleEn;

	private @Nullable String introZh;

	private @Nullable String introEn;

	private @Nullable String thanksZh;

	private @Nullable String thanksEn;

	private List<QuestionForm> questions = new ArrayList<>();

	static SurveyForm of(Survey survey) {
		SurveyForm form = new SurveyForm();
		form.code = survey.code();
		form.titleZh = survey.title().zh();
		form.titleEn = survey.title().en();
		if (survey.intro() != null) {
			form.introZh = survey.intro().zh();
			form.introEn = survey.intro().en();
		}
		if (survey.thanks() != null) {
			form.thanksZh = survey.thanks().zh();
			form.thanksEn = survey.thanks().en();
		}
		survey.questions().forEach((q) -> form.questions.add(QuestionForm.of(q)));
		return form;
	}

	/**
	 * The request for the surveys module. Questions without a type are left out; the
	 * builder always sends one.
	 */
	@SuppressWarnings("NullAway") // a missing title is passed on for the module's
									// validation to name
	SurveyRequest request() {
		List<Question> built = this.questions.stream().map(QuestionForm::question).filter(Objects::nonNull).toList();
		return new SurveyRequest(this.code, new LocalizedText(this.titleZh, this.titleEn),
				optional(this.introZh, this.introEn), optional(this.thanksZh, this.thanksEn), built);
	}

	SurveyDefinition definition() {
		return request().definition();
	}

	/** A question code not used yet: q1, q2, … */
	String freeCode() {
		Set<String> used = new HashSet<>();
		this.questions.forEach((q) -> used.add(q.getCode()));
		int n = this.questions.size() + 1;
		while (used.contains("q" + n)) {
			n++;
		}
		return "q" + n;
	}

	/** Moves the question at {@code index} by {@code by} places, if there is room. */
	boolean move(int index, int by) {
		int to = index + by;
		if (index < 0 || index >= this.questions.size() || to < 0 || to >= this.questions.size()) {
			return false;
		}
		this.questions.add(to, this.questions.remove(index));
		return true;
	}

	/**
	 * Where a problem the surveys module names (a path in its request, such as
	 * {@code questions[2].text.en} or {@code questions[0].options[1].code}) is shown on
	 * this form.
	 */
	static String field(String path) {
		Matcher text = TEXT_FIELD.matcher(path);
		if (text.matches()) {
			return text.group(1) + ("en".equals(text.group(2)) ? "En" : "Zh");
		}
		Matcher question = QUESTION_FIELD.matcher(path);
		if (!question.matches()) {
			return path;
		}
		String at = "questions[" + question.group(1) + "].";
		String property = question.group(2);
		String part = question.group(3);
		return switch (property) {
			case "text", "low", "high" -> at + property + ("en".equals(part) ? "En" : "Zh");
			case "showIf" -> at + "showIf"
					+ ((part != null) ? Character.toUpperCase(part.charAt(0)) + part.substring(1) : "Question");
			default -> at + property;
		};
	}

	private static @Nullable LocalizedText optional(@Nullable String zh, @Nullable String en) {
		if (zh == null && en == null) {
			return null;
		}
		return new LocalizedText((zh != null) ? zh : "", (en != null) ? en : "");
	}

	public @Nullable String getCode() {
		return this.code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public @Nullable String getTitleZh() {
		return this.titleZh;
	}

	public void setTitleZh(@Nullable String titleZh) {
		this.titleZh = titleZh;
	}

	public @Nullable String getTitleEn() {
		return this.titleEn;
	}

	public void setTitleEn(@Nullable String titleEn) {
		this.titleEn = titleEn;
	}

	public @Nullable String getIntroZh() {
		return this.introZh;
	}

	public void setIntroZh(@Nullable String introZh) {
		this.introZh = introZh;
	}

	public @Nullable String getIntroEn() {
		return this.introEn;
	}

	public void setIntroEn(@Nullable String introEn) {
		this.introEn = introEn;
	}

	public @Nullable String getThanksZh() {
		return this.thanksZh;
	}

	public void setThanksZh(@Nullable String thanksZh) {
		this.thanksZh = thanksZh;
	}

	public @Nullable String getThanksEn() {
		return this.thanksEn;
	}

	public void setThanksEn(@Nullable String thanksEn) {
		this.thanksEn = thanksEn;
	}

	public List<QuestionForm> getQuestions() {
		return this.questions;
	}

	public void setQuestions(List<QuestionForm> questions) {
		this.questions = questions;
	}

	/** For the type select of a new question. */
	static List<QuestionType> types() {
		return List.of(QuestionType.values());
	}

}
