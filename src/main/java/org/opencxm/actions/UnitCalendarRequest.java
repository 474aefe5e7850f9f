package org.opencxm.actions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A unit's business hours by day of week (days left out are closed) and its holidays.
 */
public record UnitCalendarRequest(
		@NotNull Map<DayOfWeek, @NotNull @Size(max = 6) List<@NotNull @Valid OpeningHours>> hours,
		@Nullable @Size(max = 400) List<@NotNull LocalDate> holidays) {

}
