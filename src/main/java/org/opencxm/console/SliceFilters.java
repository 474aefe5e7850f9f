package org.opencxm.console;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The filters of a dashboard besides its period and org unit, as the URL names them (the
 * analytics API's dimension codes): a journey stage ({@code journey/stage}), a
 * touchpoint, and the customer segment held in the aggregates (lifecycle class, value
 * tier, age band). Only these names are taken from a request; blank values are no filter.
 */
record SliceFilters(Map<String, String> values) {

	static final List<String> NAMES = List.of("stage", "touchpoint", "lifecycle-class", "value-tier", "age-band");

	/** The customer segment: the customer dimensions the aggregates are summed by. */
	static final List<String> CUSTOMER = List.of("lifecycle-class", "value-tier", "age-band");

	static final SliceFilters NONE = new SliceFilters(Map.of());

	SliceFilters {
		// In the order of NAMES, as links repeat them.
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	static SliceFilters of(Map<String, String> parameters) {
		return of(parameters, NAMES);
	}

	/** The customer-segment filters of a request only. */
	static SliceFilters customer(Map<String, String> parameters) {
		return of(parameters, CUSTOMER);
	}

	private static SliceFilters of(Map<String, String> parameters, List<String> names) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : names) {
			String value = parameters.get(name);
			if (value != null && !value.isBlank()) {
				values.put(name, value.strip());
			}
		}
		return new SliceFilters(values);
	}

	/**
	 * The value of a filter, or "" where it is not set (what a form's select compares).
	 */
	public String get(String name) {
		return this.values.getOrDefault(name, "");
	}

	public boolean any() {
		return !this.values.isEmpty();
	}

	/** The filters of the analytics queries: these and the org unit, if any. */
	Map<String, String> with(@Nullable String unit) {
		Map<String, String> all = new LinkedHashMap<>(this.values);
		if (unit != null) {
			all.put("unit", unit);
		}
		return all;
	}

}
