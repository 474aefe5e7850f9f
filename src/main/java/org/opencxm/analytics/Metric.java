package org.opencxm.analytics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metrics a query can ask for, by API code.
 */
enum Metric {

	NPS("nps", null), CSAT("csat", "csat"), CSAT_TOP_TWO_BOX("csat-top-two-box", null), CES("ces", "ces"),
	SEM_SENSE("sem.sense", "sense"), SEM_FEEL("sem.feel", "feel"), SEM_THINK("sem.think", "think"),
	SEM_ACT("sem.act", "act"), SEM_RELATE("sem.relate", "relate"), GAP("gap", "gap"),
	INTENSITY("intensity", "intensity"), PARTICIPATION("participation", "participation"),
	EXPERIENCE_LEVELS("experience-levels", null), RESPONSES("responses", null), RATING("rating", null),
	RESPONSE_RATE("response-rate", null);

	final String code;

	/** The measure of {@link Rollup#MEASURES} for a mean, else null. */
	final @org.jspecify.annotations.Nullable String measure;

	Metric(String code, @org.jspecify.annotations.Nullable String measure) {
		this.code = code;
		this.measure = measure;
	}

	static Optional<Metric> of(String code) {
		return Arrays.stream(values()).filter((m) -> m.code.equals(code)).findFirst();
	}

	/** Whether units can be ranked by it (a single figure with a variance). */
	boolean rankable() {
		return this == NPS || this.measure != null;
	}

}
