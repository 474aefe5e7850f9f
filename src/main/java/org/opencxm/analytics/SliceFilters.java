package org.opencxm.analytics;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The filters of a slice that an analytics request names, bound from its query parameters
 * (the dimension codes).
 */
record SliceFilters(@Nullable String touchpoint, @Nullable String stage, @Nullable String unit,
		@Nullable String channel,
		@BindParam("lifecycle-class") @Parameter(name = "lifecycle-class") @Nullable String lifecycleClass,
		@BindParam("value-tier") @Parameter(name = "value-tier") @Nullable String valueTier,
		@BindParam("age-band") @Parameter(name = "age-band") @Nullable String ageBand, @Nullable String survey) {

	/** The filters set, by dimension code. */
	Map<String, String> filters() {
		Map<String, String> filters = new LinkedHashMap<>();
		put(filters, "touchpoint", this.touchpoint);
		put(filters, "stage", this.stage);
		put(filters, "unit", this.unit);
		put(filters, "channel", this.channel);
		put(filters, "lifecycle-class", this.lifecycleClass);
		put(filters, "value-tier", this.valueTier);
		put(filters, "age-band", this.ageBand);
		put(filters, "survey", this.survey);
		return filters;
	}

	private static void put(Map<String, String> filters, String key, @Nullable String value) {
		if (value != null) {
			filters.put(key, value);
		}
	}

}
