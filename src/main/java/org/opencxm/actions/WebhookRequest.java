package org.opencxm.actions;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A webhook subscription: an http(s) URL, the secret that signs each body with
 * HMAC-SHA256, and the events to post.
 */
public record WebhookRequest(@NotBlank @Size(max = 100) String name,
		@NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$",
				message = "must be an http or https URL") String url,
		@NotBlank @Size(min = 16, max = 200) String secret, @NotEmpty Set<CaseEventType> events,
		@Nullable Boolean active) {

}
