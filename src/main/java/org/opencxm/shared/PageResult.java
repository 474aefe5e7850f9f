package org.opencxm.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in a stable order, with the total count of matches.
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total);
	}

}
