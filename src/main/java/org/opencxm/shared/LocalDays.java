package org.opencxm.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Local days, as responses and contacts are counted on (each in its org unit's time
 * zone).
 */
public final class LocalDays {

	private LocalDays() {
	}

	/**
	 * The last day of a period that ends today when the caller names no end: the newest
	 * local day anywhere (UTC+18), so that it takes in today's responses of every unit,
	 * whichever its time zone.
	 */
	public static LocalDate newest(Clock clock) {
		return LocalDate.now(clock.withZone(ZoneOffset.MAX));
	}

}
