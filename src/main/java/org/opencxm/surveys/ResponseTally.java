package org.opencxm.surveys;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How many complete responses a survey has, and when the latest was submitted.
 */
public record ResponseTally(long count, @Nullable Instant latest) {

	public static final ResponseTally NONE = new ResponseTally(0, null);

}
