package org.opencxm.console;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.BrandExperienceLevel;
import org.opencxm.journeys.Channel;
import org.opencxm.journeys.ContactType;
import org.opencxm.journeys.StandardAction;
import org.opencxm.journeys.Touchpoint;
import org.opencxm.journeys.TouchpointRequest;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SemModule;

/**
 * The touchpoint form: where it sits (stage, parent), what it is (names, contact type,
 * channel, brand experience level, SEM modules), how much it weighs, who owns it, and its
 * checklist of standard actions, one row each.
 */
record TouchpointForm(@Nullable String code, @Nullable String stageCode, @Nullable String parentCode,
		@Nullable String nameZh, @Nullable String nameEn, @Nullable String descriptionZh,
		@Nullable String descriptionEn, @Nullable ContactType contactType, @Nullable Channel channel,
		@Nullable Set<SemModule> semModules, @Nullable BrandExperienceLevel brandExperienceLevel,
		@Nullable Double weight, @Nullable String ownerUnitCode, @Nullable Boolean active,
		List<ActionRow> standardActions) {

	TouchpointForm {
		standardActions = (standardActions != null) ? List.copyOf(standardActions) : List.of();
	}

	/** A standard action; its description, if it has one, is kept as it is. */
	record ActionRow(@Nullable String code, @Nullable String nameZh, @Nullable String nameEn,
			@Nullable String descriptionZh, @Nullable String descriptionEn) {

		static final ActionRow EMPTY = new ActionRow(null, null, null, null, null);

		static ActionRow of(StandardAction action) {
			LocalizedText description = action.description();
			return new ActionRow(action.code(), action.name().zh(), action.name().en(),
					(description != null) ? description.zh() : null, (description != null) ? description.en() : null);
		}

		StandardAction action() {
			return new StandardAction(this.code, DesignText.of(this.nameZh, this.nameEn),
					DesignText.optional(this.descriptionZh, this.descriptionEn));
		}

	}

	static TouchpointForm empty(@Nullable String stageCode, @Nullable String parentCode) {
		return new TouchpointForm(null, stageCode, parentCode, null, null, null, null, ContactType.PERSONNEL,
				Channel.STORE, Set.of(), BrandExperienceLevel.SERVICE, 1.0, null, true, List.of());
	}

	static TouchpointForm of(Touchpoint touchpoint) {
		LocalizedText description = touchpoint.description();
		return new TouchpointForm(touchpoint.code(), touchpoint.stageCode(), touchpoint.parentCode(),
				touchpoint.name().zh(), touchpoint.name().en(), (description != null) ? description.zh() : null,
				(description != null) ? description.en() : null, touchpoint.contactType(), touchpoint.channel(),
				Set.copyOf(touchpoint.semModules()), touchpoint.brandExperienceLevel(), touchpoint.weight(),
				touchpoint.ownerUnitCode(), touchpoint.active(),
				touchpoint.standardActions().stream().map(ActionRow::of).toList());
	}

	/** The form after an editing step of its standard actions (see {@link RowOps}). */
	TouchpointForm apply(String op) {
		return new TouchpointForm(this.code, this.stageCode, this.parentCode, this.nameZh, this.nameEn,
				this.descriptionZh, this.descriptionEn, this.contactType, this.channel, this.semModules,
				this.brandExperienceLevel, this.weight, this.ownerUnitCode, this.active,
				RowOps.apply(this.standardActions, op, ActionRow.EMPTY));
	}

	/**
	 * The request for the touchpoints service. Missing values are sent as missing: the
	 * module's constraints say which are required. Only a change sends the active flag: a
	 * new touchpoint is active.
	 */
	TouchpointRequest request(@Nullable String code, String journeyCode, boolean change) {
		return new TouchpointRequest(code, journeyCode, this.stageCode, this.parentCode, null,
				DesignText.of(this.nameZh, this.nameEn), DesignText.optional(this.descriptionZh, this.descriptionEn),
				this.contactType, this.channel, (this.semModules != null) ? this.semModules : Set.of(),
				this.brandExperienceLevel, this.weight, this.ownerUnitCode,
				this.standardActions.stream().map(ActionRow::action).toList(),
				change ? Boolean.TRUE.equals(this.active) : null);
	}

}
