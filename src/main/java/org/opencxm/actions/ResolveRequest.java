package org.opencxm.actions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Resolving a case: the root cause (a code of the taxonomy), a summary, the recovery
 * given, and optionally the version the client saw.
 */
public record ResolveRequest(@NotBlank @Size(max = 64) String rootCause, @Nullable @Size(max = 4000) String summary,
		@NotNull @Valid Recovery recovery, @Nullable Long version) {

}
