package org.opencxm.actions;

/**
 * What a case was opened from: a survey response (by a rule or a person), a recorded
 * interaction such as a complaint call, or nothing recorded in OpenCXM.
 */
public enum SourceType {

	RESPONSE, INTERACTION, MANUAL

}
