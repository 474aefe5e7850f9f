package org.opencxm.text;

/**
 * A stretch of the analysis text and what the lexicons say about it.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param cue what the rules read in it; {@link Cue#NEUTRAL} for text outside the lexicons
 * @param script the script of the stretch
 * @param word the lower-case English word or phrase; empty for Chinese and symbols
 */
record Token(int start, int end, Cue cue, Script script, String word) {

	/**
	 * The script of a token.
	 */
	enum Script {

		/** Chinese: a listed word, or a run of characters outside the lexicons. */
		HAN,

		/** An English word or listed phrase. */
		LATIN,

		/** An emoji or emoticon. */
		SYMBOL

	}

	int length() {
		return this.end - this.start;
	}

	boolean isLatin() {
		return this.script == Script.LATIN;
	}

	boolean isHan() {
		return this.script == Script.HAN;
	}

}
