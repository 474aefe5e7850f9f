package org.opencxm.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path that no controller or static file answers: a browser gets the console's 404
 * page, any other client (and everything under {@code /api}) the same problem detail the
 * API gives.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingPages {

	private final ShellInterceptor shell;

	MissingPages(ShellInterceptor shell) {
		this.shell = shell;
	}

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	Object missing(ErrorResponse ex, HttpServletRequest request) {
		if (wantsPage(request)) {
			this.shell.ensureShell(request);
			return ConsoleErrors.page(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.status(ex.getStatusCode())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ex.getBody());
	}

	private static boolean wantsPage(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
			return false;
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

}
