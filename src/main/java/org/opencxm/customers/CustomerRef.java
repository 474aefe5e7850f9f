package org.opencxm.customers;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;

/**
 * The few facts about a customer that other modules key their records by or break their
 * numbers down by.
 */
public record CustomerRef(long id, String externalId, @Nullable Long homeUnitId, @Nullable String lifecycleClass,
		@Nullable ValueTier valueTier, @Nullable Integer birthYear, LanguageTag language) {

}
