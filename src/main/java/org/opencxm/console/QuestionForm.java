package org.opencxm.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SemModule;
import org.opencxm.surveys.Question;
import org.opencxm.surveys.QuestionType;

/**
 * One question on the survey builder, with a field for everything any type may need; only
 * those of its type are shown and read. Options are written one a line as
 * {@code code | 中文 | English}, the options of a display condition as codes separated by
 * commas. A JavaBean because the form binds a list of them by index.
 */
public class QuestionForm {

	private @Nullable QuestionType type;

	private @Nullable String code;

	private @Nullable String textZh;

	private @Nullable String textEn;

	private boolean required;

	private @Nullable String lowZh;

	private @Nullable String lowEn;

	private @Nullable String highZh;

	private @Nullable String highEn;

	private @Nullable Integer min;

	private @Nullable Integer max;

	private @Nullable SemModule module;

	private @Nullable String attribute;

	private @Nullable String options;

	private @Nullable Integer maxChoices;

	private @Nullable String showIfQuestion;

	private Question.Condition.@Nullable Operator showIfOperator;

	private @Nullable Integer showIfValue;

	private @Nullable String showIfOptions;

	static QuestionForm blank(QuestionType type, String code) {
		QuestionForm form = new QuestionForm();
		form.type = type;
		form.code = code;
		if (type == QuestionType.RATING) {
			form.min = 1;
			form.max = 5;
		}
		if (type == QuestionType.SEM) {
			form.module = SemModule.SENSE;
		}
		return form;
	}

	static QuestionForm of(Question question) {
		QuestionForm form = new QuestionForm();
		form.type = question.type();
		form.code = question.code();
		form.textZh = question.text().zh();
		form.textEn = question.text().en();
		form.required = question.required();
		Question.Scale scale = question.scale();
		if (scale != null) {
			form.min = scale.min();
			form.max = scale.max();
			if (scale.low() != null) {
				form.lowZh = scale.low().zh();
				form.lowEn = scale.low().en();
			}
			if (scale.high() != null) {
				form.highZh = scale.high().zh();
				form.highEn = scale.high().en();
			}
		}
		switch (question) {
			case Question.Sem sem -> form.module = sem.module();
			case Question.ExpectationPerception pair -> form.attribute = pair.attribute();
			case Question.SingleChoice single -> form.options = optionLines(single.options());
			case Question.MultipleChoice multiple -> {
				form.options = optionLines(multiple.options());
				form.maxChoices = multiple.maxChoices();
			}
			default -> {
			}
		}
		Question.Condition condition = question.showIf();
		if (condition != null) {
			form.showIfQuestion = condition.question();
			form.showIfOperator = condition.operator();
			form.showIfValue = condition.value();
			form.showIfOptions = (condition.options() != null) ? String.join(", ", condition.options()) : null;
		}
		return form;
	}

	/**
	 * The question as the surveys module takes it. Missing texts stay missing, so that
	 * the module's own checks name them.
	 */
	@SuppressWarnings("NullAway") // a missing value is passed on for the module's
									// validation to name
	@Nullable Question question() {
		if (this.type == null) {
			return null;
		}
		LocalizedText text = text(this.textZh, this.textEn);
		LocalizedText low = optionalText(this.lowZh, this.lowEn);
		LocalizedText high = optionalText(this.highZh, this.highEn);
		Question.Condition showIf = condition();
		String code = (this.code != null) ? this.code.strip() : null;
		return switch (this.type) {
			case NPS -> new Question.Nps(code, text, this.required, showIf, low, high);
			case CSAT -> new Question.Csat(code, text, this.required, showIf, low, high);
			case CES -> new Question.Ces(code, text, this.required, showIf, low, high);
			case RATING -> new Question.Rating(code, text, this.required, showIf, (this.min != null) ? this.min : 0,
					(this.max != null) ? this.max : 0, low, high);
			case SEM -> new Question.Sem(code, text, this.required, showIf, this.module);
			case EXPECTATION_PERCEPTION ->
				new Question.ExpectationPerception(code, text, this.required, showIf, this.attribute);
			case INTENSITY -> new Question.Intensity(code, text, this.required, showIf, low, high);
			case PARTICIPATION -> new Question.Participation(code, text, this.required, showIf, low, high);
			case SINGLE_CHOICE -> new Question.SingleChoice(code, text, this.required, showIf, parseOptions());
			case MULTIPLE_CHOICE ->
				new Question.MultipleChoice(code, text, this.required, showIf, parseOptions(), this.maxChoices);
			case TEXT -> new Question.OpenText(code, text, this.required, showIf);
		};
	}

	/**
	 * Whether a rating has no range: the record takes whole numbers, so a missing one
	 * must be named here.
	 */
	boolean missingRange() {
		return this.type == QuestionType.RATING && (this.min == null || this.max == null);
	}

	@SuppressWarnings("NullAway") // a missing value is passed on for the module's
									// validation to name
	private Question.@Nullable Condition condition() {
		if (this.showIfQuestion == null && this.showIfOperator == null) {
			return null;
		}
		List<String> codes = (this.showIfOptions != null)
				? Arrays.stream(this.showIfOptions.split("[,，\\s]+")).filter((c) -> !c.isBlank()).toList() : null;
		return new Question.Condition(this.showIfQuestion, this.showIfOperator, this.showIfValue, codes);
	}

	private List<Question.Option> parseOptions() {
		List<Question.Option> parsed = new ArrayList<>();
		if (this.options == null) {
			return parsed;
		}
		for (String line : this.options.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("[|｜]", 3);
			String code = parts[0].strip();
			String zh = (parts.length > 1) ? parts[1].strip() : null;
			String en = (parts.length > 2) ? parts[2].strip() : null;
			parsed.add(new Question.Option(code, text(zh, en)));
		}
		return parsed;
	}

	private static String optionLines(List<Question.Option> options) {
		return options.stream()
			.map((o) -> o.code() + " | " + o.label().zh() + " | " + o.label().en())
			.collect(Collectors.joining("\n"));
	}

	@SuppressWarnings("NullAway") // a missing value is passed on for the module's
									// validation to name
	private static LocalizedText text(@Nullable String zh, @Nullable String en) {
		return new LocalizedText((zh != null) ? zh.strip() : null, (en != null) ? en.strip() : null);
	}

	private static @Nullable LocalizedText optionalText(@Nullable String zh, @Nullable String en) {
		return (zh == null && en == null) ? null : text(zh, en);
	}

	public @Nullable QuestionType getType() {
		return this.type;
	}

	public void setType(@Nullable QuestionType type) {
		this.type = type;
	}

	public @Nullable String getCode() {
		return this.code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public @Nullable String getTextZh() {
		return this.textZh;
	}

	public void setTextZh(@Nullable String textZh) {
		this.textZh = textZh;
	}

	public @Nullable String getTextEn() {
		return this.textEn;
	}

	public void setTextEn(@Nullable String textEn) {
		this.textEn = textEn;
	}

	public boolean isRequired() {
		return this.required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public @Nullable String getLowZh() {
		return this.lowZh;
	}

	public void setLowZh(@Nullable String lowZh) {
		this.lowZh = lowZh;
	}

	public @Nullable String getLowEn() {
		return this.lowEn;
	}

	public void setLowEn(@Nullable String lowEn) {
		this.lowEn = lowEn;
	}

	public @Nullable String getHighZh() {
		return this.highZh;
	}

	public void setHighZh(@Nullable String highZh) {
		this.highZh = highZh;
	}

	public @Nullable String getHighEn() {
		return this.highEn;
	}

	public void setHighEn(@Nullable String highEn) {
		this.highEn = highEn;
	}

	public @Nullable Integer getMin() {
		return this.min;
	}

	public void setMin(@Nullable Integer min) {
		this.min = min;
	}

	public @Nullable Integer getMax() {
		return this.max;
	}

	public void setMax(@Nullable Integer max) {
		this.max = max;
	}

	public @Nullable SemModule getModule() {
		return this.module;
	}

	public void setModule(@Nullable SemModule module) {
		this.module = module;
	}

	public @Nullable String getAttribute() {
		return this.attribute;
	}

	public void setAttribute(@Nullable String attribute) {
		this.attribute = attribute;
	}

	public @Nullable String getOptions() {
		return this.options;
	}

	public void setOptions(@Nullable String options) {
		this.options = options;
	}

	public @Nullable Integer getMaxChoices() {
		return this.maxChoices;
	}

	public void setMaxChoices(@Nullable Integer maxChoices) {
		this.maxChoices = maxChoices;
	}

	public @Nullable String getShowIfQuestion() {
		return this.showIfQuestion;
	}

	public void setShowIfQuestion(@Nullable String showIfQuestion) {
		this.showIfQuestion = showIfQuestion;
	}

	public Question.Condition.@Nullable Operator getShowIfOperator() {
		return this.showIfOperator;
	}

	public void setShowIfOperator(Question.Condition.@Nullable Operator showIfOperator) {
		this.showIfOperator = showIfOperator;
	}

	public @Nullable Integer getShowIfValue() {
		return this.showIfValue;
	}

	public void setShowIfValue(@Nullable Integer showIfValue) {
		this.showIfValue = showIfValue;
	}

	public @Nullable String getShowIfOptions() {
		return this.showIfOptions;
	}

	public void setShowIfOptions(@Nullable String showIfOptions) {
		this.showIfOptions = showIfOptions;
	}

}
