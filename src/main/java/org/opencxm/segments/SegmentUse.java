package org.opencxm.segments;

import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.LocalizedText;

/**
 * One record that uses a segment: where it is, as a field path of the API
 * ({@code alertRules[vip-detractors].limits.segments}), why that keeps the segment, and
 * its code and name for the console.
 */
public record SegmentUse(String field, String reason, String code, LocalizedText name) {

	FieldViolation violation() {
		return FieldViolation.of(this.field, this.reason);
	}

}
