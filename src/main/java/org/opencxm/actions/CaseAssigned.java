package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A case got an owner: by routing when it was opened, or reassigned by a manager
 * ({@code byUserId} null for routing).
 */
public record CaseAssigned(long caseId, long unitId, long ownerUserId, @Nullable Long previousOwnerUserId,
		@Nullable Long byUserId, Instant at) {

}
