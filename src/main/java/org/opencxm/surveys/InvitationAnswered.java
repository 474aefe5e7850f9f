package org.opencxm.surveys;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A personal invitation was answered with a complete response. {@code reference} is the
 * one the invitation was asked for with ({@link InvitationRequest}), null for invitations
 * of triggers. Published with {@link ResponseRecorded}, through the event publication
 * registry.
 */
public record InvitationAnswered(long invitationId, @Nullable String reference, long responseId, long surveyId,
		@Nullable Long customerId, Instant answeredAt) {

}
