package org.opencxm.journeys;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SemModule;

/**
 * A touchpoint as the API shows it. {@code normalizedWeight} is its weight divided by the
 * sum of the weights of its active siblings (the touchpoints with the same parent, or the
 * top-level touchpoints of the same stage), so siblings' shares add up to 1; an inactive
 * touchpoint's share is 0. {@code atomic} is true when it has no child touchpoints.
 */
public record Touchpoint(long id, String code, String journeyCode, String stageCode, @Nullable String parentCode,
		int position, LocalizedText name, @Nullable LocalizedText description, ContactType contactType, Channel channel,
		List<SemModule> semModules, BrandExperienceLevel brandExperienceLevel, double weight, double normalizedWeight,
		@Nullable String ownerUnitCode, List<StandardAction> standardActions, boolean atomic, boolean active) {

	public Touchpoint {
		semModules = List.copyOf(semModules);
		standardActions = List.copyOf(standardActions);
	}

	Touchpoint withStandardActions(List<StandardAction> actions) {
		return new Touchpoint(this.id, this.code, this.journeyCode, this.stageCode, this.parentCode, this.position,
				this.name, this.description, this.contactType, this.channel, this.semModules, this.brandExperienceLevel,
				this.weight, this.normalizedWeight, this.ownerUnitCode, actions, this.atomic, this.active);
	}

}
