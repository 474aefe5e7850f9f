package org.opencxm.shared;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the HTTP API into an RFC 9457 problem detail. Validation problems
 * carry an {@code errors} list of {@link FieldViolation}s. No stack trace ever reaches a
 * client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<Object> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	@ExceptionHandler
	ResponseEntity<Object> conflict(ConflictException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		if (ex.current() != null) {
			body.setProperty("current", ex.current());
		}
		if (!ex.violations().isEmpty()) {
			body.setProperty("errors", ex.violations());
		}
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	@ExceptionHandler
	ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
		log.warn("A write clashed with a stored key: {}", ex.getMostSpecificCause().getMessage());
		return problem(HttpStatus.CONFLICT, "a record with the same key exists already", null);
	}

	@ExceptionHandler
	ResponseEntity<Object> stale(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "the record was changed by someone else; reload it and try again", null);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalid(InvalidInputException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "the request has invalid values", ex.violations());
	}

	@ExceptionHandler
	ResponseEntity<Object> tooLarge(PayloadTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage(), null);
	}

	@ExceptionHandler
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "a parameter has the wrong form",
				List.of(FieldViolation.of(ex.getName(), "cannot be read as " + typeName(ex.getRequiredType()))));
	}

	@ExceptionHandler
	ResponseEntity<Object> denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "your role does not allow this", null);
	}

	@ExceptionHandler
	ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
		return problem(HttpStatus.UNAUTHORIZED, "authentication is required", null);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unexpected error answering a request", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged", null);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(
					(error) -> violations.add(FieldViolation.of(error.getField(), message(error.getDefaultMessage()))));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> violations
				.add(FieldViolation.of(error.getObjectName(), message(error.getDefaultMessage()))));
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "the request has invalid values", violations);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> violations
					.add(FieldViolation.of((name != null) ? name : "parameter", message(error.getDefaultMessage()))));
		}
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "the request has invalid values", violations);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof PayloadTooLargeException tooLarge) {
				return tooLarge(tooLarge);
			}
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return problem(HttpStatus.BAD_REQUEST, "the request has a field that is not known",
					List.of(FieldViolation.of(path(unknown), "unknown field")));
		}
		if (cause instanceof InvalidFormatException format) {
			return problem(HttpStatus.BAD_REQUEST, "a field has the wrong form",
					List.of(FieldViolation.of(path(format), "cannot be read as " + typeName(format.getTargetType()))));
		}
		if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this resource",
					List.of(FieldViolation.of(path(json), "cannot be read here")));
		}
		return problem(HttpStatus.BAD_REQUEST, "the request body is missing or is not valid JSON", null);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && statusCode.is5xxServerError()) {
			log.error("Error answering a request", ex);
		}
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.putAll(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.handleExceptionInternal(ex, body, problemHeaders, statusCode, request);
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String typeName(@Nullable Class<?> type) {
		if (type == null) {
			return "the expected type";
		}
		if (type.isEnum()) {
			List<String> names = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				names.add(constant.toString());
			}
			return "one of " + names;
		}
		return type.getSimpleName();
	}

	private static String message(@Nullable String message) {
		return (message != null) ? message : "is invalid";
	}

	static ResponseEntity<Object> problem(HttpStatus status, @Nullable String detail,
			@Nullable List<FieldViolation> violations) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		if (violations != null && !violations.isEmpty()) {
			body.setProperty("errors", violations);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

}
