package org.opencxm.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Picks the phrases that say what a comment is about: noun phrases, which in customer
 * comments name the product, the people and the process (服务态度, 配送速度, battery life).
 * <p>
 * Chinese is segmented and tagged by HanLP; adjacent nouns join into one phrase. English
 * phrases are runs of up to three content words that are neither function words nor
 * sentiment words. Phrases are ranked by how often they occur, longer phrases first among
 * equals, then by first occurrence.
 */
final class KeyPhrases {

	private static final int MAX_TERMS = 3;

	private static final int MAX_CHINESE_LENGTH = 8;

	private final Segment segment;

	private final Lexicon lexicon;

	KeyPhrases(Lexicon lexicon) {
		this.lexicon = lexicon;
		// Named-entity recognition is slow and would surface customers' and staff's
		// names.
		this.segment = HanLP.newSegment()
			.enableAllNamedEntityRecognize(false)
			.enableNumberQuantifierRecognize(false)
			.enablePartOfSpeechTagging(true)
			.enableOffset(true);
		this.segment.seg("预热");
	}

	/**
	 * The key phrases of a comment.
	 * @param text the analysis text
	 * @param tokens its tokens
	 * @param hasHan whether the text holds Chinese characters
	 * @param limit the most phrases to return
	 * @return the phrases, best first
	 */
	List<String> extract(String text, List<Token> tokens, boolean hasHan, int limit) {
		Map<String, double[]> candidates = new LinkedHashMap<>();
		if (hasHan) {
			addChinese(text, candidates);
		}
		addEnglish(tokens, candidates);
		List<Map.Entry<String, double[]>> ranked = new ArrayList<>(candidates.entrySet());
		ranked.sort((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
		List<String> phrases = new ArrayList<>(Math.min(limit, ranked.size()));
		for (int i = 0; i < ranked.size() && phrases.size() < limit; i++) {
			phrases.add(ranked.get(i).getKey());
		}
		return phrases;
	}

	private void addChinese(String text, Map<String, double[]> candidates) {
		List<Term> terms = this.segment.seg(text);
		StringBuilder phrase = new StringBuilder();
		int count = 0;
		int end = -1;
		for (Term term : terms) {
			boolean noun = isNoun(term);
			boolean joins = noun && term.offset == end && count < MAX_TERMS
					&& phrase.length() + term.word.length() <= MAX_CHINESE_LENGTH;
			if (!joins) {
				add(candidates, phrase, count);
				phrase.setLength(0);
				count = 0;
			}
			if (noun) {
				phrase.append(term.word);
				count++;
				end = term.offset + term.word.length();
			}
		}
		add(candidates, phrase, count);
	}

	private boolean isNoun(Term term) {
		String nature = term.nature.toString();
		boolean noun = (nature.startsWith("n") && !nature.startsWith("nr") && !nature.equals("nx"))
				|| nature.equals("vn");
		if (!noun || term.word.isEmpty() || !Scripts.isHan(term.word.charAt(0))) {
			return false;
		}
		Cue cue = this.lexicon.han().get(term.word);
		// sentiment words, time units and modifiers say how, not what
		boolean plain = cue == null || cue == Cue.NEUTRAL || cue instanceof Cue.Attribute;
		return plain && !CoreStopWordDictionary.contains(term.word);
	}

	private void addEnglish(List<Token> tokens, Map<String, double[]> candidates) {
		StringBuilder phrase = new StringBuilder();
		int count = 0;
		int end = -1;
		for (Token token : tokens) {
			boolean content = token.isLatin() && isContent(token);
			boolean joins = content && count < MAX_TERMS && token.start() == end + 1;
			if (!joins) {
				add(candidates, phrase, count);
				phrase.setLength(0);
				count = 0;
			}
			if (content) {
				if (count > 0) {
					phrase.append(' ');
				}
				phrase.append(token.word());
				count++;
				end = token.end();
			}
		}
		add(candidates, phrase, count);
	}

	private boolean isContent(Token token) {
		String word = token.word();
		if (token.cue() instanceof Cue.Attribute) {
			return true;
		}
		// without a tagger, -ed and -ly mark most past verbs and adverbs, which name no
		// topic
		return token.cue() == Cue.NEUTRAL && word.length() > 2 && Character.isLetter(word.charAt(0))
				&& !word.endsWith("ed") && !word.endsWith("ly") && word.indexOf('\'') < 0
				&& !this.lexicon.isStopword(word);
	}

	private static void add(Map<String, double[]> candidates, StringBuilder phrase, int terms) {
		if (terms == 0 || (terms == 1 && phrase.length() < 2)) {
			return;
		}
		double[] score = candidates.computeIfAbsent(phrase.toString(), (key) -> new double[1]);
		score[0] += 1 + 0.25 * (terms - 1);
	}

}
