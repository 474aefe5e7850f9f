package org.opencxm.surveys;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A trigger as the API shows it (see {@link TriggerRequest} for what each setting means).
 */
public record Trigger(long id, String code, String survey, @Nullable String touchpoint, @Nullable String journey,
		@Nullable String stage, int delayMinutes, List<InvitationChannel> channels, int quarantineDays,
		double samplingRate, @Nullable String quietStart, @Nullable String quietEnd, int expiryHours, boolean active) {

	public Trigger {
		channels = List.copyOf(channels);
	}

}
