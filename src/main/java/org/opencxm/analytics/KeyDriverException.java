package org.opencxm.analytics;

/**
 * The data cannot carry a key-driver analysis: too few responses, a driver or the outcome
 * that does not vary, or drivers that (nearly) explain one another.
 */
public class KeyDriverException extends RuntimeException {

	public KeyDriverException(String message) {
		super(message);
	}

}
