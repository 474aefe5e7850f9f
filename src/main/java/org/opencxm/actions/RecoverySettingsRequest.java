package org.opencxm.actions;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.surveys.InvitationChannel;

/**
 * What a CX manager sends to change the recovery survey settings; what is left out keeps
 * its default (see {@link RecoverySettings}).
 */
public record RecoverySettingsRequest(@Nullable Boolean enabled,
		@Nullable @Size(min = 1, max = 64) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String survey,
		@Nullable @Size(min = 1, max = 3) List<@NotNull InvitationChannel> channels,
		@Nullable @Min(0) @Max(43200) Integer delayMinutes, @Nullable @Min(1) @Max(720) Integer expiryHours,
		@Nullable @Pattern(regexp = TIME, message = "must be HH:mm") String quietStart,
		@Nullable @Pattern(regexp = TIME, message = "must be HH:mm") String quietEnd) {

	static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

}
