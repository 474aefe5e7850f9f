package org.opencxm.actions;

import org.jspecify.annotations.Nullable;

/**
 * How a case was resolved: the root cause (a code of the taxonomy), a summary and the
 * recovery given.
 */
public record Resolution(String rootCause, @Nullable String summary, Recovery recovery) {

}
