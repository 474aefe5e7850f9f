package org.opencxm.actions;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which cases to list: by status, unit (with its subtree), owner (a user name, or only
 * the caller's own with {@code mine}), customer, touchpoint, priority, escalated or not.
 */
public record CaseQuery(@Nullable Set<CaseStatus> statuses, @Nullable String unit, @Nullable String owner, boolean mine,
		@Nullable String customer, @Nullable String touchpoint, @Nullable Priority priority,
		@Nullable Boolean escalated) {

}
