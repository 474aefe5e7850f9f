package org.opencxm.actions;

import java.util.Collection;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which cases to list; every part is optional. {@code unitIds} is a unit with its
 * subtree.
 */
record CaseFilter(@Nullable Set<CaseStatus> statuses, @Nullable Collection<Long> unitIds, @Nullable Long ownerUserId,
		@Nullable Long customerId, @Nullable Long touchpointId, @Nullable Priority priority,
		@Nullable Boolean escalated) {

}
