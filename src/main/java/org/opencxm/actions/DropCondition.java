package org.opencxm.actions;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.FieldViolation;

/**
 * The condition of a drop rule: the {@code metric} of each unit or touchpoint
 * ({@code slice}) over the last complete {@code period} fell by at least {@code minDrop}
 * (NPS points, or points on the metric's scale) against the period before, both periods
 * have at least {@code minResponses} responses, and the drop is significant: the
 * analytics module's test of the two periods gives a two-sided p-value below
 * {@code alpha}.
 */
public record DropCondition(@NotNull String metric, @NotNull Slice slice, @NotNull Period period,
		@NotNull @Positive @Max(200) Double minDrop,
		@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.2") Double alpha,
		@Nullable @Min(2) @Max(100000) Integer minResponses) {

	/** The metrics a drop rule can watch, by the analytics module's codes. */
	static final Set<String> METRICS = Set.of("nps", "csat", "ces", "sem.sense", "sem.feel", "sem.think", "sem.act",
			"sem.relate");

	static final double DEFAULT_ALPHA = 0.05;

	static final int DEFAULT_MIN_RESPONSES = 30;

	/** What a figure is watched for: each org unit, or each touchpoint. */
	public enum Slice {

		UNIT, TOUCHPOINT

	}

	/** The periods compared: calendar weeks (Monday to Sunday) or calendar months. */
	public enum Period {

		WEEK, MONTH

	}

	/** The condition with its defaults filled in. */
	DropCondition complete() {
		return new DropCondition(this.metric, this.slice, this.period, this.minDrop,
				(this.alpha != null) ? this.alpha : DEFAULT_ALPHA,
				(this.minResponses != null) ? this.minResponses : DEFAULT_MIN_RESPONSES);
	}

	double effectiveAlpha() {
		return (this.alpha != null) ? this.alpha : DEFAULT_ALPHA;
	}

	int effectiveMinResponses() {
		return (this.minResponses != null) ? this.minResponses : DEFAULT_MIN_RESPONSES;
	}

	/**
	 * What is wrong with a drop rule beyond its fields' own checks: an unknown metric,
	 * limits the analytics query cannot honour, or an action that does not fit.
	 */
	static List<FieldViolation> check(@Nullable DropCondition drop, AlertLimits limits, AlertAction action) {
		List<FieldViolation> violations = new java.util.ArrayList<>();
		if (drop == null) {
			violations.add(FieldViolation.of("drop", "is required for a DROP rule"));
			return violations;
		}
		if (!METRICS.contains(drop.metric())) {
			violations.add(FieldViolation.of("drop.metric", "must be one of " + METRICS.stream().sorted().toList()));
		}
		if (!limits.stages().isEmpty()) {
			violations.add(FieldViolation.of("limits.stages", "a DROP rule cannot be limited to stages"));
		}
		if (!limits.segments().isEmpty()) {
			violations.add(FieldViolation.of("limits.segments", "a DROP rule cannot be limited to segments"));
		}
		if (drop.slice() == Slice.UNIT && limits.touchpoints().size() > 1) {
			violations.add(FieldViolation.of("limits.touchpoints", "a DROP rule by unit takes at most one touchpoint"));
		}
		if (drop.slice() == Slice.TOUCHPOINT && limits.units().size() > 1) {
			violations.add(FieldViolation.of("limits.units", "a DROP rule by touchpoint takes at most one unit"));
		}
		if (action.openCase()) {
			violations.add(FieldViolation.of("action.openCase", "a DROP rule notifies people; it opens no case"));
		}
		if (action.notifyUsers().isEmpty() && !action.notifyUnitManager() && !action.notifyCxManagers()) {
			violations.add(FieldViolation.of("action", "must notify someone"));
		}
		return violations;
	}

}
