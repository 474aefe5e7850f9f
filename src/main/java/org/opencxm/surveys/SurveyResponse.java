package org.opencxm.surveys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;
import org.opencxm.shared.LanguageTag;

/**
 * A stored response: the survey version it answered, what it is linked to (customer,
 * invitation, public link, interaction, touchpoint and its stage, org unit, staff member,
 * the contact's channel), when it was submitted (null while partial), the language it was
 * answered in, and its answers in the survey's order.
 */
public record SurveyResponse(long id, long surveyId, String surveyCode, long surveyVersionId, int version,
		ResponseStatus status, ResponseSource source, @Nullable Long customerId, @Nullable Long invitationId,
		@Nullable Long publicLinkId, @Nullable Long interactionId, @Nullable Long touchpointId, @Nullable Long stageId,
		@Nullable Long unitId, @Nullable Long staffId, @Nullable Channel channel, LanguageTag language,
		@Nullable Instant submittedAt, List<Answer> answers) {

	public SurveyResponse {
		answers = List.copyOf(answers);
	}

	public Optional<Answer> answer(String questionCode) {
		return this.answers.stream().filter((a) -> a.questionCode().equals(questionCode)).findFirst();
	}

}
