package org.opencxm.shared;

import java.util.List;

/**
 * Input that is well-formed but not acceptable (a value out of range, a reference to
 * nothing): answered with 422 and the list of violations. Nothing has been changed when
 * it is thrown.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidInputException(List<FieldViolation> violations) {
		super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).reason());
		this.violations = List.copyOf(violations);
	}

	public InvalidInputException(String field, String reason) {
		this(List.of(FieldViolation.of(field, reason)));
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

}
