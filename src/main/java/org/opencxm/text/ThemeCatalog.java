package org.opencxm.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A workspace's themes, prepared once for matching many comments.
 * <p>
 * Build a catalog when the themes change and pass it with each comment; it is immutable
 * and safe to share between threads.
 */
public final class ThemeCatalog {

	/**
	 * Least n-gram similarity (Dice coefficient) between a clause and a fragment of an
	 * example sentence for the clause to match the theme; "配送太慢了" and "送餐太慢了" score 0.5.
	 */
	public static final double SIMILARITY_THRESHOLD = 0.4;

	/** Clauses with fewer n-grams are too short to compare reliably. */
	private static final int MIN_GRAMS = 3;

	private static final ThemeCatalog EMPTY = new ThemeCatalog(List.of());

	private final List<Theme> themes;

	private final KeywordIndex<Integer> keywords;

	private final List<List<Example>> examples;

	private ThemeCatalog(List<Theme> themes) {
		this.themes = List.copyOf(themes);
		Map<String, List<Integer>> keywords = new HashMap<>();
		List<List<Example>> examples = new ArrayList<>(themes.size());
		for (int t = 0; t < this.themes.size(); t++) {
			Theme theme = this.themes.get(t);
			for (String keyword : theme.keywords()) {
				String normalized = NormalizedText.of(keyword).analysis().strip();
				if (!normalized.isEmpty()) {
					List<Integer> ids = keywords.computeIfAbsent(normalized, (key) -> new ArrayList<>());
					if (!ids.contains(t)) {
						ids.add(t);
					}
				}
			}
			List<Example> fragments = new ArrayList<>();
			for (String example : theme.examples()) {
				String analysis = NormalizedText.of(example).analysis();
				for (ClauseSplitter.Span span : ClauseSplitter.split(analysis, List.of())) {
					Ngrams grams = Ngrams.of(analysis, span.start(), span.end());
					if (grams.size() >= MIN_GRAMS) {
						fragments.add(new Example(example, grams));
					}
				}
			}
			examples.add(List.copyOf(fragments));
		}
		this.keywords = KeywordIndex.of(keywords);
		this.examples = List.copyOf(examples);
	}

	/**
	 * A catalog of the given themes.
	 * @param themes the workspace's themes
	 * @return the catalog
	 */
	public static ThemeCatalog of(Collection<Theme> themes) {
		return themes.isEmpty() ? EMPTY : new ThemeCatalog(List.copyOf(themes));
	}

	/**
	 * A catalog without themes.
	 * @return the empty catalog
	 */
	public static ThemeCatalog empty() {
		return EMPTY;
	}

	/**
	 * The themes, in the order given.
	 * @return the themes
	 */
	public List<Theme> themes() {
		return this.themes;
	}

	/**
	 * Finds the themes in the clauses of a comment. Every clause that holds a keyword
	 * matches; a theme no keyword found is matched by its most similar clause, if that is
	 * similar enough.
	 * @param text the analysis text
	 * @param spans its clauses
	 * @return the matches, by clause
	 */
	List<ThemeMatch> match(String text, List<ClauseSplitter.Span> spans) {
		if (this.themes.isEmpty() || spans.isEmpty()) {
			return List.of();
		}
		List<ThemeMatch> matches = new ArrayList<>();
		boolean[] found = new boolean[this.themes.size()];
		for (int c = 0; c < spans.size(); c++) {
			ClauseSplitter.Span span = spans.get(c);
			int clause = c;
			int first = matches.size();
			this.keywords.find(text, span.start(), span.end(), (keyword, theme) -> {
				String id = this.themes.get(theme).id();
				for (int m = first; m < matches.size(); m++) {
					if (matches.get(m).themeId().equals(id)) {
						return;
					}
				}
				found[theme] = true;
				matches.add(new ThemeMatch(id, clause, ThemeMatch.Via.KEYWORD, 1.0, keyword));
			});
		}
		@Nullable List<Ngrams> clauses = null;
		for (int t = 0; t < this.themes.size(); t++) {
			if (found[t] || this.examples.get(t).isEmpty()) {
				continue;
			}
			if (clauses == null) {
				clauses = new ArrayList<>(spans.size());
				for (ClauseSplitter.Span span : spans) {
					clauses.add(Ngrams.of(text, span.start(), span.end()));
				}
			}
			ThemeMatch best = bestSimilar(t, clauses);
			if (best != null) {
				matches.add(best);
			}
		}
		matches.sort((a, b) -> Integer.compare(a.clauseIndex(), b.clauseIndex()));
		return matches;
	}

	private @Nullable ThemeMatch bestSimilar(int theme, List<Ngrams> clauses) {
		ThemeMatch best = null;
		for (int c = 0; c < clauses.size(); c++) {
			Ngrams clause = clauses.get(c);
			if (clause.size() < MIN_GRAMS) {
				continue;
			}
			for (Example example : this.examples.get(theme)) {
				double similarity = clause.dice(example.grams());
				if (similarity >= SIMILARITY_THRESHOLD && (best == null || similarity > best.score())) {
					best = new ThemeMatch(this.themes.get(theme).id(), c, ThemeMatch.Via.SIMILARITY,
							Math.round(similarity * 1000) / 1000.0, example.sentence());
				}
			}
		}
		return best;
	}

	private record Example(String sentence, Ngrams grams) {

	}

}
