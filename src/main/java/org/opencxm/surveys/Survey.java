package org.opencxm.surveys;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;

/**
 * A survey as the API shows it: its current version (the latest) and what that version
 * says. {@code template} names the template it was made from, if any.
 */
public record Survey(long id, String code, SurveyStatus status, int version, long versionId, LocalizedText title,
		@Nullable LocalizedText intro, @Nullable LocalizedText thanks, List<Question> questions,
		@Nullable String template, Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt) {

	public Survey {
		questions = List.copyOf(questions);
	}

	public SurveyDefinition definition() {
		return new SurveyDefinition(this.title, this.intro, this.thanks, this.questions);
	}

}
