package org.opencxm.text;

import com.hankcs.hanlp.HanLP;

/**
 * A comment made ready for the rules, and the language its script shows.
 * <p>
 * The analysis text has exactly the length of the (capped) original, character for
 * character, so that every offset found in it is an offset in what the customer wrote:
 * control characters and unpaired surrogates become spaces, full-width Latin forms
 * half-width, letters lower case, traditional characters simplified, and markup tags
 * blank. Markup is never interpreted: a tag is only hidden from the rules, and the text
 * between tags is analysed like any other.
 *
 * @param original what the customer wrote, cut at {@link #MAX_LENGTH}
 * @param analysis the text the rules read, as long as {@code original}
 * @param display the original in simplified characters without control characters, for
 * people
 * @param language the detected language
 */
record NormalizedText(String original, String analysis, String display, Language language) {

	/**
	 * Characters analysed at most; survey answers are far shorter, and this bounds the
	 * work.
	 */
	static final int MAX_LENGTH = 10_000;

	/** Longest markup tag hidden from the rules. */
	private static final int MAX_TAG = 300;

	/**
	 * Prepares a comment.
	 * @param text the comment as written
	 * @return the prepared comment
	 */
	static NormalizedText of(String text) {
		String original = cut(text);
		char[] analysis = new char[original.length()];
		StringBuilder display = new StringBuilder(original.length());
		int han = 0;
		int latinWords = 0;
		for (int i = 0; i < original.length(); i++) {
			char c = original.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < original.length()
					&& Character.isLowSurrogate(original.charAt(i + 1))) {
				analysis[i] = c;
				analysis[i + 1] = original.charAt(i + 1);
				display.append(c).append(original.charAt(i + 1));
				i++;
				continue;
			}
			char folded = fold(c);
			analysis[i] = folded;
			if (folded == ' ' && c != ' ') {
				display.append((c == '\n' || c == '\r' || c == '\t') ? c : ' ');
			}
			else {
				display.append(c);
			}
			if (Scripts.isHan(folded)) {
				han++;
			}
			else if (Scripts.isLatin(folded) && (i == 0 || !Scripts.isWordChar(analysis[i - 1]))) {
				latinWords++;
			}
		}
		blankTags(analysis);
		String folded = new String(analysis);
		int traditional = 0;
		String displayText = display.toString().strip();
		if (han > 0) {
			String simplified = simplify(folded);
			for (int i = 0; i < folded.length(); i++) {
				if (folded.charAt(i) != simplified.charAt(i) && Scripts.isHan(folded.charAt(i))) {
					traditional++;
				}
			}
			if (traditional > 0) {
				folded = simplified;
				displayText = HanLP.convertToSimplifiedChinese(displayText);
			}
		}
		return new NormalizedText(original, folded, displayText, language(han, latinWords, traditional));
	}

	private static String cut(String text) {
		if (text.length() <= MAX_LENGTH) {
			return text;
		}
		int end = MAX_LENGTH;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	private static char fold(char c) {
		if (c == '\n' || c == '\r') {
			return '\n';
		}
		if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u3000'
				|| Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.PRIVATE_USE) {
			return ' ';
		}
		if (c >= '\uff01' && c <= '\uff5e') {
			c = (char) (c - 0xfee0);
		}
		return Character.toLowerCase(c);
	}

	/**
	 * Hides {@code <tag ...>} and {@code </tag>} so markup names do not become key
	 * phrases.
	 */
	private static void blankTags(char[] text) {
		for (int i = 0; i < text.length - 2; i++) {
			if (text[i] == '<' && (Scripts.isLatin(text[i + 1]) || text[i + 1] == '/' || text[i + 1] == '!')) {
				int limit = Math.min(text.length, i + MAX_TAG);
				for (int j = i + 1; j < limit && text[j] != '<'; j++) {
					if (text[j] == '>') {
						for (int k = i; k <= j; k++) {
							text[k] = ' ';
						}
						i = j;
						break;
					}
				}
			}
		}
	}

	/**
	 * Converts traditional characters to simplified without changing the length, so
	 * offsets hold. HanLP converts by phrase; where a phrase changes length, fall back to
	 * one character at a time.
	 */
	private static String simplify(String text) {
		String simplified = HanLP.convertToSimplifiedChinese(text);
		if (simplified.length() == text.length()) {
			return simplified;
		}
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			if (Scripts.isHan(chars[i])) {
				String one = HanLP.convertToSimplifiedChinese(String.valueOf(chars[i]));
				if (one.length() == 1) {
					chars[i] = one.charAt(0);
				}
			}
		}
		return new String(chars);
	}

	private static Language language(int han, int latinWords, int traditional) {
		// A Chinese word averages about one and a half characters; weigh words against
		// words.
		double chineseWords = han / 1.5;
		double total = chineseWords + latinWords;
		if (total == 0) {
			return Language.UNKNOWN;
		}
		double chineseShare = chineseWords / total;
		if (chineseShare <= 0.3) {
			return Language.ENGLISH;
		}
		if (chineseShare < 0.7) {
			return Language.MIXED;
		}
		boolean traditionalScript = traditional > 0 && traditional * 20 >= han;
		return traditionalScript ? Language.CHINESE_TRADITIONAL : Language.CHINESE_SIMPLIFIED;
	}

}
