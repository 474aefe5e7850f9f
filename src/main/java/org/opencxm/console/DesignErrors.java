package org.opencxm.console;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Checks a request of the surveys module against the constraints it declares (the ones
 * its HTTP API checks before the service runs) and puts them, and the violations its
 * services report, next to the fields of a design form.
 */
@Component
class DesignErrors {

	private final Validator validator;

	DesignErrors(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Puts the request's constraint violations on the form.
	 * @return whether there were any
	 */
	<T> boolean validate(T request, BindingResult form, UnaryOperator<String> field) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(request);
		for (ConstraintViolation<T> violation : violations) {
			reject(form, field.apply(violation.getPropertyPath().toString()),
					code(violation.getConstraintDescriptor().getAnnotation()), violation.getMessage());
		}
		return !violations.isEmpty();
	}

	/**
	 * The checks the API runs before the survey service: the constraints of the request,
	 * and whole-number fields the form could not read.
	 * @return whether the survey form may go to the service
	 */
	boolean check(SurveyForm form, BindingResult binding) {
		if (binding.hasErrors()) {
			return false;
		}
		List<QuestionForm> questions = form.getQuestions();
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).missingRange()) {
				binding.rejectValue("questions[" + i + "].max", "validation.required");
			}
		}
		boolean invalid = validate(form.request(), binding, SurveyForm::field);
		return !invalid && !binding.hasErrors();
	}

	/** Puts the violations a service reported on the form. */
	static void reject(BindingResult form, InvalidInputException ex, UnaryOperator<String> field) {
		List<FieldViolation> renamed = new ArrayList<>();
		for (FieldViolation violation : ex.violations()) {
			renamed.add(FieldViolation.of(field.apply(violation.field()), violation.reason()));
		}
		FormErrors.reject(form, new InvalidInputException(renamed));
	}

	private static void reject(BindingResult form, String field, String code, String message) {
		Object target = form.getTarget();
		if (target != null && PropertyAccessorFactory.forBeanPropertyAccess(target).isReadableProperty(field)) {
			if (form.getFieldErrorCount(field) == 0) {
				form.rejectValue(field, code, message);
			}
		}
		else {
			form.reject(code, field + ": " + message);
		}
	}

	/**
	 * The message of a constraint in the user's language: the validator's own message is
	 * in the server's language, so the kind of constraint picks the console's message.
	 */
	private static String code(Annotation constraint) {
		return switch (constraint) {
			case Pattern pattern when pattern.regexp().contains(":") -> "validation.time";
			case Pattern pattern -> "validation.code";
			case Size size -> "validation.tooLong";
			case Min min -> "validation.range";
			case Max max -> "validation.range";
			case DecimalMin min -> "validation.range";
			case DecimalMax max -> "validation.range";
			default -> "validation.required";
		};
	}

}
