package org.opencxm.surveys;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;
import org.opencxm.shared.LanguageTag;

/**
 * An invitation to answer a survey: who, about which contact, through which channel, when
 * it is due, and what became of it. {@code reason} explains a suppression (the contact
 * rule) or why it still waits; {@code delivery} is the last delivery attempt's outcome;
 * {@code reference} is the asking module's own for an invitation made outside triggers.
 */
public record Invitation(long id, long surveyId, @Nullable Long triggerId, long customerId,
		@Nullable Long interactionId, @Nullable Long touchpointId, @Nullable Long stageId, @Nullable Long unitId,
		@Nullable Long staffId, @Nullable Channel contactChannel, @Nullable InvitationChannel channel,
		LanguageTag language, InvitationStatus status, @Nullable String reason, Instant dueAt, int expiryHours,
		@Nullable Instant expiresAt, @Nullable Instant sentAt, @Nullable Instant answeredAt, int attempts,
		@Nullable String delivery, Instant createdAt, @Nullable String reference) {

}
