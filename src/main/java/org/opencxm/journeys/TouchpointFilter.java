package org.opencxm.journeys;

import org.jspecify.annotations.Nullable;

/**
 * Which touchpoints to list: those of a journey, of one of its stages (a stage code needs
 * its journey's), the children of a touchpoint, active or inactive ones. Absent parts do
 * not filter.
 */
public record TouchpointFilter(@Nullable String journeyCode, @Nullable String stageCode, @Nullable String parentCode,
		@Nullable Boolean active) {

	public static final TouchpointFilter ALL = new TouchpointFilter(null, null, null, null);

}
