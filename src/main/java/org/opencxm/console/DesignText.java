package org.opencxm.console;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;

/**
 * Texts in both languages from pairs of form fields.
 */
final class DesignText {

	private DesignText() {
	}

	/** A required text: a blank language stays blank, for the module to refuse. */
	static LocalizedText of(@Nullable String zh, @Nullable String en) {
		return new LocalizedText(orEmpty(zh), orEmpty(en));
	}

	/** An optional text: absent when both languages are blank. */
	static @Nullable LocalizedText optional(@Nullable String zh, @Nullable String en) {
		return (zh == null && en == null) ? null : of(zh, en);
	}

	static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
