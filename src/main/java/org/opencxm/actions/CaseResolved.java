package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A case was resolved with a root cause and a recovery. The follow-up survey ("was it
 * resolved? how satisfied are you now?") starts here; its answer comes back through
 * {@link CaseFollowUps#recordFollowUp}. {@code version} is the case's version once
 * resolved: it tells one resolution of a case from the next.
 */
public record CaseResolved(long caseId, long unitId, @Nullable Long customerId, @Nullable Long touchpointId,
		long rootCauseId, @Nullable Long byUserId, Instant at, long version) {

}
