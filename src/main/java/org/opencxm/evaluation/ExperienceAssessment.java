package org.opencxm.evaluation;

import org.jspecify.annotations.Nullable;

/**
 * The experience level of one response, with what it rests on.
 *
 * @param level the level of the five-level model
 * @param severity how bad a {@link ExperienceLevel#NEGATIVE negative} experience is;
 * {@code null} for every other level
 * @param basis what the comparison with the customer's expectation used
 * @param intensity where the stimulus intensity came from
 * @param participation where the participation came from
 */
public record ExperienceAssessment(ExperienceLevel level, @Nullable NegativeSeverity severity, ExpectationBasis basis,
		Evidence intensity, Evidence participation) {

	public ExperienceAssessment {
		if ((level == ExperienceLevel.NEGATIVE) != (severity != null)) {
			throw new IllegalArgumentException("a severity goes with a negative experience, and only with one");
		}
		if (participation == Evidence.SEM_ITEMS) {
			throw new IllegalArgumentException("participation is never read from the SEM items");
		}
	}

	/**
	 * The level on a −100..100 scale in equal steps of a third: high 100, medium 66.7,
	 * low 33.3, none 0, negative −33.3 (mild), −66.7 (moderate) or −100 (severe).
	 */
	public double points() {
		return switch (this.level) {
			case HIGH -> 100;
			case MEDIUM -> 200.0 / 3;
			case LOW -> 100.0 / 3;
			case NONE -> 0;
			case NEGATIVE -> (this.severity == NegativeSeverity.SEVERE) ? -100
					: (this.severity == NegativeSeverity.MILD) ? -100.0 / 3 : -200.0 / 3;
		};
	}

}
