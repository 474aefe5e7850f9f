package org.opencxm.org;

import java.util.Collection;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The org units a caller may see: every unit, or the ids of one subtree. Queries of other
 * modules filter by it so that scope is enforced in the database, not only in the UI.
 */
public record VisibleUnits(boolean all, Set<Long> ids) {

	public static final VisibleUnits ALL = new VisibleUnits(true, Set.of());

	public VisibleUnits {
		ids = Set.copyOf(ids);
	}

	public static VisibleUnits only(Collection<Long> ids) {
		return new VisibleUnits(false, Set.copyOf(ids));
	}

	public boolean contains(@Nullable Long unitId) {
		return this.all || (unitId != null && this.ids.contains(unitId));
	}

}
