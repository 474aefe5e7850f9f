package org.opencxm.analytics;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.surveys.InvitationCounts;

/**
 * A dimension metrics can be split and filtered by, with its API code and its column in
 * the daily aggregates.
 */
enum Dimension {

	TOUCHPOINT("touchpoint", "touchpoint_id"), STAGE("stage", "stage_id"), UNIT("unit", "unit_id"),
	CHANNEL("channel", "channel"), LIFECYCLE_CLASS("lifecycle-class", "lifecycle_class"),
	VALUE_TIER("value-tier", "value_tier"), AGE_BAND("age-band", "age_band"), SURVEY("survey", "survey_id");

	final String code;

	final String column;

	Dimension(String code, String column) {
		this.code = code;
		this.column = column;
	}

	static Optional<Dimension> of(String code) {
		return Arrays.stream(values()).filter((d) -> d.code.equals(code)).findFirst();
	}

	boolean numeric() {
		return this.column.endsWith("_id");
	}

	/** The same dimension of invitations, for the response rate; null if they lack it. */
	InvitationCounts.@Nullable Dimension invitations() {
		return switch (this) {
			case SURVEY -> InvitationCounts.Dimension.SURVEY;
			case TOUCHPOINT -> InvitationCounts.Dimension.TOUCHPOINT;
			case STAGE -> InvitationCounts.Dimension.STAGE;
			case UNIT -> InvitationCounts.Dimension.UNIT;
			default -> null;
		};
	}

	/** Whether the per-question table, which keeps fewer dimensions, has it. */
	boolean inRatings() {
		return this == TOUCHPOINT || this == UNIT || this == SURVEY;
	}

}
