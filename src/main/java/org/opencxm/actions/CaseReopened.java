package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A resolved or closed case was reopened, by a person or because the customer said in the
 * follow-up that the problem was not resolved ({@code byUserId} null).
 */
public record CaseReopened(long caseId, long unitId, @Nullable Long byUserId, String reason, Instant at) {

}
