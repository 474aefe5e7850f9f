package org.opencxm.actions;

import java.util.Set;

/**
 * Where a case stands. A case moves NEW → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → CLOSED;
 * a resolved or closed case can be REOPENED, and goes back to IN_PROGRESS from there.
 */
public enum CaseStatus {

	NEW, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED;

	/** The statuses of a case someone still has to work on. */
	public static final Set<CaseStatus> OPEN = Set.of(NEW, ACKNOWLEDGED, IN_PROGRESS, REOPENED);

	public boolean open() {
		return OPEN.contains(this);
	}

}
