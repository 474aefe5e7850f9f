package org.opencxm.text;

import java.time.Instant;
import java.util.List;

import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.SemModule;

/**
 * The stored analysis of one open answer, with the answer as the customer wrote it. Text
 * is data: it is returned exactly as received, never escaped or interpreted, so a page
 * must escape it when it renders it.
 *
 * @param text the answer as written
 * @param themes the codes of the workspace themes found
 * @param clauses the clauses with their offsets into {@code text}, each marked by
 * sentiment, factors, SEM modules and themes
 */
public record AnalysedComment(long responseId, String questionCode, String text, Language language, double score,
		SentimentLabel label, double intensity, List<ExperienceFactor> factors, List<SemModule> semModules,
		List<String> themes, List<String> keyPhrases, List<MarkedClause> clauses, Instant analysedAt) {

	public AnalysedComment {
		factors = List.copyOf(factors);
		semModules = List.copyOf(semModules);
		themes = List.copyOf(themes);
		keyPhrases = List.copyOf(keyPhrases);
		clauses = List.copyOf(clauses);
	}

	/**
	 * One clause: characters {@code [start, end)} of the comment.
	 */
	public record MarkedClause(int start, int end, String text, double score, SentimentLabel label, double intensity,
			List<ExperienceFactor> factors, List<SemModule> semModules, List<ThemeMark> themes) {

		public MarkedClause {
			factors = List.copyOf(factors);
			semModules = List.copyOf(semModules);
			themes = List.copyOf(themes);
		}

	}

	/**
	 * A theme a clause matched, how, and the keyword or example sentence that matched.
	 */
	public record ThemeMark(String code, ThemeMatch.Via via, double score, String evidence) {

	}

}
