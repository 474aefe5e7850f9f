package org.opencxm.customers;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;

/**
 * A customer profile as a client sends it to create or replace one. Every field but the
 * external id may be left out; on a replace, what is left out is cleared, except
 * consents: only the channels given are recorded, the others keep their history.
 */
public record CustomerRequest(
		@Nullable @Pattern(regexp = CustomerRequest.EXTERNAL_ID,
				message = CustomerRequest.EXTERNAL_ID_MESSAGE) String externalId,
		@Nullable @Size(max = 200) String name, @Nullable @Size(max = 40) String phone,
		@Nullable @Size(max = 320) String email, @Nullable LanguageTag language, @Nullable Integer birthYear,
		@Nullable Map<String, @Nullable AttributeValue> attributes, @Nullable String lifecycleClass,
		@Nullable ValueTier valueTier, @Nullable String homeUnitCode,
		@Nullable Map<ConsentChannel, @Valid ConsentRequest> consents) {

	/**
	 * External ids come from other systems: letters, digits and {@code . _ - : @}, up to
	 * 128.
	 */
	public static final String EXTERNAL_ID = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$";

	public static final String EXTERNAL_ID_MESSAGE = "must be 1 to 128 letters, digits, '.', '_', '-', ':' or '@', starting with a letter or digit";

	/** A request that carries only the external id (the other fields empty). */
	public static CustomerRequest bare(String externalId) {
		return new CustomerRequest(externalId, null, null, null, null, null, null, null, null, null, null);
	}

}
