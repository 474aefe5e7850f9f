package org.opencxm.actions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What was done to win the customer back (service recovery): an apology, an explanation,
 * the fix made, and any compensation.
 */
public record Recovery(boolean apology, boolean explanation, @Nullable @Size(max = 1000) String fix,
		@Nullable @Valid Compensation compensation) {

	/** Reads a recovery in which the flags left out are false. */
	@JsonCreator
	static Recovery of(@JsonProperty("apology") @Nullable Boolean apology,
			@JsonProperty("explanation") @Nullable Boolean explanation, @JsonProperty("fix") @Nullable String fix,
			@JsonProperty("compensation") @Nullable Compensation compensation) {
		return new Recovery(Boolean.TRUE.equals(apology), Boolean.TRUE.equals(explanation), fix, compensation);
	}

	boolean empty() {
		return !this.apology && !this.explanation && (this.fix == null || this.fix.isBlank())
				&& this.compensation == null;
	}

}
