package org.opencxm.evaluation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the experience-level rules ({@code opencxm.evaluation.*}); see
 * {@code docs/experience-levels.md}.
 *
 * @param gapTolerance how far the mean expectation gap (1–7 scale units) may stray from
 * zero and still count as meeting the expectation
 * @param strongAtLeast the stimulus intensity or participation (1–7) from which it counts
 * as strong
 * @param weakAtMost the participation (1–7) up to which a negative experience is mild
 * @param satisfactionBelowAtMost without gap items, the satisfaction (1–5) up to which
 * the experience fell below expectation
 * @param satisfactionAboveAtLeast without gap items, the satisfaction (1–5) from which
 * the experience exceeded expectation
 * @param halfLife how long until a response counts half in a customer's experience score
 */
@ConfigurationProperties("opencxm.evaluation")
public record EvaluationProperties(@DefaultValue("0.5") double gapTolerance, @DefaultValue("5") double strongAtLeast,
		@DefaultValue("3") double weakAtMost, @DefaultValue("2") int satisfactionBelowAtMost,
		@DefaultValue("5") int satisfactionAboveAtLeast, @DefaultValue("90d") Duration halfLife) {

	public EvaluationProperties {
		if (!(gapTolerance > 0 && gapTolerance <= 6)) {
			throw new IllegalArgumentException("opencxm.evaluation.gap-tolerance must be in (0, 6]");
		}
		if (!(weakAtMost >= 1 && weakAtMost < strongAtLeast && strongAtLeast <= 7)) {
			throw new IllegalArgumentException(
					"opencxm.evaluation needs 1 <= weak-at-most < strong-at-least <= 7 on the 1..7 scale");
		}
		if (!(satisfactionBelowAtMost >= 1 && satisfactionBelowAtMost < satisfactionAboveAtLeast
				&& satisfactionAboveAtLeast <= 5)) {
			throw new IllegalArgumentException(
					"opencxm.evaluation needs 1 <= satisfaction-below-at-most" + " < satisfaction-above-at-least <= 5");
		}
		if (halfLife.isNegative() || halfLife.isZero()) {
			throw new IllegalArgumentException("opencxm.evaluation.half-life must be positive");
		}
	}

	/** The documented defaults. */
	public static EvaluationProperties defaults() {
		return new EvaluationProperties(0.5, 5, 3, 2, 5, Duration.ofDays(90));
	}

}
