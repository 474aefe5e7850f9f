package org.opencxm.shared;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ids read together, most often those one batch wrote and so nearly consecutive. Over
 * such ids the condition is a range ({@code id between ? and ?}), which the database
 * answers with one walk along the index, where a long {@code in} list makes H2 compare
 * every row with every listed value; rows of the range that are not wanted are dropped
 * with {@link #contains}. Scattered ids get the {@code in} list.
 */
public final class IdBatch {

	private final Set<Long> ids;

	private final long min;

	private final long max;

	private IdBatch(Set<Long> ids) {
		this.ids = ids;
		this.min = ids.isEmpty() ? 0 : Collections.min(ids);
		this.max = ids.isEmpty() ? -1 : Collections.max(ids);
	}

	public static IdBatch of(Collection<Long> ids) {
		return new IdBatch(Set.copyOf(new TreeSet<>(ids)));
	}

	public boolean isEmpty() {
		return this.ids.isEmpty();
	}

	/** The condition on the column, with positional parameters ({@link #args()}). */
	public String condition(String column) {
		if (dense()) {
			return column + " between ? and ?";
		}
		return column + " in (" + String.join(", ", Collections.nCopies(this.ids.size(), "?")) + ")";
	}

	public Object[] args() {
		return dense() ? new Object[] { this.min, this.max } : List.copyOf(this.ids).toArray();
	}

	public boolean contains(long id) {
		return this.ids.contains(id);
	}

	private boolean dense() {
		return this.max - this.min < 2L * this.ids.size() + 64;
	}

}
