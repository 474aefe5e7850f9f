package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Someone responded to a case for the first time (the first-response SLA stops here).
 */
public record CaseAcknowledged(long caseId, long unitId, @Nullable Long byUserId, Instant at) {

}
