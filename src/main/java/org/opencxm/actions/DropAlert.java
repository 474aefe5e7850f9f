package org.opencxm.actions;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A significant drop a rule found: the slice (a unit or a touchpoint, by code), the
 * period from its first to its last day, the metric's value then and in the period
 * before, the change (negative: a drop), the test's p-value, the responses behind each
 * value, and how many people were told.
 */
public record DropAlert(String rule, String metric, DropCondition.Slice slice, String code, LocalDate periodStart,
		LocalDate periodEnd, double value, double previousValue, double difference, double pValue, long responses,
		long previousResponses, int notified, Instant detectedAt, @Nullable String unit) {

}
