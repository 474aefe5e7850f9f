package org.opencxm.console;

import java.beans.PropertyEditorSupport;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A browser sends an empty string for every empty field; console forms read a blank field
 * as "no value", so that optional fields are {@code null} and required ones fail as
 * missing. Values are not trimmed: a password may end with a space.
 */
@ControllerAdvice(basePackageClasses = FormBinding.class)
class FormBinding {

	@InitBinder
	void blankAsMissing(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new BlankAsNull());
	}

	private static final class BlankAsNull extends PropertyEditorSupport {

		@Override
		public void setAsText(@Nullable String text) {
			setValue((text == null || text.isBlank()) ? null : text);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value != null) ? value.toString() : "";
		}

	}

}
