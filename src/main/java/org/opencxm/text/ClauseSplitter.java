package org.opencxm.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a comment into clauses: at sentence and clause punctuation, at spaces between
 * Chinese characters (many customers write 味道不错 送餐很快), and before contrast words
 * (好吃但是太贵). Punctuation that closes a clause stays with it, so "太慢了！！！" keeps its
 * exclamation marks.
 */
final class ClauseSplitter {

	private ClauseSplitter() {
	}

	/**
	 * A clause of the analysis text.
	 *
	 * @param start offset of the first character
	 * @param end offset after the last character
	 * @param sentence the index of the sentence it belongs to
	 * @param firstToken index of its first token
	 * @param lastToken index after its last token
	 */
	record Span(int start, int end, int sentence, int firstToken, int lastToken) {

	}

	/**
	 * The clauses of a text, in order; clauses with no word or symbol are left out.
	 * @param text the analysis text
	 * @param tokens its tokens
	 * @return the clauses
	 */
	static List<Span> split(String text, List<Token> tokens) {
		List<Span> spans = new ArrayList<>();
		int n = text.length();
		int start = 0;
		int sentence = 0;
		int token = 0;
		int i = 0;
		while (i < n) {
			while (token < tokens.size() && tokens.get(token).end() <= i) {
				token++;
			}
			if (token < tokens.size() && tokens.get(token).start() == i && i > start
					&& tokens.get(token).cue() instanceof Cue.Contrast contrast && contrast.splits()) {
				add(spans, text, start, i, sentence, tokens);
				start = i;
			}
			char c = text.charAt(i);
			if (insideToken(tokens, token, i)) {
				i++;
			}
			else if (isBreak(text, i)) {
				boolean endsSentence = false;
				int end = i;
				while (end < n && (isBreak(text, end) || text.charAt(end) == ' ' || isClosing(text.charAt(end)))) {
					endsSentence |= Scripts.endsSentence(text.charAt(end)) || text.charAt(end) == '!'
							|| text.charAt(end) == '?';
					end++;
				}
				add(spans, text, start, end, sentence, tokens);
				if (endsSentence) {
					sentence++;
				}
				start = end;
				i = end;
			}
			else if (c == ' ' && i > 0 && Scripts.isHan(text.charAt(i - 1))) {
				int end = i;
				while (end < n && text.charAt(end) == ' ') {
					end++;
				}
				if (end < n && Scripts.isHan(text.charAt(end))) {
					add(spans, text, start, end, sentence, tokens);
					start = end;
				}
				i = end;
			}
			else {
				i++;
			}
		}
		add(spans, text, start, n, sentence, tokens);
		return spans;
	}

	private static boolean insideToken(List<Token> tokens, int token, int i) {
		return token < tokens.size() && tokens.get(token).start() < i && i < tokens.get(token).end();
	}

	private static boolean isBreak(String text, int i) {
		char c = text.charAt(i);
		if (c == '.') {
			// 3.5 stars is one number, not two sentences
			return !(i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
					&& Character.isDigit(text.charAt(i + 1)));
		}
		return Scripts.endsSentence(c) || Scripts.endsClause(c) || c == '!' || c == '?' || c == '！' || c == '？';
	}

	private static boolean isClosing(char c) {
		return switch (c) {
			case ')', ']', '"', '\'', '”', '’', '」', '』', '）', '】', '》' -> true;
			default -> false;
		};
	}

	private static void add(List<Span> spans, String text, int from, int to, int sentence, List<Token> tokens) {
		int start = from;
		int end = to;
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		int first = firstToken(tokens, start);
		int last = first;
		while (last < tokens.size() && tokens.get(last).end() <= end) {
			last++;
		}
		if (last == first && !hasContent(text, start, end)) {
			return;
		}
		spans.add(new Span(start, end, sentence, first, last));
	}

	private static int firstToken(List<Token> tokens, int start) {
		int low = 0;
		int high = tokens.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (tokens.get(mid).start() < start) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	private static boolean hasContent(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
				return true;
			}
			int type = Character.getType(c);
			if (type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL) {
				return true;
			}
		}
		return false;
	}

}
