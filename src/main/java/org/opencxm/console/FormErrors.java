package org.opencxm.console;

import java.util.Locale;
import java.util.Map;

import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.BindingResult;

/**
 * Puts the violations a service reports onto the form that caused them, so they show next
 * to their field. A reason is translated by the message {@code violation.<reason as a
 * slug>} (e.g. {@code violation.no-org-unit-has-this-code}); a reason without a
 * translation is shown as the service wrote it.
 */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult form, InvalidInputException ex) {
		reject(form, ex, Map.of());
	}

	/**
	 * @param renamed service field names that have another name on the form
	 */
	static void reject(BindingResult form, InvalidInputException ex, Map<String, String> renamed) {
		Object target = form.getTarget();
		for (FieldViolation violation : ex.violations()) {
			String field = renamed.getOrDefault(violation.field(), violation.field());
			String code = messageKey(violation.reason());
			if (target != null && PropertyAccessorFactory.forBeanPropertyAccess(target).isReadableProperty(field)) {
				form.rejectValue(field, code, violation.reason());
			}
			else {
				form.reject(code, violation.field() + ": " + violation.reason());
			}
		}
	}

	static String messageKey(String reason) {
		String slug = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return "violation." + slug;
	}

}
