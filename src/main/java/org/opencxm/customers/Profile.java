package org.opencxm.customers;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;

/**
 * A customer's checked and tidied profile fields, as stored: two profiles are equal
 * exactly when writing one over the other would change nothing.
 */
record Profile(String externalId, @Nullable String name, @Nullable String phone, @Nullable String email,
		LanguageTag language, @Nullable Integer birthYear, @Nullable String lifecycleClass,
		@Nullable ValueTier valueTier, @Nullable Long homeUnitId, Map<String, AttributeValue> attributes) {

	Profile {
		attributes = Map.copyOf(attributes);
	}

	static Profile bare(String externalId, @Nullable Long homeUnitId) {
		return new Profile(externalId, null, null, null, LanguageTag.ZH_CN, null, null, null, homeUnitId, Map.of());
	}

	@Nullable String phoneNorm() {
		return (this.phone != null) ? normalPhone(this.phone) : null;
	}

	@Nullable String emailNorm() {
		return (this.email != null) ? normalEmail(this.email) : null;
	}

	/**
	 * The form phone numbers are compared in: digits only, so that a '+' sent unencoded
	 * in a URL (where it reads as a space) still matches.
	 */
	static String normalPhone(String phone) {
		return phone.replaceAll("[^0-9]", "");
	}

	static String normalEmail(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
