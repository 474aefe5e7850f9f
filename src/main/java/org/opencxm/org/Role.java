package org.opencxm.org;

/**
 * What a user may do. Each role includes the ones after it: an admin can do all a CX
 * manager can, a CX manager all a unit manager can, and so on down to the read-only
 * viewer.
 */
public enum Role {

	ADMIN, CX_MANAGER, UNIT_MANAGER, AGENT, VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}

	static String hierarchy() {
		return "ROLE_ADMIN > ROLE_CX_MANAGER\nROLE_CX_MANAGER > ROLE_UNIT_MANAGER\n"
				+ "ROLE_UNIT_MANAGER > ROLE_AGENT\nROLE_AGENT > ROLE_VIEWER";
	}

	public boolean includes(Role other) {
		return ordinal() <= other.ordinal();
	}

}
