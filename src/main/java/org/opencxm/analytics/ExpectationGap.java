package org.opencxm.analytics;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;

/**
 * How far what customers perceived of one attribute fell short of or beat what they
 * expected: the mean of perceived minus expected over the answers to one
 * expectation/perception question, on the 1–7 scale's units (−6 to +6).
 *
 * @param survey the survey's code
 * @param question the question's code in the survey
 * @param attribute the attribute the question asks about, as the survey tags it
 * @param text the question as the survey's newest version asks it; null if the survey no
 * longer has the question
 * @param gap the mean gap with its n and t interval
 */
public record ExpectationGap(String survey, String question, String attribute, @Nullable LocalizedText text,
		Figure gap) {

}
