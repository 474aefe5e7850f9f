package org.opencxm.actions;

/**
 * The case events a webhook can subscribe to; the payload's {@code type} is
 * {@code case.opened}, {@code case.assigned} and so on.
 */
public enum CaseEventType {

	OPENED, ASSIGNED, ESCALATED, RESOLVED, CLOSED, REOPENED;

	public String type() {
		return "case." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
