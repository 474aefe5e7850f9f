package org.opencxm.shared;

/**
 * Which page of a list to return: pages count from 0, at most 500 items a page.
 */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 500;

	public PageRequest {
		if (page < 0) {
			throw new InvalidInputException("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	public static PageRequest of(@org.jspecify.annotations.Nullable Integer page,
			@org.jspecify.annotations.Nullable Integer size) {
		return new PageRequest((page != null) ? page : 0, (size != null) ? size : 50);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
