package org.opencxm.analytics;

/**
 * How one org unit's metric moved: its figure over a period with the previous period of
 * the same length and the test of the difference ({@link Figure#previous()},
 * {@link Figure#comparison()}).
 */
public record UnitChange(String unit, Figure figure) {

}
