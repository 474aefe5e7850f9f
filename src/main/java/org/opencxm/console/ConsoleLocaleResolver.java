package org.opencxm.console;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.Caller;
import org.opencxm.org.OrgScope;
import org.opencxm.shared.LanguageTag;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Picks the console's language: the one chosen with the switch in this session, else the
 * signed-in user's stored preference, else the first of zh-CN and English that the
 * browser asks for, else English.
 * <p>
 * The choice is kept in the session because the signed-in principal carries the locale it
 * had at sign-in; the user's stored preference is updated at the same time, so the next
 * session starts in the same language.
 */
@Component("localeResolver")
class ConsoleLocaleResolver implements LocaleResolver {

	static final String SESSION_ATTRIBUTE = ConsoleLocaleResolver.class.getName() + ".locale";

	private final OrgScope scope;

	ConsoleLocaleResolver(OrgScope scope) {
		this.scope = scope;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof LanguageTag chosen) {
			return chosen.locale();
		}
		Caller caller = this.scope.currentOrNull();
		if (caller != null) {
			return LanguageTag.of(caller.locale()).locale();
		}
		return fromBrowser(request).locale();
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		if (locale == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(SESSION_ATTRIBUTE);
			}
			return;
		}
		request.getSession().setAttribute(SESSION_ATTRIBUTE, LanguageTag.of(locale));
	}

	static LanguageTag fromBrowser(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return LanguageTag.EN;
		}
		for (Locale wanted : Collections.list(request.getLocales())) {
			if ("zh".equals(wanted.getLanguage())) {
				return LanguageTag.ZH_CN;
			}
			if ("en".equals(wanted.getLanguage())) {
				return LanguageTag.EN;
			}
		}
		return LanguageTag.EN;
	}

}
