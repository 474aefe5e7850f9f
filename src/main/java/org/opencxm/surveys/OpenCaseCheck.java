package org.opencxm.surveys;

/**
 * Whether a customer has an open case. No survey goes to a customer while one is open:
 * asking how we did while their complaint is still being handled only adds insult. The
 * module that keeps cases implements it; until one does, nobody has an open case.
 */
public interface OpenCaseCheck {

	boolean hasOpenCase(long customerId);

}
