package org.opencxm.surveys;

/**
 * One stored version of a survey, as the response path and the respondent page read it.
 */
record SurveyVersion(long surveyId, String surveyCode, SurveyStatus status, long versionId, int version,
		SurveyDefinition definition) {

}
