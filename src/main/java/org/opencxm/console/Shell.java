package org.opencxm.console;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;

/**
 * What the layout around every page needs: who is signed in, the sections it may open,
 * the current language and the path to come back to after switching it. Put on each
 * console request (and error page) as the request attribute {@code shell}.
 *
 * @param displayName the signed-in user's name, {@code null} when nobody is signed in
 * @param username the signed-in user's login name, {@code null} when nobody is signed in
 * @param sections the sections the user may open
 * @param language the language the page is shown in
 * @param path the current path with its query, where the language switch returns to
 */
record Shell(@Nullable String displayName, @Nullable String username, List<Section> sections, LanguageTag language,
		String path) {

	static final String ATTRIBUTE = "shell";

	boolean signedIn() {
		return this.username != null;
	}

	public boolean isSignedIn() {
		return signedIn();
	}

	public boolean isEnglish() {
		return this.language == LanguageTag.EN;
	}

}
