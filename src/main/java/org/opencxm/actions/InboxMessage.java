package org.opencxm.actions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message in a user's in-app inbox, written in the user's language. {@code email} says
 * whether a copy goes by e-mail: NONE, PENDING, SENT or FAILED.
 */
public record InboxMessage(long id, @Nullable Long caseId, String kind, String subject, String body, Instant createdAt,
		@Nullable Instant readAt, String email) {

}
