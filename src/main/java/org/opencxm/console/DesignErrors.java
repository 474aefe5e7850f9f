package org.opencxm.console;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Errors of the design forms. The forms build the request a module's API takes and let
 * the module judge it: first the constraints declared on the request record (what the API
 * checks before its service), then the service itself. Both answer with field paths of
 * the request ({@code stages[1].name.en}, {@code questions[2].text.en}), which become the
 * form's fields.
 */
@Component
class DesignErrors {

	private final Validator validator;

	DesignErrors(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Puts the request's constraint violations on the form, each at the form field that
	 * {@code field} names for its path.
	 * @return whether there were any
	 */
	boolean validate(Object request, BindingResult form, UnaryOperator<String> field) {
		List<FieldViolation> violations = constraints(this.validator, request);
		reject(form, violations, field);
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

	/**
	 * The constraints the request record declares that it breaks, with reasons that do
	 * not depend on the server's locale, so that they translate as
	 * {@code violation.<reason>}.
	 */
	static List<FieldViolation> constraints(Validator validator, Object request) {
		List<FieldViolation> violations = new ArrayList<>();
		for (ConstraintViolation<Object> violation : validator.validate(request)) {
			Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
			String reason = switch (constraint) {
				case NotNull notNull -> "must not be null";
				case NotBlank notBlank -> "must not be null";
				case NotEmpty notEmpty -> "must not be null";
				case Pattern pattern -> violation.getMessage();
				case Size size when violation.getInvalidValue() instanceof Collection<?> ->
					"has too few or too many entries";
				case Size size -> "has a length out of range";
				case Positive positive -> "is too small";
				case Min min -> "is too small";
				case DecimalMin min -> "is too small";
				case Max max -> "is too large";
				case DecimalMax max -> "is too large";
				default -> violation.getMessage();
			};
			violations.add(FieldViolation.of(violation.getPropertyPath().toString(), reason));
		}
		return violations;
	}

	/**
	 * Puts violations with request paths on the form, each renamed by {@link #formField}
	 * and then by {@code renamed}.
	 */
	static void reject(BindingResult form, List<FieldViolation> violations, UnaryOperator<String> renamed) {
		List<FieldViolation> mapped = new ArrayList<>();
		Set<String> fields = new HashSet<>();
		for (FieldViolation violation : violations) {
			String field = renamed.apply(formField(violation.field()));
			// One message a field: a value can break several constraints at once.
			if (fields.add(field) && form.getFieldErrorCount(field) == 0) {
				mapped.add(FieldViolation.of(field, violation.reason()));
			}
		}
		if (!mapped.isEmpty()) {
			FormErrors.reject(form, new InvalidInputException(mapped));
		}
	}

	static void reject(BindingResult form, List<FieldViolation> violations) {
		reject(form, violations, UnaryOperator.identity());
	}

	/**
	 * Puts violations on the form; those inside a JSON field ({@code rule.all[0].unit})
	 * go to that field with their path, the others to their own fields.
	 */
	static void rejectNested(BindingResult form, List<FieldViolation> violations, String jsonField) {
		rejectNested(form, violations, jsonField, jsonField);
	}

	/**
	 * As {@link #rejectNested(BindingResult, List, String)}, for a JSON value that the
	 * form holds in a field of another name.
	 */
	static void rejectNested(BindingResult form, List<FieldViolation> violations, String jsonField, String formField) {
		List<FieldViolation> others = new ArrayList<>();
		for (FieldViolation violation : violations) {
			String path = violation.field();
			if (path.equals(jsonField)) {
				form.rejectValue(formField, FormErrors.messageKey(violation.reason()), violation.reason());
			}
			else if (path.startsWith(jsonField + ".") || path.startsWith(jsonField + "[")) {
				MessageSourceResolvable at = at(violation);
				form.rejectValue(formField, "design.rule.at", at.getArguments(), at.getDefaultMessage());
			}
			else {
				others.add(violation);
			}
		}
		if (!others.isEmpty()) {
			reject(form, others);
		}
	}

	/**
	 * A violation inside a JSON value as a message: its path, then its reason in the
	 * user's language where there is a translation.
	 */
	static MessageSourceResolvable at(FieldViolation violation) {
		MessageSourceResolvable reason = new DefaultMessageSourceResolvable(
				new String[] { FormErrors.messageKey(violation.reason()) }, violation.reason());
		return new DefaultMessageSourceResolvable(new String[] { "design.rule.at" },
				new Object[] { violation.field(), reason }, violation.field() + ": " + violation.reason());
	}

	/**
	 * A path of a request as the field of a form: the two languages of a text are two
	 * fields ({@code name.zh} is {@code nameZh}); a missing text is reported at its
	 * Chinese field.
	 */
	static String formField(String path) {
		String field = path.replaceAll("(name|description)\\.zh$", "$1Zh")
			.replaceAll("(name|description)\\.en$", "$1En");
		return field.replaceAll("(^|\\.)(name)$", "$1$2Zh");
	}

}
