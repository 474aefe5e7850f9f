package org.opencxm.org;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;

/**
 * An org unit as the API shows it. {@code level} is 0 for a root (the company).
 */
public record OrgUnit(long id, String code, @Nullable String parentCode, OrgUnitKind kind, LocalizedText name,
		String timeZone, int level) {

}
