package org.opencxm.text;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Cuts the analysis text into {@link Token tokens} that the sentiment rules read.
 * <p>
 * Chinese runs are matched against the Chinese lexicon by dynamic programming: of all
 * ways to cover the run with listed words, the one with the largest sum of squared word
 * lengths wins, which prefers long words and full coverage (不满意 reads 不满意, 不错 reads 不错
 * and not 不 + 错). Characters outside the lexicon are grouped into neutral tokens. English
 * is matched word by word, longest listed phrase first, then the word, then the forms it
 * may be inflected from.
 */
final class Scanner {

	/** No listed Chinese word is longer; bounds the trie walk. */
	private static final int MAX_HAN_WORD = 12;

	private static final int MAX_SYMBOL = 8;

	private final Lexicon lexicon;

	Scanner(Lexicon lexicon) {
		this.lexicon = lexicon;
	}

	/**
	 * Tokens of the whole analysis text, in order.
	 * @param text the analysis text
	 * @return the tokens
	 */
	List<Token> scan(String text) {
		List<Token> tokens = new ArrayList<>(Math.max(8, text.length() / 2));
		int n = text.length();
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			if (Scripts.isHan(c)) {
				int end = i + 1;
				while (end < n && Scripts.isHan(text.charAt(end))) {
					end++;
				}
				scanHan(text, i, end, tokens);
				i = end;
			}
			else if (Scripts.isWordChar(c)) {
				i = scanLatin(text, i, tokens);
			}
			else {
				int end = this.lexicon.symbols().longestAt(text, i, Math.min(n, i + MAX_SYMBOL));
				if (end > 0) {
					tokens.add(new Token(i, end, cue(this.lexicon.symbols().get(text.subSequence(i, end))),
							Token.Script.SYMBOL, ""));
					i = end;
				}
				else {
					i++;
				}
			}
		}
		return tokens;
	}

	private void scanHan(String text, int from, int to, List<Token> tokens) {
		int n = to - from;
		int[] best = new int[n + 1];
		int[] choice = new int[n + 1];
		int[] ends = new int[MAX_HAN_WORD];
		Cue[] cues = new Cue[MAX_HAN_WORD];
		Cue[] chosen = new Cue[n + 1];
		for (int i = n - 1; i >= 0; i--) {
			best[i] = best[i + 1];
			int found = this.lexicon.han().matchesAt(text, from + i, Math.min(to, from + i + MAX_HAN_WORD), ends, cues);
			for (int m = 0; m < found; m++) {
				int length = ends[m] - (from + i);
				int score = length * length + best[i + length];
				if (score >= best[i]) {
					best[i] = score;
					choice[i] = length;
					chosen[i] = cues[m];
				}
			}
		}
		int unknown = -1;
		for (int i = 0; i < n;) {
			if (choice[i] > 0 && best[i] == choice[i] * choice[i] + best[i + choice[i]]) {
				if (unknown >= 0) {
					tokens.add(new Token(from + unknown, from + i, Cue.NEUTRAL, Token.Script.HAN, ""));
					unknown = -1;
				}
				tokens.add(new Token(from + i, from + i + choice[i], chosen[i], Token.Script.HAN, ""));
				i += choice[i];
			}
			else {
				if (unknown < 0) {
					unknown = i;
				}
				i++;
			}
		}
		if (unknown >= 0) {
			tokens.add(new Token(from + unknown, to, Cue.NEUTRAL, Token.Script.HAN, ""));
		}
	}

	/**
	 * Scans English words separated by single spaces, so that phrases never span
	 * punctuation.
	 */
	private int scanLatin(String text, int from, List<Token> tokens) {
		List<int[]> words = new ArrayList<>();
		int i = from;
		while (true) {
			int end = wordEnd(text, i);
			words.add(new int[] { i, end });
			int next = end;
			while (next < text.length() && text.charAt(next) == ' ') {
				next++;
			}
			if (next == end || next >= text.length() || !Scripts.isWordChar(text.charAt(next))) {
				i = end;
				break;
			}
			i = next;
		}
		for (int w = 0; w < words.size();) {
			w += matchLatin(text, words, w, tokens);
		}
		return i;
	}

	private int matchLatin(String text, List<int[]> words, int w, List<Token> tokens) {
		String first = word(text, words.get(w));
		int longest = Math.min(this.lexicon.phraseWords(first), words.size() - w);
		if (longest > 1) {
			StringBuilder phrase = new StringBuilder(first);
			String[] candidates = new String[longest];
			for (int k = 1; k < longest; k++) {
				phrase.append(' ').append(word(text, words.get(w + k)));
				candidates[k] = phrase.toString();
			}
			for (int k = longest - 1; k >= 1; k--) {
				Cue cue = this.lexicon.latin(candidates[k]);
				if (cue != null) {
					tokens.add(new Token(words.get(w)[0], words.get(w + k)[1], cue, Token.Script.LATIN, candidates[k]));
					return k + 1;
				}
			}
		}
		int[] span = words.get(w);
		Cue cue = this.lexicon.latinWord(first);
		if (cue == null && first.endsWith("n't")) {
			cue = this.lexicon.latin("n't");
		}
		if (cue == null && first.indexOf('-') > 0) {
			int start = span[0];
			for (String part : first.split("-")) {
				if (!part.isEmpty()) {
					tokens.add(new Token(start, start + part.length(), cue(this.lexicon.latinWord(part)),
							Token.Script.LATIN, part));
				}
				start += part.length() + 1;
			}
			return 1;
		}
		tokens.add(new Token(span[0], span[1], cue(cue), Token.Script.LATIN, first));
		return 1;
	}

	private static int wordEnd(String text, int from) {
		int i = from;
		while (i < text.length()) {
			char c = text.charAt(i);
			boolean joiner = (c == '\'' || c == '\u2019' || c == '-') && i + 1 < text.length()
					&& Scripts.isWordChar(text.charAt(i + 1)) && i > from;
			// ratings such as 10/10 read as one word
			joiner |= c == '/' && i > from && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
					&& Character.isDigit(text.charAt(i + 1));
			if (!Scripts.isWordChar(c) && !joiner) {
				break;
			}
			i++;
		}
		return i;
	}

	private static String word(String text, int[] span) {
		return text.substring(span[0], span[1]).replace('\u2019', '\'');
	}

	private static Cue cue(@Nullable Cue cue) {
		return (cue != null) ? cue : Cue.NEUTRAL;
	}

}
