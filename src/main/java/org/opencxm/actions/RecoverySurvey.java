package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.opencxm.surveys.InvitationStatus;

/**
 * The recovery survey of one resolution of a case: the case's version at resolution, the
 * survey, when it was asked for, and what became of its invitation (null while none could
 * be made, e.g. the survey is not published). {@code reason} says why an invitation was
 * suppressed or still waits.
 */
public record RecoverySurvey(long caseId, long caseVersion, String survey, Instant requestedAt,
		@Nullable Long invitationId, @Nullable InvitationStatus status, @Nullable String channel,
		@Nullable String reason, @Nullable Instant dueAt, @Nullable Instant sentAt, @Nullable Instant answeredAt) {

}
