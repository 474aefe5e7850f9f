package org.opencxm.surveys;

/**
 * A draft is edited in place and takes no answers; a published survey takes answers, and
 * every change to it adds a version.
 */
public enum SurveyStatus {

	DRAFT, PUBLISHED

}
