/**
 * The closed loop: alert rules, cases with routing, SLAs and escalation, resolution with
 * root cause and recovery, follow-up, notifications and loop metrics.
 */
@NullMarked
package org.opencxm.actions;

import org.jspecify.annotations.NullMarked;
