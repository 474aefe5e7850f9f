package org.opencxm.interactions;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;

/**
 * A recorded contact as the API shows it.
 */
public record Interaction(long id, String eventId, String customer, String touchpoint, String stage,
		@Nullable String unit, @Nullable String staff, Channel channel, Instant occurredAt, Instant recordedAt,
		Map<String, Object> properties) {

}
