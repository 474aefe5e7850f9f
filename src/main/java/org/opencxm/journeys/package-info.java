/**
 * Customer journeys: ordered stages, lifecycle classes, and the touchpoints of each stage
 * down to the atomic level, with their contact type, channel, SEM modules, weight, owner
 * and standard actions.
 */
@NullMarked
package org.opencxm.journeys;

import org.jspecify.annotations.NullMarked;
