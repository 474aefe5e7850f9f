package org.opencxm.surveys;

/**
 * The kinds of question a survey may ask.
 */
public enum QuestionType {

	/** Net Promoter Score, 0 to 10. */
	NPS,
	/** Customer satisfaction, 1 to 5. */
	CSAT,
	/** Customer effort, 1 to 7 (7 = very easy). */
	CES,
	/** A rating on a scale the survey defines, with its own anchors. */
	RATING,
	/** Agreement 1 to 7 with a statement about one of the five SEM modules. */
	SEM,
	/**
	 * What the customer expected and what they perceived of one attribute, each 1 to 7.
	 */
	EXPECTATION_PERCEPTION,
	/** How strongly the experience touched the customer, 1 to 7 (the influence axis). */
	INTENSITY,
	/** How actively and fully the customer took part, 1 to 7. */
	PARTICIPATION,
	/** One option of a list. */
	SINGLE_CHOICE,
	/** Any number of options of a list. */
	MULTIPLE_CHOICE,
	/** Free text, at most 5,000 characters. */
	TEXT

}
