package org.opencxm.actions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The business calendar that applies to a unit: its own, or the nearest ancestor's
 * ({@code inheritedFrom}), or none at all ({@code alwaysOpen}: SLAs count every minute).
 * Hours are local time in the unit's own time zone.
 */
public record UnitCalendar(String unit, String timeZone, @Nullable String inheritedFrom, boolean alwaysOpen,
		Map<DayOfWeek, List<OpeningHours>> hours, List<LocalDate> holidays) {

}
