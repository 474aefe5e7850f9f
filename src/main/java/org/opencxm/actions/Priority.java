package org.opencxm.actions;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.ValueTier;

/**
 * How soon a case must be handled, P1 first. Derived from the severity and the customer's
 * value tier (区别管理: the more valuable the customer, the sooner): a VIP customer raises
 * the severity's priority by two steps, a HIGH-tier customer by one, never above P1.
 *
 * <pre>
 * severity \ tier   VIP  HIGH  MEDIUM  LOW / unknown
 * CRITICAL          P1   P1    P1      P1
 * HIGH              P1   P1    P2      P2
 * MEDIUM            P1   P2    P3      P3
 * LOW               P2   P3    P4      P4
 * </pre>
 */
public enum Priority {

	P1, P2, P3, P4;

	public static Priority of(Severity severity, @Nullable ValueTier tier) {
		int base = switch (severity) {
			case CRITICAL -> 0;
			case HIGH -> 1;
			case MEDIUM -> 2;
			case LOW -> 3;
		};
		int raise = (tier == null) ? 0 : switch (tier) {
			case VIP -> 2;
			case HIGH -> 1;
			case MEDIUM, LOW -> 0;
		};
		return values()[Math.max(0, base - raise)];
	}

}
