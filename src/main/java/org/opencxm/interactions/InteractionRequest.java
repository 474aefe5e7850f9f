package org.opencxm.interactions;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;

/**
 * A contact to record: which customer (by external id; an unknown one is created as a
 * bare profile), at which touchpoint, when, and optionally through which channel, at
 * which unit and with which staff member. The client's {@code eventId} makes a retry
 * harmless.
 */
public record InteractionRequest(
		@NotBlank @Size(max = 128) @Pattern(regexp = "^[\\x21-\\x7E]+$",
				message = "must be 1 to 128 visible ASCII characters") String eventId,
		@NotBlank @Size(max = 128) String customer, @NotBlank @Size(max = 64) String touchpoint,
		@Nullable Channel channel, @Nullable @Size(max = 64) String unit, @Nullable @Size(max = 64) String staff,
		@NotNull Instant occurredAt,
		@Nullable @Size(max = 50, message = "must have at most 50 entries") Map<String, Object> properties) {

}
