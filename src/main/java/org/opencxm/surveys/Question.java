package org.opencxm.surveys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SemModule;
import tools.jackson.databind.JsonNode;

/**
 * One question of a survey, written in JSON with its {@code type}. Each has a code that
 * is stable within the survey, a text in both languages (which may pipe in
 * {@code {customer.name}}, {@code {touchpoint}} and {@code {unit}}), whether an answer is
 * required, and an optional condition on an earlier answer for being shown at all. Each
 * type reads and checks its own answers ({@link #read}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Question.Nps.class, name = "NPS"),
		@JsonSubTypes.Type(value = Question.Csat.class, name = "CSAT"),
		@JsonSubTypes.Type(value = Question.Ces.class, name = "CES"),
		@JsonSubTypes.Type(value = Question.Rating.class, name = "RATING"),
		@JsonSubTypes.Type(value = Question.Sem.class, name = "SEM"),
		@JsonSubTypes.Type(value = Question.ExpectationPerception.class, name = "EXPECTATION_PERCEPTION"),
		@JsonSubTypes.Type(value = Question.Intensity.class, name = "INTENSITY"),
		@JsonSubTypes.Type(value = Question.Participation.class, name = "PARTICIPATION"),
		@JsonSubTypes.Type(value = Question.SingleChoice.class, name = "SINGLE_CHOICE"),
		@JsonSubTypes.Type(value = Question.MultipleChoice.class, name = "MULTIPLE_CHOICE"),
		@JsonSubTypes.Type(value = Question.OpenText.class, name = "TEXT") })
public sealed interface Question {

	/** The longest open answer. */
	int MAX_TEXT = 5000;

	String code();

	LocalizedText text();

	boolean required();

	@Nullable Condition showIf();

	@JsonIgnore
	QuestionType type();

	/**
	 * The scale of a question answered with a number (or two), null for the others.
	 */
	@JsonIgnore
	default @Nullable Scale scale() {
		return null;
	}

	/**
	 * Reads an answer given as JSON.
	 * @throws Rejected with the reason if the value does not answer this question
	 */
	Answer read(JsonNode value);

	/**
	 * A scale's range and the words at its ends (the product's own words when absent).
	 */
	record Scale(int min, int max, @Nullable LocalizedText low, @Nullable LocalizedText high) {

	}

	/**
	 * Show the question only when the earlier question {@code question} was answered
	 * ({@code ANSWERED}), with a score of at least or at most {@code value}, or with any
	 * of {@code options}.
	 */
	record Condition(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String question,
			@NotNull Operator operator, @Nullable Integer value, @Nullable List<String> options) {

		public enum Operator {

			ANSWERED, AT_LEAST, AT_MOST, ANY_OF

		}

		public boolean test(@Nullable Answer answer) {
			if (answer == null) {
				return false;
			}
			return switch (this.operator) {
				case ANSWERED -> true;
				case AT_LEAST -> score(answer) != null && this.value != null && score(answer) >= this.value;
				case AT_MOST -> score(answer) != null && this.value != null && score(answer) <= this.value;
				case ANY_OF -> answer instanceof Answer.Choice choice && this.options != null
						&& choice.options().stream().anyMatch(this.options::contains);
			};
		}

		private static @Nullable Integer score(Answer answer) {
			return switch (answer) {
				case Answer.Score score -> score.value();
				case Answer.Gap gap -> gap.perception();
				default -> null;
			};
		}

	}

	/** A choice's code (what is stored) and its label. */
	record Option(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText label) {

	}

	/** An answer that does not fit the question. */
	final class Rejected extends RuntimeException {

		public Rejected(String reason) {
			super(reason, null, false, false);
		}

	}

	record Nps(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required, @Valid @Nullable Condition showIf,
			@Valid @Nullable LocalizedText low, @Valid @Nullable LocalizedText high) implements Question {

		@Override
		public QuestionType type() {
			return QuestionType.NPS;
		}

		@Override
		public Scale scale() {
			return new Scale(0, 10, this.low, this.high);
		}

		@Override
		public Answer read(JsonNode value) {
			return new Answer.Score(this.code, type(), score(value, 0, 10), 0, 10, null, null);
		}

	}

	record Csat(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required, @Valid @Nullable Condition showIf,
			@Valid @Nullable LocalizedText low, @Valid @Nullable LocalizedText high) implements Question {

		@Override
		public QuestionType type() {
			return QuestionType.CSAT;
		}

		@Override
		public Scale scale() {
			return new Scale(1, 5, this.low, this.high);
		}

		@Override
		public Answer read(JsonNode value) {
			return new Answer.Score(this.code, type(), score(value, 1, 5), 1, 5, null, null);
		}

	}

	record Ces(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required, @Valid @Nullable Condition showIf,
			@Valid @Nullable LocalizedText low, @Valid @Nullable LocalizedText high) implements Question {

		@Override
		public QuestionType type() {
			return QuestionType.CES;
		}

		@Override
		public Scale scale() {
			return new Scale(1, 7, this.low, this.high);
		}

		@Override
		public Answer read(JsonNode value) {
			return new Answer.Score(this.code, type(), score(value, 1, 7), 1, 7, null, null);
		}

	}

	/** A rating on a range the survey chooses (at most 21 points, e.g. 1–5, 0–10). */
	record Rating(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required, @Valid @Nullable Condition showIf, int min, int max,
			@Valid @Nullable LocalizedText low, @Valid @Nullable LocalizedText high) implements Question {

		@Override
		public QuestionType type() {
			return QuestionType.RATING;
		}

		@Override
		public Scale scale() {
			return new Scale(this.min, this.max, this.low, this.high);
		}

		@Override
		public Answer read(JsonNode value) {
			return new Answer.Score(this.code, type(), score(value, this.min, this.max), this.min, this.max, null,
					null);
		}

	}

	/**
	 * Agreement from 1 (strongly disagree) to 7 (strongly agree), tagged with its module.
	 */
	record Sem(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required, @Valid @Nullable Condition showIf,
			@NotNull SemModule module) implements Question {

		@Override
		public QuestionType type() {
			return QuestionType.SEM;
		}

		@Override
		public Scale scale() {
			return new Scale(1, 7, null, null);
		}

		@Override
		public Answer read(JsonNode value) {
			return new Answer.Score(this.code, type(), score(value, 1, 7), 1, 7, this.module, null);
		}

	}

	/**
	 * What the customer expected of an attribute and what they perceived, each 1 to 7,
	 * answered as {@code {"expectation": 5, "perception": 6}}.
	 */
	record ExpectationPerception(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required, @Valid @Nullable Condition showIf,
			@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String attribute) implements Question {

		@Override
		public QuestionType type() {
			return QuestionType.EXPECTATION_PERCEPTION;
		}

		@Override
		public Scale scale() {
			return new Scale(1, 7, null, null);
		}

		@Override
		public Answer read(JsonNode value) {
			if (!value.isObject() || value.size() != 2 || !value.has("expectation") || !value.has("perception")) {
				throw new Rejected("must be an object with expectation and perception, each 1 to 7");
			}
			return new Answer.Gap(this.code, type(), this.attribute, score(value.get("expectation"), 1, 7),
					score(value.get("perception"), 1, 7), 1, 7);
		}

	}

	record Intensity(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required, @Valid @Nullable Condition showIf,
			@Valid @Nullable LocalizedText low, @Valid @Nullable LocalizedText high) implements Question {

		@Override
		public QuestionType type() {
			return QuestionType.INTENSITY;
		}

		@Override
		public Scale scale() {
			return new Scale(1, 7, this.low, this.high);
		}

		@Override
		public Answer read(JsonNode value) {
			return new Answer.Score(this.code, type(), score(value, 1, 7), 1, 7, null, ExperienceAxis.INTENSITY);
		}

	}

	record Participation(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required, @Valid @Nullable Condition showIf,
			@Valid @Nullable LocalizedText low, @Valid @Nullable LocalizedText high) implements Question {

		@Override
		public QuestionType type() {
			return QuestionType.PARTICIPATION;
		}

		@Override
		public Scale scale() {
			return new Scale(1, 7, this.low, this.high);
		}

		@Override
		public Answer read(JsonNode value) {
			return new Answer.Score(this.code, type(), score(value, 1, 7), 1, 7, null, ExperienceAxis.PARTICIPATION);
		}

	}

	/** One option, answered with its code. */
	record SingleChoice(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required, @Valid @Nullable Condition showIf,
			@NotEmpty List<@Valid Option> options) implements Question {

		public SingleChoice {
			options = List.copyOf(options);
		}

		@Override
		public QuestionType type() {
			return QuestionType.SINGLE_CHOICE;
		}

		@Override
		public Answer read(JsonNode value) {
			if (!value.isString() || this.options.stream().noneMatch((o) -> o.code().equals(value.asString()))) {
				throw new Rejected("must be the code of one of the options");
			}
			return new Answer.Choice(this.code, type(), List.of(value.asString()));
		}

	}

	/**
	 * Any options (at least one when answered, at most {@code maxChoices} if given),
	 * answered with an array of their codes.
	 */
	record MultipleChoice(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required, @Valid @Nullable Condition showIf,
			@NotEmpty List<@Valid Option> options, @Nullable Integer maxChoices) implements Question {

		public MultipleChoice {
			options = List.copyOf(options);
		}

		@Override
		public QuestionType type() {
			return QuestionType.MULTIPLE_CHOICE;
		}

		@Override
		public Answer read(JsonNode value) {
			if (!value.isArray() || value.isEmpty()) {
				throw new Rejected("must be a non-empty array of option codes");
			}
			Set<String> chosen = new HashSet<>();
			for (JsonNode item : value) {
				if (!item.isString() || this.options.stream().noneMatch((o) -> o.code().equals(item.asString()))) {
					throw new Rejected("must hold only codes of the options");
				}
				chosen.add(item.asString());
			}
			if (this.maxChoices != null && chosen.size() > this.maxChoices) {
				throw new Rejected("must choose at most " + this.maxChoices + " options");
			}
			List<String> ordered = new ArrayList<>();
			this.options.stream().map(Option::code).filter(chosen::contains).forEach(ordered::add);
			return new Answer.Choice(this.code, type(), ordered);
		}

	}

	/** Free text of up to {@value Question#MAX_TEXT} characters. */
	record OpenText(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
			@NotNull @Valid LocalizedText text, boolean required,
			@Valid @Nullable Condition showIf) implements Question {

		@Override
		public QuestionType type() {
			return QuestionType.TEXT;
		}

		@Override
		public Answer read(JsonNode value) {
			if (!value.isString()) {
				throw new Rejected("must be a text");
			}
			String text = value.asString().strip();
			if (text.codePointCount(0, text.length()) > MAX_TEXT) {
				throw new Rejected("must be at most " + MAX_TEXT + " characters");
			}
			if (text.isEmpty()) {
				throw new Rejected("must not be blank");
			}
			return new Answer.Text(this.code, type(), text);
		}

	}

	private static int score(@Nullable JsonNode value, int min, int max) {
		if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new Rejected("must be a whole number from " + min + " to " + max);
		}
		int score = value.intValue();
		if (score < min || score > max) {
			throw new Rejected("must be from " + min + " to " + max);
		}
		return score;
	}

}
