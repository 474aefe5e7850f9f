package org.opencxm.actions;

/**
 * The kinds of entries in a case's history.
 */
public enum ActivityKind {

	OPENED, ASSIGNED, ACKNOWLEDGED, STARTED, NOTE, UPDATED, ESCALATED, RESOLVED, CLOSED, REOPENED, FOLLOW_UP

}
