package org.opencxm.text;

import org.opencxm.shared.SemModule;
import org.opencxm.shared.ExperienceFactor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.hankcs.hanlp.HanLP;
import org.jspecify.annotations.Nullable;

/**
 * The text analytics engine: reads a customer's comment in Chinese, English or both and
 * says what it feels, what it is about and which workspace themes it touches.
 * <p>
 * The engine is rule- and lexicon-based, so every result can be explained by the words
 * that made it. It is immutable and thread-safe: build one (it loads its word lists and
 * warms up HanLP, well under a second) and share it. No call throws on any text: empty,
 * emoji only, markup, control characters, broken surrogates or very long texts (analysed
 * up to the first {@value NormalizedText#MAX_LENGTH} characters) all give a sane result.
 */
public final class TextAnalyzer implements CommentEngine {

	/** The most key phrases reported per comment. */
	public static final int KEY_PHRASES = 5;

	/**
	 * Squashes an unbounded sum of weights into (-1, 1):
	 * {@code x / sqrt(x² + SATURATION)}. One plain word of weight 2 ("good", 好吃) scores
	 * 0.63; three such words score 0.93.
	 */
	private static final double SATURATION = 6;

	/** Weight of clauses before "but" in the same sentence (or the sentence before). */
	private static final double BEFORE_CONTRAST = 0.5;

	/** Weight of a concessive clause ("although …"). */
	private static final double CONCESSIVE = 0.5;

	/** Weight of a summing-up clause ("overall …"). */
	private static final double SUMMARY = 1.5;

	private final Lexicon lexicon;

	private final Scanner scanner;

	private final ClauseScorer scorer;

	private final KeyPhrases keyPhrases;

	/**
	 * An engine with the project's lexicons.
	 */
	public TextAnalyzer() {
		this.lexicon = Lexicon.load();
		this.scanner = new Scanner(this.lexicon);
		this.scorer = new ClauseScorer();
		this.keyPhrases = new KeyPhrases(this.lexicon);
	}

	/**
	 * Analyses a comment without workspace themes.
	 * @param text the comment; {@code null} reads as empty
	 * @return the analysis
	 */
	public CommentAnalysis analyze(@Nullable String text) {
		return analyze(text, ThemeCatalog.empty());
	}

	/**
	 * Analyses a comment and tags it with the matching workspace themes.
	 * @param text the comment; {@code null} reads as empty
	 * @param themes the workspace's themes
	 * @return the analysis
	 */
	@Override
	public CommentAnalysis analyze(@Nullable String text, ThemeCatalog themes) {
		NormalizedText normalized = NormalizedText.of((text != null) ? text : "");
		String analysis = normalized.analysis();
		List<Token> tokens = this.scanner.scan(analysis);
		List<ClauseSplitter.Span> spans = ClauseSplitter.split(analysis, tokens);
		List<ClauseScorer.Score> scores = new ArrayList<>(spans.size());
		for (ClauseSplitter.Span span : spans) {
			scores.add(this.scorer.score(analysis, tokens, span));
		}
		double[] weights = weights(spans, scores);
		List<ThemeMatch> themeMatches = themes.match(analysis, spans);
		List<ClauseAnalysis> clauses = new ArrayList<>(spans.size());
		double sum = 0;
		double magnitude = 0;
		for (int c = 0; c < spans.size(); c++) {
			ClauseSplitter.Span span = spans.get(c);
			ClauseScorer.Score score = scores.get(c);
			sum += weights[c] * score.raw();
			magnitude += weights[c] * score.magnitude();
			double clauseScore = squash(score.raw());
			clauses.add(new ClauseAnalysis(normalized.original().substring(span.start(), span.end()), span.start(),
					span.end(), clauseScore, SentimentLabel.of(clauseScore), squash(score.magnitude()),
					factors(analysis, span), modules(analysis, span), themeIds(themeMatches, c)));
		}
		double score = squash(sum);
		boolean hasHan = normalized.language() != Language.ENGLISH && normalized.language() != Language.UNKNOWN;
		List<String> phrases = this.keyPhrases.extract(analysis, tokens, hasHan, KEY_PHRASES);
		return new CommentAnalysis(normalized.language(), normalized.display(), score, SentimentLabel.of(score),
				squash(magnitude), clauses, phrases, themeMatches);
	}

	/**
	 * The language of a text, without analysing it further.
	 * @param text the text
	 * @return the language
	 */
	public Language detectLanguage(@Nullable String text) {
		return NormalizedText.of((text != null) ? text : "").language();
	}

	/**
	 * A text with traditional Chinese characters turned simplified, the rest unchanged.
	 * @param text the text
	 * @return the simplified text
	 */
	public String toSimplified(@Nullable String text) {
		return (text != null) ? HanLP.convertToSimplifiedChinese(text) : "";
	}

	/**
	 * Clauses before "but" weigh less; concessive clauses weigh less; a summing-up clause
	 * more.
	 */
	private static double[] weights(List<ClauseSplitter.Span> spans, List<ClauseScorer.Score> scores) {
		double[] weights = new double[spans.size()];
		Arrays.fill(weights, 1.0);
		for (int c = 0; c < spans.size(); c++) {
			ClauseScorer.Score score = scores.get(c);
			if (score.concessive()) {
				weights[c] = Math.min(weights[c], CONCESSIVE);
			}
			if (score.summary()) {
				weights[c] = Math.max(weights[c], SUMMARY);
			}
			if (score.contrast()) {
				int sentence = spans.get(c).sentence();
				boolean opensSentence = c == 0 || spans.get(c - 1).sentence() != sentence;
				int discounted = opensSentence ? sentence - 1 : sentence;
				for (int k = c - 1; k >= 0 && spans.get(k).sentence() >= discounted; k--) {
					weights[k] = Math.min(weights[k], BEFORE_CONTRAST);
				}
			}
		}
		return weights;
	}

	private List<ExperienceFactor> factors(String text, ClauseSplitter.Span span) {
		Set<ExperienceFactor> factors = EnumSet.noneOf(ExperienceFactor.class);
		this.lexicon.factors().find(text, span.start(), span.end(), (keyword, factor) -> factors.add(factor));
		return List.copyOf(factors);
	}

	private List<SemModule> modules(String text, ClauseSplitter.Span span) {
		Set<SemModule> modules = EnumSet.noneOf(SemModule.class);
		this.lexicon.modules().find(text, span.start(), span.end(), (keyword, module) -> modules.add(module));
		return List.copyOf(modules);
	}

	private static List<String> themeIds(List<ThemeMatch> matches, int clause) {
		List<String> ids = List.of();
		for (ThemeMatch match : matches) {
			if (match.clauseIndex() == clause) {
				if (ids.isEmpty()) {
					ids = new ArrayList<>(2);
				}
				ids.add(match.themeId());
			}
		}
		return ids;
	}

	/**
	 * Squashes into (-1, 1), rounded to four decimals so that results read and compare
	 * cleanly.
	 */
	private static double squash(double x) {
		return Math.round(10_000 * x / Math.sqrt(x * x + SATURATION)) / 10_000.0;
	}

}
