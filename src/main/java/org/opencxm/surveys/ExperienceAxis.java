package org.opencxm.surveys;

/**
 * The two axes of the five-level experience model: the stimulus intensity of what was
 * experienced and the customer's participation in it.
 */
public enum ExperienceAxis {

	INTENSITY, PARTICIPATION

}
