package org.opencxm.shared;

/**
 * What was asked for does not exist, or the caller may not know that it exists: answered
 * with 404 either way, so that a scoped user cannot probe other units.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object key) {
		super(what + " " + key + " not found");
	}

}
