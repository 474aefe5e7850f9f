package org.opencxm.surveys;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.LocalizedText;

/**
 * A survey to create or change: its code and the content of its next version.
 */
public record SurveyRequest(@Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) @Nullable String code,
		@NotNull @Valid LocalizedText title, @Valid @Nullable LocalizedText intro,
		@Valid @Nullable LocalizedText thanks, @NotEmpty @Size(max = 100) List<@NotNull @Valid Question> questions) {

	public SurveyDefinition definition() {
		return new SurveyDefinition(this.title, this.intro, this.thanks, this.questions);
	}

}
