package org.opencxm.actions;

/**
 * How bad the problem behind a case is, as the person or rule that opened it judged it.
 */
public enum Severity {

	CRITICAL, HIGH, MEDIUM, LOW

}
