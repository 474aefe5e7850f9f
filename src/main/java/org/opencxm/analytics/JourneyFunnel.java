package org.opencxm.analytics;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;

/**
 * How far the customers who entered a journey in a period got.
 *
 * @param customers the cohort: customers whose first contact on the journey falls in the
 * period
 */
public record JourneyFunnel(String journey, LocalDate from, LocalDate to, long customers, List<Step> stages) {

	public JourneyFunnel {
		stages = List.copyOf(stages);
	}

	/**
	 * One stage.
	 *
	 * @param reached customers who reached this stage or a later one
	 * @param conversion {@code reached} as a share of the cohort, with its Wilson
	 * interval
	 * @param recorded customers with a recorded contact at this stage
	 * @param timed customers behind the median: first contacts at the previous stage and
	 * at this one, in that order
	 * @param medianDaysFromPrevious median days from the first contact at the previous
	 * stage to the first at this one
	 * @param dropOff the share of {@code reached} that got no further; null at the last
	 * stage
	 */
	public record Step(String stage, LocalizedText name, long reached, Figure conversion, long recorded, long timed,
			@Nullable Double medianDaysFromPrevious, @Nullable Figure dropOff) {

	}

}
