package org.opencxm.actions;

import org.jspecify.annotations.Nullable;

/**
 * The closed loop's figures for one group of cases (a unit, an owner, a touchpoint or a
 * period). Rates are 0–1 and null when nothing counts towards them yet.
 * <ul>
 * <li>loop-closure rate: resolved or closed cases / opened cases;</li>
 * <li>time to first response and to resolve: mean hours from opening, over the cases that
 * got there;</li>
 * <li>SLA compliance: cases that met both targets / cases whose SLA outcome is known
 * (resolved, or a target missed);</li>
 * <li>recovery rate: cases whose latest follow-up says resolved with satisfaction 4–5 (or
 * not asked) / cases followed up.</li>
 * </ul>
 */
public record LoopFigures(String group, long opened, long closedLoop, @Nullable Double loopClosureRate, long responded,
		@Nullable Double meanHoursToFirstResponse, long resolved, @Nullable Double meanHoursToResolve, long slaDecided,
		long slaMet, @Nullable Double slaCompliance, long escalated, long followedUp, long recovered,
		@Nullable Double recoveryRate) {

}
