package org.opencxm.actions;

import org.jspecify.annotations.Nullable;

/**
 * Who does something to a case: a user, the system (SLA checks, follow-ups) or a rule.
 */
record Actor(@Nullable Long userId, String name) {

	static final Actor SYSTEM = new Actor(null, "system");

	static Actor rule(String code) {
		return new Actor(null, "rule:" + code);
	}

}
