package org.opencxm.console;

import org.opencxm.org.Role;

/**
 * The top-level navigation of the console, in display order. A page of a section passes
 * the section's name to the layout so its link is marked as the current one. Add a
 * section here when its first page exists, with the least role that may open it.
 */
enum Section {

	OVERVIEW("/", "nav.overview", Role.VIEWER),

	JOURNEYS("/journeys", "nav.journeys", Role.VIEWER),

	KEY_EXPERIENCES("/key-experiences", "nav.keyExperiences", Role.VIEWER),

	UNITS("/units", "nav.units", Role.VIEWER),

	CASES("/cases", "nav.cases", Role.VIEWER),

	CUSTOMERS("/customers", "nav.customers", Role.VIEWER),

	DESIGN("/design/surveys", "nav.design", Role.CX_MANAGER),

	ADMIN("/admin/units", "nav.admin", Role.ADMIN);

	private final String path;

	private final String messageKey;

	private final Role role;

	Section(String path, String messageKey, Role role) {
		this.path = path;
		this.messageKey = messageKey;
		this.role = role;
	}

	public String path() {
		return this.path;
	}

	public String messageKey() {
		return this.messageKey;
	}

	Role role() {
		return this.role;
	}

}
