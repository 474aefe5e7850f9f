package org.opencxm.segments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;

/**
 * A segment as the API shows it: its name and the rule that decides who belongs.
 */
public record Segment(long id, String code, LocalizedText name, @Nullable LocalizedText description, SegmentRule rule,
		Instant createdAt, Instant updatedAt) {

	public SegmentRef ref() {
		return new SegmentRef(this.id, this.code, this.name);
	}

}
