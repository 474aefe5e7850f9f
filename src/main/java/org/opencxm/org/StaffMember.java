package org.opencxm.org;

import org.jspecify.annotations.Nullable;

/**
 * A member of staff at an org unit: the people whose contacts with customers are recorded
 * and whose scores roll up to their unit. {@code manager} marks the unit's manager.
 */
public record StaffMember(long id, String code, String unitCode, String name, @Nullable String title,
		@Nullable String email, @Nullable String phone, boolean manager, boolean active) {

}
