package org.opencxm.console;

import org.jspecify.annotations.Nullable;
import org.opencxm.segments.Segment;
import org.opencxm.shared.LocalizedText;

/**
 * The segment form: names, and the rule as JSON text (see docs/api/segments.md), which
 * the segments service reads and checks.
 */
record SegmentForm(@Nullable String code, @Nullable String nameZh, @Nullable String nameEn,
		@Nullable String descriptionZh, @Nullable String descriptionEn, @Nullable String rule) {

	static final String STARTER = """
			{"all": [
			  {"field": "valueTier", "in": ["VIP", "HIGH"]}
			]}""";

	static SegmentForm empty() {
		return new SegmentForm(null, null, null, null, null, STARTER);
	}

	static SegmentForm of(Segment segment, String rule) {
		LocalizedText description = segment.description();
		return new SegmentForm(segment.code(), segment.name().zh(), segment.name().en(),
				(description != null) ? description.zh() : null, (description != null) ? description.en() : null, rule);
	}

}
