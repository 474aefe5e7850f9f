package org.opencxm.surveys;

/**
 * A partial response was saved on the respondent page and may still change; a complete
 * one was submitted and is final.
 */
public enum ResponseStatus {

	PARTIAL, COMPLETE

}
