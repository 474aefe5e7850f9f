package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the customer said when asked after the case was resolved: whether the problem is
 * resolved, and how satisfied they are now (1–5). The customer counts as recovered when
 * it is resolved and satisfaction, if given, is 4 or 5. {@code responseId} names the
 * recovery survey's response it came from (null for a follow-up made by a person).
 */
public record FollowUp(long id, long caseId, boolean resolved, @Nullable Integer satisfaction, Instant recordedAt,
		boolean recovered, @Nullable Long responseId) {

	static boolean recovered(boolean resolved, @Nullable Integer satisfaction) {
		return resolved && (satisfaction == null || satisfaction >= 4);
	}

}
