package org.opencxm.customers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A consent given or withdrawn on one channel: when it took effect ({@code at}), how it
 * was given ({@code source}, e.g. "web form", "store", "import"), and who recorded it
 * when.
 */
public record Consent(ConsentChannel channel, boolean granted, Instant at, String source, @Nullable String recordedBy,
		Instant recordedAt) {

}
