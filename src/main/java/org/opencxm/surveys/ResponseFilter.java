package org.opencxm.surveys;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which responses to list or export: of a survey, at a touchpoint, at an org unit and the
 * units below it, submitted in [from, to); complete ones unless a status is given.
 */
public record ResponseFilter(@Nullable String survey, @Nullable String touchpoint, @Nullable String unit,
		@Nullable Instant from, @Nullable Instant to, @Nullable ResponseStatus status) {

}
