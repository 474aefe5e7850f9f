package org.opencxm.text;

import org.opencxm.shared.SemModule;
import org.opencxm.shared.ExperienceFactor;

import java.util.List;

/**
 * One clause of a comment: the stretch between clause punctuation or contrast words.
 *
 * @param text the clause as written (a substring of the original comment, never escaped)
 * @param start offset of the first character in the original comment
 * @param end offset after the last character in the original comment
 * @param score sentiment in [-1, 1]
 * @param label the score in words
 * @param intensity how strongly the clause feels, either way, in [0, 1]
 * @param factors the experience factors the clause speaks to, in declaration order
 * @param semModules the SEM modules the clause speaks to, in declaration order
 * @param themeIds ids of the workspace themes the clause matched
 */
public record ClauseAnalysis(String text, int start, int end, double score, SentimentLabel label, double intensity,
		List<ExperienceFactor> factors, List<SemModule> semModules, List<String> themeIds) {

	public ClauseAnalysis {
		factors = List.copyOf(factors);
		semModules = List.copyOf(semModules);
		themeIds = List.copyOf(themeIds);
	}

}
