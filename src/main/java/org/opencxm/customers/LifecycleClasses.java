package org.opencxm.customers;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Journeys;

import org.springframework.stereotype.Component;

/**
 * Decides which lifecycle class codes a customer may carry: those that some journey
 * defines (for real estate: prospect, contracted, run-in, stable).
 */
@Component
class LifecycleClasses {

	private final Journeys journeys;

	LifecycleClasses(Journeys journeys) {
		this.journeys = journeys;
	}

	/**
	 * Why the code is not acceptable, or {@code null} if it is.
	 */
	@Nullable String problem(String code) {
		return this.journeys.lifecycleClassCodes().contains(code) ? null
				: "is not a lifecycle class of any journey (define it on a journey first)";
	}

}
