package org.opencxm.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The request clashes with what is stored (a duplicate key with other data, a stale
 * version, a record others still use): answered with 409, with the current state where
 * there is one and what clashes as field violations where that helps.
 */
public class ConflictException extends RuntimeException {

	private final @Nullable Object current;

	private final List<FieldViolation> violations;

	public ConflictException(String message) {
		this(message, null);
	}

	public ConflictException(String message, @Nullable Object current) {
		this(message, current, List.of());
	}

	public ConflictException(String message, @Nullable Object current, List<FieldViolation> violations) {
		super(message);
		this.current = current;
		this.violations = List.copyOf(violations);
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

	public @Nullable Object current() {
		return this.current;
	}

}
