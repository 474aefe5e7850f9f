package org.opencxm.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff codes of every unit by role, looked up once from the catalogue: customers ask
 * for them tens of thousands of times.
 */
final class Roster {

	private final Map<String, List<String>> codes = new HashMap<>();

	Roster(DemoCatalog catalog) {
		for (DemoCatalog.Unit unit : catalog.allUnits()) {
			for (DemoCatalog.StaffRole role : catalog.staffing(unit)) {
				this.codes.put(key(unit.code(), role.role()), catalog.staffOf(unit.code(), role.role()));
			}
		}
	}

	/**
	 * The staff codes of a unit in one role, e.g. the sales consultants of a project.
	 */
	List<String> of(String unitCode, String role) {
		List<String> staff = this.codes.get(key(unitCode, role));
		if (staff == null) {
			throw new IllegalStateException("demo unit " + unitCode + " has no " + role);
		}
		return staff;
	}

	private static String key(String unitCode, String role) {
		return unitCode + "/" + role;
	}

}
