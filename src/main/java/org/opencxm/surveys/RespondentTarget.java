package org.opencxm.surveys;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.LocalizedText;

/**
 * What a respondent link leads to: the survey version to answer, the response key and
 * links the answer will carry, the language the customer prefers (if known), the values
 * piped into texts, and whether the link can still be answered.
 */
record RespondentTarget(State state, @Nullable SurveyVersion version, String key, ResponseSource source,
		ResponseWriter.Links links, @Nullable LanguageTag preferred, @Nullable String customerName,
		@Nullable LocalizedText touchpointName, @Nullable LocalizedText unitName, String path) {

	enum State {

		OPEN, USED, EXPIRED, UNKNOWN

	}

	static RespondentTarget unavailable(State state, @Nullable LanguageTag preferred) {
		return new RespondentTarget(state, null, "", ResponseSource.PUBLIC_LINK,
				new ResponseWriter.Links(null, null, null, null, null, null, null, null, null), preferred, null, null,
				null, "");
	}

}
