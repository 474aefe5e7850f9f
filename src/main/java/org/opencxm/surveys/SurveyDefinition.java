package org.opencxm.surveys;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;

/**
 * What one version of a survey says: its title, an optional introduction and thank-you
 * text, and its questions in order.
 */
public record SurveyDefinition(@NotNull @Valid LocalizedText title, @Valid @Nullable LocalizedText intro,
		@Valid @Nullable LocalizedText thanks, @NotEmpty @Size(max = 100) List<@NotNull @Valid Question> questions) {

	public SurveyDefinition {
		questions = List.copyOf(questions);
	}

	public Optional<Question> question(String code) {
		return this.questions.stream().filter((q) -> q.code().equals(code)).findFirst();
	}

}
