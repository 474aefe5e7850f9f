package org.opencxm.customers;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A consent to record: granted or withdrawn, how it was given, and when (now if left
 * out).
 */
public record ConsentRequest(@NotNull Boolean granted, @NotBlank @Size(max = 100) String source, @Nullable Instant at) {

}
