package org.opencxm.surveys;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;

/**
 * A complete response was stored (once per response, never for a partial one or a retry).
 * Published through the event publication registry, so listeners get it even if the
 * application stops right after the commit; read the answers with
 * {@link Responses#get(long)}.
 */
public record ResponseRecorded(long responseId, long surveyId, long surveyVersionId, @Nullable Long customerId,
		@Nullable Long touchpointId, @Nullable Long stageId, @Nullable Long unitId, @Nullable Long staffId,
		@Nullable Channel channel, @Nullable Long interactionId, @Nullable Long invitationId, Instant submittedAt) {

}
