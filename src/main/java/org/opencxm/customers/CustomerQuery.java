package org.opencxm.customers;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to look for in a customer search; every criterion given must match.
 *
 * @param text part of the name, phone number or e-mail address (any letter case)
 * @param phone the whole phone number (spaces and dashes do not matter)
 * @param email the whole e-mail address (letter case does not matter)
 * @param unitCode customers homed in this unit or a unit below it
 * @param consent customers who currently consent to this channel
 * @param attributes attributes with exactly these values
 */
public record CustomerQuery(@Nullable String text, @Nullable String phone, @Nullable String email,
		@Nullable String lifecycleClass, @Nullable ValueTier valueTier, @Nullable String unitCode,
		@Nullable ConsentChannel consent, List<AttributeFilter> attributes) {

	public CustomerQuery {
		attributes = List.copyOf(attributes);
	}

	public static CustomerQuery all() {
		return new CustomerQuery(null, null, null, null, null, null, null, List.of());
	}

	/**
	 * An attribute that must have the given value. The value is written as in a URL:
	 * {@code 12}, {@code 120.5}, {@code true}, {@code 2026-05-01} or any text; it matches
	 * a stored value of any type that reads the same.
	 */
	public record AttributeFilter(String name, String value) {

	}

}
