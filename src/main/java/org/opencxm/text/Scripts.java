package org.opencxm.text;

/**
 * Character classes the engine needs, cheaper and narrower than
 * {@link Character.UnicodeScript}.
 */
final class Scripts {

	private Scripts() {
	}

	/**
	 * Whether a character is a CJK ideograph of the basic plane (unified, extension A,
	 * compatibility).
	 * @param c the character
	 * @return {@code true} for Han characters
	 */
	static boolean isHan(char c) {
		return (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3400' && c <= '\u4dbf') || (c >= '\uf900' && c <= '\ufaff');
	}

	/**
	 * Whether a character is a Latin letter, accented ones included.
	 * @param c the character
	 * @return {@code true} for Latin letters
	 */
	static boolean isLatin(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
				|| (c >= '\u00c0' && c <= '\u024f' && c != '\u00d7' && c != '\u00f7');
	}

	/**
	 * Whether a character can be part of an English word.
	 * @param c the character
	 * @return {@code true} for Latin letters and ASCII digits
	 */
	static boolean isWordChar(char c) {
		return isLatin(c) || (c >= '0' && c <= '9');
	}

	/**
	 * Whether a character ends a sentence.
	 * @param c the character of the analysis text (full-width forms already folded)
	 * @return {@code true} for full stops, exclamation and question marks, semicolons and
	 * line breaks
	 */
	static boolean endsSentence(char c) {
		return switch (c) {
			case '.', '!', '?', ';', '\n', '。', '；', '…', '｡' -> true;
			default -> false;
		};
	}

	/**
	 * Whether a character ends a clause without ending its sentence.
	 * @param c the character of the analysis text
	 * @return {@code true} for commas, enumeration commas, colons and tildes
	 */
	static boolean endsClause(char c) {
		return switch (c) {
			case ',', '、', '~', '～', '｜', '|', '，' -> true;
			default -> false;
		};
	}

}
