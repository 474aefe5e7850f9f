package org.opencxm.shared;

import org.jspecify.annotations.Nullable;

/**
 * The request clashes with what is stored (a duplicate key with other data, a stale
 * version): answered with 409, with the current state where there is one.
 */
public class ConflictException extends RuntimeException {

	private final @Nullable Object current;

	public ConflictException(String message) {
		this(message, null);
	}

	public ConflictException(String message, @Nullable Object current) {
		super(message);
		this.current = current;
	}

	public @Nullable Object current() {
		return this.current;
	}

}
