package org.opencxm.evaluation;

/**
 * What an experience level's comparison with the customer's expectation rests on, in the
 * order they are tried.
 */
public enum ExpectationBasis {

	/** The mean of the perceived-minus-expected gaps of the survey's gap items. */
	GAP_ITEMS,
	/** The overall satisfaction (CSAT) answer against its scale. */
	SATISFACTION,
	/** The NPS class of the likelihood-to-recommend answer. */
	LIKELIHOOD_TO_RECOMMEND

}
