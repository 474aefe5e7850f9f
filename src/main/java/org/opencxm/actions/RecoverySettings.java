package org.opencxm.actions;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.surveys.InvitationChannel;

/**
 * How the workspace follows up a resolved case: whether it does, with which survey
 * (default: one made from the {@code case-recovery} template), through which channels in
 * order of preference, how many minutes after the resolution, how long the link stays
 * valid, and the quiet hours (HH:mm, in the case unit's time zone) when nobody is
 * contacted.
 */
public record RecoverySettings(boolean enabled, String survey, List<InvitationChannel> channels, int delayMinutes,
		int expiryHours, @Nullable String quietStart, @Nullable String quietEnd) {

	/** The survey a workspace uses until it names another. */
	public static final String DEFAULT_SURVEY = "case-recovery";

	static final RecoverySettings DEFAULTS = new RecoverySettings(true, DEFAULT_SURVEY,
			List.of(InvitationChannel.EMAIL, InvitationChannel.SMS, InvitationChannel.WECHAT), 1440, 168, "21:00",
			"09:00");

	public RecoverySettings {
		channels = List.copyOf(channels);
	}

}
