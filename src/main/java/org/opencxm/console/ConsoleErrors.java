package org.opencxm.console;

import org.opencxm.shared.ConflictException;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of console pages become friendly pages in the user's language, never a JSON
 * problem or a stack trace. Limited to the console's controllers and ordered before the
 * API's problem handler, which keeps answering everything else. Errors a form can explain
 * (validation, a taken code) are caught by the controller and shown next to the field;
 * what reaches this class is the rest.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

	static final String VIEW = "error";

	private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler
	ModelAndView denied(AccessDeniedException ex) {
		return page(HttpStatus.FORBIDDEN);
	}

	@ExceptionHandler
	ModelAndView conflict(ConflictException ex) {
		return page(HttpStatus.CONFLICT);
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidInputException ex) {
		return page(HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@ExceptionHandler
	ModelAndView badRequest(TypeMismatchException ex) {
		return page(HttpStatus.BAD_REQUEST);
	}

	/**
	 * Spring's own request errors (a missing parameter, a wrong method) carry their
	 * status; anything else is unexpected.
	 */
	@ExceptionHandler
	ModelAndView unexpected(Exception ex) {
		if (ex instanceof ErrorResponse refused) {
			HttpStatus status = HttpStatus.resolve(refused.getStatusCode().value());
			return page((status != null) ? status : HttpStatus.BAD_REQUEST);
		}
		log.error("Unexpected error answering a console page", ex);
		return page(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	static ModelAndView page(HttpStatus status) {
		ModelAndView page = new ModelAndView(VIEW, status);
		page.addObject("status", status.value());
		return page;
	}

}
