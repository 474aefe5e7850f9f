package org.opencxm.actions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The SLA of one priority: minutes of business time until the first response and until
 * resolution.
 */
public record SlaPolicy(Priority priority, @Min(1) @Max(525600) int firstResponseMinutes,
		@Min(1) @Max(525600) int resolutionMinutes) {

}
