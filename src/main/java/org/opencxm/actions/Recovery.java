package org.opencxm.actions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What was done to win the customer back (service recovery): an apology, an explanation,
 * the fix made, and any compensation.
 */
public record Recovery(boolean apology, boolean explanation, @Nullable @Size(max = 1000) String fix,
		@Nullable @Valid Compensation compensation) {

	boolean empty() {
		return !this.apology && !this.explanation && (this.fix == null || this.fix.isBlank())
				&& this.compensation == null;
	}

}
