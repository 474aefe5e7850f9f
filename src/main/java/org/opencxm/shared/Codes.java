package org.opencxm.shared;

/**
 * The form of the human-readable codes that identify org units, staff, journeys and
 * touchpoints in the API: letters, digits and {@code . _ -}, starting with a letter or
 * digit.
 */
public final class Codes {

	public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

	public static final String MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

	private Codes() {
	}

}
