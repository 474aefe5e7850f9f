package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.opencxm.surveys.InvitationChannel;
import org.opencxm.surveys.Trigger;
import org.opencxm.surveys.TriggerRequest;

/**
 * The trigger form: when to send which survey, and its contact rules. The channels are
 * three selects in order of preference. Empty number fields take the module's defaults.
 */
record TriggerForm(@Nullable String code, @Nullable String survey, @Nullable String touchpoint,
		@Nullable String journey, @Nullable String stage, @Nullable Integer delayMinutes,
		@Nullable InvitationChannel channel1, @Nullable InvitationChannel channel2,
		@Nullable InvitationChannel channel3, @Nullable Integer quarantineDays, @Nullable Double samplingRate,
		@Nullable String quietStart, @Nullable String quietEnd, @Nullable Integer expiryHours,
		@Nullable Boolean active) {

	private static final Pattern CHANNEL = Pattern.compile("^channels(?:\\[(\\d)].*)?$");

	static TriggerForm empty(@Nullable String survey) {
		return new TriggerForm(null, survey, null, null, null, 60, InvitationChannel.WECHAT, InvitationChannel.SMS,
				InvitationChannel.EMAIL, 30, 1.0, null, null, 168, true);
	}

	static TriggerForm of(Trigger trigger) {
		List<InvitationChannel> channels = trigger.channels();
		return new TriggerForm(trigger.code(), trigger.survey(), trigger.touchpoint(), trigger.journey(),
				trigger.stage(), trigger.delayMinutes(), channel(channels, 0), channel(channels, 1),
				channel(channels, 2), trigger.quarantineDays(), trigger.samplingRate(), trigger.quietStart(),
				trigger.quietEnd(), trigger.expiryHours(), trigger.active());
	}

	@SuppressWarnings("NullAway") // a missing value is passed on for the module's
									// validation to name
	TriggerRequest request() {
		List<InvitationChannel> channels = new ArrayList<>();
		for (InvitationChannel channel : new InvitationChannel[] { this.channel1, this.channel2, this.channel3 }) {
			if (channel != null) {
				channels.add(channel);
			}
		}
		return new TriggerRequest(this.code, this.survey, this.touchpoint, (this.stage != null) ? this.journey : null,
				this.stage, this.delayMinutes, channels, this.quarantineDays, this.samplingRate, this.quietStart,
				this.quietEnd, this.expiryHours, Boolean.TRUE.equals(this.active));
	}

	/** Where a problem with a field of the request is shown on this form. */
	static String field(String path) {
		Matcher channel = CHANNEL.matcher(path);
		if (channel.matches()) {
			return "channel" + ((channel.group(1) != null) ? Integer.parseInt(channel.group(1)) + 1 : 1);
		}
		return path;
	}

	private static @Nullable InvitationChannel channel(List<InvitationChannel> channels, int index) {
		return (index < channels.size()) ? channels.get(index) : null;
	}

}
