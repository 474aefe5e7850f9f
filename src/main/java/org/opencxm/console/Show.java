package org.opencxm.console;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * How figures are written on pages, called from templates as {@code ${@show.…}}: NPS in
 * whole points, means with two decimals, shares as percentages, a dash for no data.
 */
@Component("show")
class Show {

	static final String NONE = "–";

	/**
	 * A metric's value: NPS −100..100, a mean, or a share 0..1 for codes ending in "box".
	 */
	public String value(String metric, @Nullable Double value) {
		if (value == null || value.isNaN()) {
			return NONE;
		}
		return switch (metric) {
			case "nps" -> String.format(Locale.ROOT, "%.0f", value);
			case "csat-top-two-box" -> percent(value);
			default -> String.format(Locale.ROOT, "%.2f", value);
		};
	}

	/** A difference, with its sign. */
	public String difference(String metric, @Nullable Double value) {
		if (value == null || value.isNaN()) {
			return NONE;
		}
		String written = switch (metric) {
			case "nps" -> String.format(Locale.ROOT, "%.1f", value);
			case "csat-top-two-box" -> String.format(Locale.ROOT, "%.1f pp", 100 * value);
			default -> String.format(Locale.ROOT, "%.2f", value);
		};
		return (value > 0) ? "+" + written : written.replace('-', '−');
	}

	public String percent(@Nullable Double share) {
		if (share == null || share.isNaN()) {
			return NONE;
		}
		return String.format(Locale.ROOT, "%.0f%%", 100 * share);
	}

	public String decimal(@Nullable Double value, int digits) {
		if (value == null || value.isNaN()) {
			return NONE;
		}
		return String.format(Locale.ROOT, "%." + digits + "f", value);
	}

	/** An instant as local date and time in the zone, {@code yyyy-MM-dd HH:mm}. */
	public String time(@Nullable Instant instant, ZoneId zone) {
		String written = DisplayTime.format(instant, zone);
		return (written != null) ? written : NONE;
	}

	public String pValue(double p) {
		return (p < 0.001) ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
	}

}
