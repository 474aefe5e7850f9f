package org.opencxm.surveys;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;

/**
 * A trigger to create: send {@code survey} when a contact is recorded at
 * {@code touchpoint}, or at any touchpoint of {@code stage} of {@code journey}, after
 * {@code delayMinutes}, through the first of {@code channels} the customer consented to.
 * Contact rules: at most one invitation per customer in {@code quarantineDays} (across
 * all surveys; 0 for none), a share {@code samplingRate} of contacts asked (chosen by a
 * hash of customer and trigger, so the same customer is always in or out), no sending
 * between {@code quietStart} and {@code quietEnd} in the org unit's local time (HH:mm;
 * the invitation waits), and the link expires {@code expiryHours} after sending.
 */
public record TriggerRequest(@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@NotNull String survey, @Nullable String touchpoint, @Nullable String journey, @Nullable String stage,
		@Min(0) @Max(43200) @Nullable Integer delayMinutes, @NotEmpty List<@NotNull InvitationChannel> channels,
		@Min(0) @Max(365) @Nullable Integer quarantineDays,
		@DecimalMin("0.0") @DecimalMax("1.0") @Nullable Double samplingRate,
		@Pattern(regexp = TriggerRequest.TIME, message = "must be a time of day HH:mm") @Nullable String quietStart,
		@Pattern(regexp = TriggerRequest.TIME, message = "must be a time of day HH:mm") @Nullable String quietEnd,
		@Min(1) @Max(8760) @Nullable Integer expiryHours, @Nullable Boolean active) {

	static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

	public TriggerRequest {
		channels = List.copyOf(channels);
	}

	int delay() {
		return (this.delayMinutes != null) ? this.delayMinutes : 60;
	}

	int quarantine() {
		return (this.quarantineDays != null) ? this.quarantineDays : 30;
	}

	double sampling() {
		return (this.samplingRate != null) ? this.samplingRate : 1.0;
	}

	int expiry() {
		return (this.expiryHours != null) ? this.expiryHours : 168;
	}

}
