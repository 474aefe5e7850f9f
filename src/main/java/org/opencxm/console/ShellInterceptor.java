package org.opencxm.console;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opencxm.org.Caller;
import org.opencxm.org.OrgScope;
import org.opencxm.org.UserAccount;
import org.opencxm.org.Users;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts the {@link Shell} on every page request, including error pages, so the layout can
 * draw the top bar whichever controller answered.
 */
@Component
class ShellInterceptor implements HandlerInterceptor {

	private final OrgScope scope;

	private final Users users;

	private final LocaleResolver locales;

	ShellInterceptor(OrgScope scope, Users users, LocaleResolver locales) {
		this.scope = scope;
		this.users = users;
		this.locales = locales;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		ensureShell(request);
		return true;
	}

	/**
	 * Also called for pages drawn for paths the interceptor skips (a missing static file
	 * opened in the browser).
	 */
	void ensureShell(HttpServletRequest request) {
		if (request.getAttribute(Shell.ATTRIBUTE) == null) {
			request.setAttribute(Shell.ATTRIBUTE, shell(request));
		}
	}

	private Shell shell(HttpServletRequest request) {
		LanguageTag language = LanguageTag.of(this.locales.resolveLocale(request));
		String path = currentPath(request);
		Caller caller = this.scope.currentOrNull();
		if (caller == null) {
			return new Shell(null, null, List.of(), language, path);
		}
		String displayName;
		try {
			UserAccount me = this.users.me();
			displayName = me.displayName();
		}
		catch (NotFoundException ex) {
			displayName = caller.username();
		}
		List<Section> sections = Arrays.stream(Section.values())
			.filter((section) -> caller.has(section.role()))
			.toList();
		return new Shell(displayName, caller.username(), sections, language, path);
	}

	private static String currentPath(HttpServletRequest request) {
		Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
		String path = (forwarded instanceof String uri) ? uri : request.getRequestURI();
		String context = request.getContextPath();
		if (!context.isEmpty() && path.startsWith(context)) {
			path = path.substring(context.length());
		}
		String query = (forwarded == null) ? request.getQueryString() : null;
		return (query != null) ? path + "?" + query : path;
	}

}
