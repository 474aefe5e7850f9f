package org.opencxm.shared;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The two languages the product speaks, written as BCP 47 tags ({@code zh-CN},
 * {@code en}).
 */
public enum LanguageTag {

	ZH_CN("zh-CN"), EN("en");

	private final String tag;

	LanguageTag(String tag) {
		this.tag = tag;
	}

	@JsonValue
	public String tag() {
		return this.tag;
	}

	public Locale locale() {
		return Locale.forLanguageTag(this.tag);
	}

	@JsonCreator
	public static LanguageTag of(String tag) {
		for (LanguageTag language : values()) {
			if (language.tag.equalsIgnoreCase(tag) || language.name().equalsIgnoreCase(tag)) {
				return language;
			}
		}
		throw new IllegalArgumentException("must be zh-CN or en");
	}

	public static LanguageTag of(@Nullable Locale locale) {
		return (locale != null && "en".equals(locale.getLanguage())) ? EN : ZH_CN;
	}

	@Override
	public String toString() {
		return this.tag;
	}

}
