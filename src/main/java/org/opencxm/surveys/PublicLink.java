package org.opencxm.surveys;

import org.jspecify.annotations.Nullable;

/**
 * The anonymous link of a touchpoint or a store: anyone with it (a QR code on the
 * counter) may answer the survey, and the response carries the touchpoint and the store.
 */
public record PublicLink(long id, String code, String survey, @Nullable String touchpoint, @Nullable String unit,
		boolean active, String url) {

}
