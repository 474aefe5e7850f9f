package org.opencxm.evaluation;

/**
 * How bad a negative experience is: the more the customer took part, the worse.
 */
public enum NegativeSeverity {

	/** The customer took little part. */
	MILD,
	/** Middling participation, or participation not asked. */
	MODERATE,
	/** The customer took part actively and fully. */
	SEVERE

}
