package org.opencxm.customers;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;

/**
 * A customer profile as the API shows it: attributes by name, and the current consent of
 * every channel that has one (a channel missing here was never asked, which counts as not
 * granted).
 */
public record Customer(long id, String externalId, @Nullable String name, @Nullable String phone,
		@Nullable String email, LanguageTag language, @Nullable Integer birthYear, AgeBand ageBand,
		@Nullable String lifecycleClass, @Nullable ValueTier valueTier, @Nullable String homeUnitCode,
		Map<String, AttributeValue> attributes, Map<ConsentChannel, Consent> consents, Instant createdAt,
		Instant updatedAt) {

}
