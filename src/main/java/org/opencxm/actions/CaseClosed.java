package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A resolved case was closed.
 */
public record CaseClosed(long caseId, long unitId, @Nullable Long byUserId, Instant at) {

}
