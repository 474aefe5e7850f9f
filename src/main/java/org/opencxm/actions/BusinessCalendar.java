package org.opencxm.actions;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business hours SLAs are counted in: opening windows per day of week in a time zone,
 * minus holidays. {@link #always} counts every minute (a unit nobody gave a calendar).
 */
record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> hours, Set<LocalDate> holidays,
		boolean always) {

	/** Far enough to cover any SLA, short enough to stop on a calendar with no hours. */
	private static final int MAX_DAYS = 3 * 366;

	BusinessCalendar {
		Map<DayOfWeek, List<OpeningHours>> sorted = new EnumMap<>(DayOfWeek.class);
		hours.forEach((day, windows) -> sorted.put(day,
				windows.stream().sorted(Comparator.comparing(OpeningHours::from)).toList()));
		hours = sorted;
		holidays = Set.copyOf(holidays);
	}

	static BusinessCalendar always(ZoneId zone) {
		return new BusinessCalendar(zone, Map.of(), Set.of(), true);
	}

	static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> hours, Set<LocalDate> holidays) {
		return new BusinessCalendar(zone, hours, holidays, false);
	}

	/**
	 * The instant when {@code amount} of business time has passed after {@code start}.
	 */
	Instant plus(Instant start, Duration amount) {
		if (this.always || amount.isZero() || amount.isNegative()) {
			return start.plus(amount.isNegative() ? Duration.ZERO : amount);
		}
		Duration remaining = amount;
		ZonedDateTime cursor = start.atZone(this.zone);
		LocalDate date = cursor.toLocalDate();
		for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
			if (this.holidays.contains(date)) {
				continue;
			}
			for (OpeningHours window : this.hours.getOrDefault(date.getDayOfWeek(), List.of())) {
				ZonedDateTime opens = date.atTime(window.from()).atZone(this.zone);
				ZonedDateTime closes = date.atTime(window.to()).atZone(this.zone);
				if (!closes.isAfter(cursor)) {
					continue;
				}
				ZonedDateTime from = opens.isAfter(cursor) ? opens : cursor;
				Duration available = Duration.between(from, closes);
				if (remaining.compareTo(available) <= 0) {
					return from.plus(remaining).toInstant();
				}
				remaining = remaining.minus(available);
				cursor = closes;
			}
		}
		throw new IllegalStateException("the calendar has no business hours within " + MAX_DAYS + " days");
	}

}
