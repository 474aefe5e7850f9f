package org.opencxm.actions;

import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

/**
 * One opening window of a business day, local time of the unit, {@code to} exclusive.
 */
public record OpeningHours(@NotNull LocalTime from, @NotNull LocalTime to) {

}
