package org.opencxm.analytics;

/**
 * Where a driver sits in the importance × performance grid: importance above or below the
 * drivers' mean importance, performance above or below their mean performance.
 */
public enum Quadrant {

	/** Important and weak: fix first. */
	FIX_FIRST,
	/** Important and strong: keep up the good work. */
	KEEP_UP,
	/** Less important and weak: low priority. */
	LOW_PRIORITY,
	/** Less important and strong: possible overkill. */
	POSSIBLE_OVERKILL;

	static Quadrant of(boolean important, boolean weak) {
		if (important) {
			return weak ? FIX_FIRST : KEEP_UP;
		}
		return weak ? LOW_PRIORITY : POSSIBLE_OVERKILL;
	}

}
