package org.opencxm.text;

/**
 * The language a comment is written in, as far as its script tells.
 */
public enum Language {

	/** Chinese in simplified characters. */
	CHINESE_SIMPLIFIED("zh-CN"),

	/** Chinese in traditional characters; normalised to simplified before analysis. */
	CHINESE_TRADITIONAL("zh-TW"),

	/** English, or more exactly any text in Latin script. */
	ENGLISH("en"),

	/** Chinese and English both carry a fair share of the words. */
	MIXED("mul"),

	/** No words at all: empty, only emoji, digits or punctuation. */
	UNKNOWN("und");

	private final String tag;

	Language(String tag) {
		this.tag = tag;
	}

	/**
	 * The BCP 47 tag (or ISO 639-2 code for mixed and undetermined).
	 * @return the tag, e.g. {@code zh-CN}
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Whether the text is Chinese in either script.
	 * @return {@code true} for simplified and traditional Chinese
	 */
	public boolean isChinese() {
		return this == CHINESE_SIMPLIFIED || this == CHINESE_TRADITIONAL;
	}

}
