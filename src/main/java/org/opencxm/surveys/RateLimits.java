package org.opencxm.surveys;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opencxm.shared.LanguageTag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Limits the anonymous respondent pages per client address and per link with token
 * buckets held in memory (each node limits on its own, which is enough to stop a script
 * from filling a survey). Over the limit the client gets 429 with a short page in its
 * language and {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimits extends OncePerRequestFilter {

	private static final int MAX_BUCKETS = 100_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final int perAddress;

	private final int perLink;

	private final Clock clock;

	private final MessageSource messages;

	// Plain values rather than SurveyProperties: filters are made before the rest of the
	// application, and binding the properties that early would freeze them too soon.
	RateLimits(@Value("${opencxm.surveys.rate-limit.per-address:120}") int perAddress,
			@Value("${opencxm.surveys.rate-limit.per-link:60}") int perLink, Clock clock, MessageSource messages) {
		this.perAddress = perAddress;
		this.perLink = perLink;
		this.clock = clock;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return !(uri.startsWith("/s/") || uri.startsWith("/p/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI();
		int end = uri.indexOf('/', 3);
		String link = (end > 0) ? uri.substring(0, end) : uri;
		long now = this.clock.millis();
		if (!take("a:" + request.getRemoteAddr(), this.perAddress, now) || !take("l:" + link, this.perLink, now)) {
			LanguageTag language = LanguageTag
				.of((request.getHeader("Accept-Language") != null) ? request.getLocale() : null);
			String title = this.messages.getMessage("survey.unavailable.title", null, "", language.locale());
			String body = this.messages.getMessage("survey.unavailable.BUSY", null, "", language.locale());
			response.setStatus(429);
			response.setHeader("Retry-After", "60");
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"" + language.tag()
						+ "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>"
						+ HtmlUtils.htmlEscape(title)
						+ "</title></head><body style=\"font:17px/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#1f2937\"><h1>"
						+ HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(body) + "</p></body></html>");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean take(String key, int perMinute, long now) {
		if (this.buckets.size() > MAX_BUCKETS) {
			// A flood of new addresses: forget old buckets rather than grow without
			// bound.
			this.buckets.clear();
		}
		return this.buckets.computeIfAbsent(key, (k) -> new Bucket(perMinute, now)).take(now);
	}

	/**
	 * A token bucket refilled at {@code perMinute} tokens a minute, holding at most that
	 * many.
	 */
	private static final class Bucket {

		private final double capacity;

		private final double perMilli;

		private double tokens;

		private long at;

		Bucket(int perMinute, long now) {
			this.capacity = perMinute;
			this.perMilli = perMinute / 60_000.0;
			this.tokens = perMinute;
			this.at = now;
		}

		synchronized boolean take(long now) {
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMilli);
			this.at = now;
			if (this.tokens < 1) {
				return false;
			}
			this.tokens -= 1;
			return true;
		}

	}

}
