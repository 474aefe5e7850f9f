package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery log: an event posted (or to be posted) to one subscription.
 * {@code status} is PENDING (waiting for its first or next attempt), DELIVERED or FAILED
 * (gave up after the last retry; can be replayed).
 */
public record WebhookDelivery(long id, long subscriptionId, String event, String eventId, @Nullable Long caseId,
		String status, int attempts, @Nullable Instant nextAttemptAt, @Nullable Integer lastStatusCode,
		@Nullable String lastError, @Nullable Long replayOf, Instant createdAt, @Nullable Instant deliveredAt) {

}
