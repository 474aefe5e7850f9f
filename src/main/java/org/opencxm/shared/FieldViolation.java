package org.opencxm.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One reason a request was refused: the field it concerns (a JSON path such as
 * {@code consents[1].channel}), the item index within a batch where there is one, and the
 * reason in plain words.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(@Nullable Integer index, String field, String reason) {

	public static FieldViolation of(String field, String reason) {
		return new FieldViolation(null, field, reason);
	}

	public FieldViolation atIndex(int index) {
		return new FieldViolation(index, this.field, this.reason);
	}

}
