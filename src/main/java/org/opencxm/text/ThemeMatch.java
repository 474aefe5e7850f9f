package org.opencxm.text;

/**
 * A theme found in a comment, with the clause that matched it.
 *
 * @param themeId the theme's id
 * @param clauseIndex the index of the matching clause in
 * {@link CommentAnalysis#clauses()}
 * @param via how the clause matched
 * @param score 1 for a keyword, the n-gram similarity (0 to 1) for an example sentence
 * @param evidence the keyword or the example sentence that matched
 */
public record ThemeMatch(String themeId, int clauseIndex, Via via, double score, String evidence) {

	/**
	 * How a clause matched a theme.
	 */
	public enum Via {

		/** The clause contains one of the theme's keywords. */
		KEYWORD,

		/** The clause is close to one of the theme's example sentences. */
		SIMILARITY

	}

}
