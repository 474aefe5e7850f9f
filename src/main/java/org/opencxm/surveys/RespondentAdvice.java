package org.opencxm.surveys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Whatever goes wrong on a respondent page, the customer sees a friendly page in their
 * language, never a problem document or a stack trace.
 */
@ControllerAdvice(assignableTypes = RespondentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RespondentAdvice {

	private static final Logger log = LoggerFactory.getLogger(RespondentAdvice.class);

	private final RespondentController pages;

	RespondentAdvice(RespondentController pages) {
		this.pages = pages;
	}

	@ExceptionHandler
	String failed(Exception ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		log.error("Error on a respondent page", ex);
		response.setStatus(500);
		return this.pages.unavailablePage("ERROR",
				RespondentController.language(request.getParameter("lang"), null, request), model);
	}

}
