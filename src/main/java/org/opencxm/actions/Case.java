package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A case as the API shows it. Users are shown by user name, units and touchpoints by
 * code, the customer by external id. {@code version} goes back in {@code If-Match} (or a
 * {@code version} field) to guard a change against a concurrent one.
 */
public record Case(long id, @Nullable String externalRef, @Nullable String customer, CaseSource source,
		@Nullable String touchpoint, String unit, @Nullable String owner, Severity severity, Priority priority,
		CaseStatus status, String title, @Nullable String description, @Nullable Integer npsScore,
		@Nullable String alertRule, @Nullable String openedBy, Instant openedAt, Instant firstResponseDue,
		Instant resolutionDue, @Nullable Instant firstRespondedAt, @Nullable Instant resolvedAt,
		@Nullable Instant closedAt, boolean firstResponseBreached, boolean resolutionBreached, int escalationLevel,
		@Nullable String escalatedTo, @Nullable Instant escalatedAt, @Nullable Resolution resolution, long version) {

}
