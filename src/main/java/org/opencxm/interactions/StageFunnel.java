package org.opencxm.interactions;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How far the customers who entered a journey in a period got, stage by stage in journey
 * order.
 *
 * @param stages one entry per stage asked for, in the order asked
 */
public record StageFunnel(List<Stage> stages) {

	public StageFunnel {
		stages = List.copyOf(stages);
	}

	/**
	 * One stage of the funnel.
	 *
	 * @param stageId the stage
	 * @param reached customers of the cohort who reached this stage or a later one
	 * @param recorded customers of the cohort with a recorded contact at this stage
	 * @param timed customers with a first contact at the previous stage and a first
	 * contact at this one no earlier: the pairs behind the median
	 * @param medianSecondsFromPrevious the median time from the first contact at the
	 * previous stage to the first contact at this one; null for the first stage or
	 * without pairs
	 */
	public record Stage(long stageId, long reached, long recorded, long timed,
			@Nullable Double medianSecondsFromPrevious) {

	}

}
