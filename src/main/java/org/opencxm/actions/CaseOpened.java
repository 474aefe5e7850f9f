package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A case was opened (never published again for a retried request).
 */
public record CaseOpened(long caseId, long unitId, @Nullable Long customerId, SourceType sourceType,
		@Nullable Long sourceId, @Nullable Long touchpointId, Priority priority, @Nullable Long ownerUserId,
		@Nullable Long alertRuleId, Instant at) {

}
