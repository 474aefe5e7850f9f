package org.opencxm.actions;

/**
 * What an alert rule watches: each single response as it is recorded (a condition tree),
 * or an aggregate that drops against the previous period (a {@link DropCondition}).
 */
public enum AlertKind {

	RESPONSE, DROP

}
