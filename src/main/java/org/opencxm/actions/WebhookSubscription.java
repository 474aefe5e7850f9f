package org.opencxm.actions;

import java.time.Instant;
import java.util.Set;

/**
 * Where to post case events. The secret that signs them is never shown again.
 */
public record WebhookSubscription(long id, String name, String url, Set<CaseEventType> events, boolean active,
		Instant createdAt) {

}
