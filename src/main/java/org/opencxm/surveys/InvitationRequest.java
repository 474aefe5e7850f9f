package org.opencxm.surveys;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An invitation another module asks for, outside any trigger: which survey, to which
 * customer, and a reference of the asking module's own (at most 128 characters) that
 * comes back with the answer in {@link InvitationAnswered} and makes asking again
 * harmless. The contact rules it carries: the channels in order of preference (the first
 * the customer agreed to is used), the delay, how long the link stays valid, and quiet
 * hours in the unit's time zone. {@code unitId} places the invitation (scope, time zone);
 * {@code touchpointId} is left null when the answer must not count towards a touchpoint's
 * figures.
 */
public record InvitationRequest(String survey, long customerId, String reference, @Nullable Long unitId,
		@Nullable Long touchpointId, List<InvitationChannel> channels, Duration delay, int expiryHours,
		@Nullable LocalTime quietStart, @Nullable LocalTime quietEnd) {

	public InvitationRequest {
		channels = List.copyOf(channels);
	}

}
