package org.opencxm.surveys;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customer;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.Touchpoint;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.shared.LocalizedText;

import org.springframework.stereotype.Component;

/**
 * Resolves the links of the respondent pages: a personal invitation token or a public
 * link code, and a response key.
 */
@Component
class RespondentTargets {

	private final InvitationStore invitations;

	private final ResponseStore responses;

	private final PublicLinks publicLinks;

	private final Surveys surveys;

	private final Customers customers;

	private final Touchpoints touchpoints;

	private final OrgUnits units;

	private final Clock clock;

	RespondentTargets(InvitationStore invitations, ResponseStore responses, PublicLinks publicLinks, Surveys surveys,
			Customers customers, Touchpoints touchpoints, OrgUnits units, Clock clock) {
		this.invitations = invitations;
		this.responses = responses;
		this.publicLinks = publicLinks;
		this.surveys = surveys;
		this.customers = customers;
		this.touchpoints = touchpoints;
		this.units = units;
		this.clock = clock;
	}

	RespondentTarget invitation(String token) {
		if (!Tokens.wellFormed(token)) {
			return RespondentTarget.unavailable(RespondentTarget.State.UNKNOWN, null);
		}
		Invitation invitation = this.invitations.byTokenHash(Tokens.hash(token)).orElse(null);
		if (invitation == null) {
			return RespondentTarget.unavailable(RespondentTarget.State.UNKNOWN, null);
		}
		String key = "inv:" + invitation.id();
		if (invitation.status() == InvitationStatus.ANSWERED
				|| this.responses.byKey(key).map((r) -> r.status() == ResponseStatus.COMPLETE).orElse(false)) {
			// The survey stays known so that the thank-you page can show its own words.
			return new RespondentTarget(RespondentTarget.State.USED,
					this.surveys.currentById(invitation.surveyId()).orElse(null), key, ResponseSource.INVITATION,
					RespondentTarget.unavailable(RespondentTarget.State.USED, null).links(), invitation.language(),
					null, null, null, "/s/" + token);
		}
		if (invitation.status() != InvitationStatus.SENT
				|| (invitation.expiresAt() != null && !this.clock.instant().isBefore(invitation.expiresAt()))) {
			return RespondentTarget.unavailable(RespondentTarget.State.EXPIRED, invitation.language());
		}
		SurveyVersion version = this.surveys.currentById(invitation.surveyId())
			.filter((v) -> v.status() == SurveyStatus.PUBLISHED)
			.orElse(null);
		if (version == null) {
			return RespondentTarget.unavailable(RespondentTarget.State.UNKNOWN, invitation.language());
		}
		ResponseWriter.Links links = new ResponseWriter.Links(invitation.customerId(), invitation.id(), null,
				invitation.interactionId(), invitation.touchpointId(), invitation.stageId(), invitation.unitId(),
				invitation.staffId(), invitation.contactChannel());
		return new RespondentTarget(RespondentTarget.State.OPEN, version, key, ResponseSource.INVITATION, links,
				invitation.language(), customerName(invitation.customerId()), touchpointName(invitation.touchpointId()),
				unitName(invitation.unitId()), "/s/" + token);
	}

	RespondentTarget publicLink(String code, String responseKey) {
		PublicLinks.Stored link = this.publicLinks.stored(code).filter((l) -> l.link().active()).orElse(null);
		if (link == null) {
			return RespondentTarget.unavailable(RespondentTarget.State.UNKNOWN, null);
		}
		SurveyVersion version = this.surveys.currentById(link.surveyId())
			.filter((v) -> v.status() == SurveyStatus.PUBLISHED)
			.orElse(null);
		if (version == null) {
			return RespondentTarget.unavailable(RespondentTarget.State.UNKNOWN, null);
		}
		String key = "pub:" + responseKey;
		if (this.responses.byKey(key).map((r) -> r.status() == ResponseStatus.COMPLETE).orElse(false)) {
			return RespondentTarget.unavailable(RespondentTarget.State.USED, null);
		}
		Long stageId = (link.touchpointId() != null)
				? this.touchpoints.ref(link.touchpointId()).map(TouchpointRef::stageId).orElse(null) : null;
		var channel = (link.touchpointId() != null)
				? this.touchpoints.ref(link.touchpointId()).map(TouchpointRef::channel).orElse(null) : null;
		ResponseWriter.Links links = new ResponseWriter.Links(null, null, link.link().id(), null, link.touchpointId(),
				stageId, link.unitId(), null, channel);
		return new RespondentTarget(RespondentTarget.State.OPEN, version, key, ResponseSource.PUBLIC_LINK, links, null,
				null, touchpointName(link.touchpointId()), unitName(link.unitId()), "/p/" + code);
	}

	private @Nullable String customerName(long customerId) {
		return this.customers.ref(customerId)
			.flatMap((ref) -> this.customers.find(ref.externalId()))
			.map(Customer::name)
			.orElse(null);
	}

	private @Nullable LocalizedText touchpointName(@Nullable Long touchpointId) {
		if (touchpointId == null) {
			return null;
		}
		return this.touchpoints.ref(touchpointId)
			.flatMap((ref) -> this.touchpoints.find(ref.code()))
			.map(Touchpoint::name)
			.orElse(null);
	}

	private @Nullable LocalizedText unitName(@Nullable Long unitId) {
		if (unitId == null) {
			return null;
		}
		return this.units.findById(unitId).map(OrgUnit::name).orElse(null);
	}

}
