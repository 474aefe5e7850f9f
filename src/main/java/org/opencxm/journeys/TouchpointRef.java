package org.opencxm.journeys;

import org.jspecify.annotations.Nullable;

/**
 * What other modules need to know about a touchpoint when they record something that
 * happened at it: its ids, its stage's code and position, its owner unit and channel, and
 * whether it is still in use.
 */
public record TouchpointRef(long id, String code, long journeyId, long stageId, String stageCode, int stagePosition,
		@Nullable Long ownerUnitId, Channel channel, boolean active) {

}
