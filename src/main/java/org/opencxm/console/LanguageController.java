package org.opencxm.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Users;
import org.opencxm.shared.LanguageTag;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language switch in the top bar of every page: remembered for this session and, for
 * a signed-in user, as its preference for the next ones.
 */
@Controller
class LanguageController {

	private final OrgScope scope;

	private final Users users;

	private final LocaleResolver locales;

	LanguageController(OrgScope scope, Users users, LocaleResolver locales) {
		this.scope = scope;
		this.users = users;
		this.locales = locales;
	}

	@PostMapping("/language")
	String change(@RequestParam("lang") String lang, @RequestParam(name = "to", required = false) @Nullable String to,
			HttpServletRequest request, HttpServletResponse response) {
		LanguageTag language;
		try {
			language = LanguageTag.of(lang);
		}
		catch (IllegalArgumentException ex) {
			language = ConsoleLocaleResolver.fromBrowser(request);
		}
		if (this.scope.currentOrNull() != null) {
			this.users.changeOwnLocale(language);
		}
		this.locales.setLocale(request, response, language.locale());
		return "redirect:" + safeReturnPath(to);
	}

	/**
	 * Only a path on this site: never another host, so the switch cannot be used to send
	 * someone elsewhere.
	 */
	static String safeReturnPath(@Nullable String to) {
		if (to == null || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\") || to.contains("\r")
				|| to.contains("\n")) {
			return "/";
		}
		return to;
	}

}
