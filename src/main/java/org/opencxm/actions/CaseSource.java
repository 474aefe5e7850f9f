package org.opencxm.actions;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * What a case came from: the type and, for a response or an interaction, its id.
 */
public record CaseSource(@NotNull SourceType type, @Nullable Long id) {

}
