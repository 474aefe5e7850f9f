package org.opencxm.text;

import org.opencxm.shared.SemModule;
import org.opencxm.shared.ExperienceFactor;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the engine read in one comment.
 *
 * @param language the detected language
 * @param normalizedText the comment in simplified characters, control characters removed
 * @param score sentiment in [-1, 1]
 * @param label the score in words, at {@link SentimentLabel}'s thresholds
 * @param intensity how strongly the comment feels, either way, in [0, 1]
 * @param clauses the clauses in reading order
 * @param keyPhrases up to five phrases that say what the comment is about
 * @param themes the workspace themes found, each with the clause that matched
 */
public record CommentAnalysis(Language language, String normalizedText, double score, SentimentLabel label,
		double intensity, List<ClauseAnalysis> clauses, List<String> keyPhrases, List<ThemeMatch> themes) {

	public CommentAnalysis {
		clauses = List.copyOf(clauses);
		keyPhrases = List.copyOf(keyPhrases);
		themes = List.copyOf(themes);
	}

	/**
	 * The experience factors any clause speaks to.
	 * @return the factors in declaration order
	 */
	public Set<ExperienceFactor> factors() {
		Set<ExperienceFactor> factors = EnumSet.noneOf(ExperienceFactor.class);
		this.clauses.forEach((clause) -> factors.addAll(clause.factors()));
		return Collections.unmodifiableSet(factors);
	}

	/**
	 * The SEM modules any clause speaks to.
	 * @return the modules in declaration order
	 */
	public Set<SemModule> semModules() {
		Set<SemModule> modules = EnumSet.noneOf(SemModule.class);
		this.clauses.forEach((clause) -> modules.addAll(clause.semModules()));
		return Collections.unmodifiableSet(modules);
	}

	/**
	 * The ids of the themes found, each once.
	 * @return theme ids in the order first found
	 */
	public Set<String> themeIds() {
		Set<String> ids = new LinkedHashSet<>();
		this.themes.forEach((match) -> ids.add(match.themeId()));
		return Collections.unmodifiableSet(ids);
	}

}
