package org.opencxm.customers;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;

import org.springframework.stereotype.Component;

/**
 * Decides which lifecycle class codes a customer may carry. The classes will be
 * configured per journey (for real estate: prospect, contracted, run-in, stable); until
 * that configuration exists any well-formed code is accepted, and this is the one place
 * that will ask it.
 */
@Component
class LifecycleClasses {

	private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile(Codes.PATTERN);

	/**
	 * Why the code is not acceptable, or {@code null} if it is.
	 */
	@Nullable String problem(String code) {
		return FORM.matcher(code).matches() ? null : Codes.MESSAGE;
	}

}
