package org.opencxm.actions;

import org.jspecify.annotations.Nullable;

/**
 * A rule that a response matched, the case it opened (if its action opens one and the
 * case could be placed in a unit), and whether this evaluation was the first for this
 * rule and response ({@code false}: matched before, nothing done again).
 */
public record AlertMatch(String rule, @Nullable Long caseId, boolean firstTime) {

}
