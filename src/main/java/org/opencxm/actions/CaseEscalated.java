package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A case missed an SLA and was escalated one level up the org tree: {@code level} 1 is
 * the manager of the unit above the case's unit, 2 the one above that, and so on.
 * {@code escalatedToUserId} is null when no unit further up has a manager to tell.
 */
public record CaseEscalated(long caseId, long unitId, int level, Breach breach, @Nullable Long escalatedToUserId,
		@Nullable Long escalatedToUnitId, Instant at) {

	/** Which target was missed. */
	public enum Breach {

		/** Nobody acknowledged the case in time. */
		FIRST_RESPONSE,
		/** The case was not resolved in time. */
		RESOLUTION,
		/** The case is a further resolution period overdue. */
		RESOLUTION_OVERDUE

	}

}
