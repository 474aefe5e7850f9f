package org.opencxm.interactions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;

/**
 * A contact was added to the archive (published once per new interaction, never for a
 * retry).
 */
public record InteractionRecorded(long interactionId, long customerId, long touchpointId, long stageId, long journeyId,
		@Nullable Long unitId, @Nullable Long staffId, Channel channel, Instant occurredAt) {

}
