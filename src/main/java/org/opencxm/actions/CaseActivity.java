package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a case's history: who ({@code actor}: a user name, {@code system} or
 * {@code rule:<code>}) did what, when; with the status change, the user it concerned
 * (assigned to, escalated to) and the note or detail where there is one.
 */
public record CaseActivity(long id, ActivityKind kind, String actor, Instant at, @Nullable CaseStatus fromStatus,
		@Nullable CaseStatus toStatus, @Nullable String targetUser, @Nullable String detail) {

}
