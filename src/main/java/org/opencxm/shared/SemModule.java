package org.opencxm.shared;

/**
 * Schmitt's five strategic experiential modules: every touchpoint and programme is
 * designed, and measured, on them.
 */
public enum SemModule {

	/** Sight, sound, touch, taste, smell (感官). */
	SENSE,
	/** Moods and emotions (情感). */
	FEEL,
	/** Surprise, curiosity, problem solving (思考). */
	THINK,
	/** Physical experience, lifestyle, interaction (行动). */
	ACT,
	/** Relation to others and to a wider group (关联). */
	RELATE

}
