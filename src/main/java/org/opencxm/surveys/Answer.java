package org.opencxm.surveys;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.SemModule;

/**
 * One answer of a response, typed by the question it answers and carrying that question's
 * tags (SEM module, experience axis, expectation/perception attribute), so that readers
 * need not look the survey up again.
 */
public sealed interface Answer permits Answer.Score, Answer.Gap, Answer.Choice, Answer.Text {

	String questionCode();

	QuestionType type();

	/**
	 * A number on a scale: NPS, CSAT, CES, a rating, an SEM item or an experience axis
	 * item.
	 */
	record Score(String questionCode, QuestionType type, int value, int min, int max, @Nullable SemModule semModule,
			@Nullable ExperienceAxis axis) implements Answer {

	}

	/**
	 * The expectation and the perception of one attribute on the same scale;
	 * {@link #gap()} is positive when the experience exceeded the expectation.
	 */
	record Gap(String questionCode, QuestionType type, String attribute, int expectation, int perception, int min,
			int max) implements Answer {

		public int gap() {
			return this.perception - this.expectation;
		}

	}

	/** The codes of the options chosen, in the survey's order. */
	record Choice(String questionCode, QuestionType type, List<String> options) implements Answer {

		public Choice {
			options = List.copyOf(options);
		}

	}

	record Text(String questionCode, QuestionType type, String text) implements Answer {

	}

}
