package org.opencxm.text;

import org.jspecify.annotations.Nullable;

/**
 * What reads a comment: the lexicon engine ({@link TextAnalyzer}, the default) or, when
 * the application is built with the {@code embeddings} Maven profile and run with
 * {@code opencxm.text.engine=embedding}, the engine that adds sentence embeddings to it.
 * Implementations are immutable and thread-safe, and never throw on any text.
 */
public interface CommentEngine {

	/**
	 * Analyses a comment and tags it with the matching workspace themes.
	 * @param text the comment; {@code null} reads as empty
	 * @param themes the workspace's themes
	 * @return the analysis
	 */
	CommentAnalysis analyze(@Nullable String text, ThemeCatalog themes);

}
