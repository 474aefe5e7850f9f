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

	/** A difference, with its sign; one that rounds to zero has none. */
	public String difference(String metric, @Nullable Double value) {
		if (value == null || value.isNaN()) {
			return NONE;
		}
		double shown = rounded(metric, value);
		String written = switch (metric) {
			case "nps" -> String.format(Locale.ROOT, "%.1f", shown);
			case "csat-top-two-box" -> String.format(Locale.ROOT, "%.1f pp", 100 * shown);
			default -> String.format(Locale.ROOT, "%.2f", shown);
		};
		if (shown == 0) {
			return written.replace("-", "");
		}
		return (shown > 0) ? "+" + written : written.replace('-', '−');
	}

	/**
	 * Which way a difference points as written: {@code up}, {@code down} or {@code flat}.
	 */
	public String direction(String metric, @Nullable Double value) {
		if (value == null || value.isNaN() || rounded(metric, value) == 0) {
			return "flat";
		}
		return (value > 0) ? "up" : "down";
	}

	private static double rounded(String metric, double value) {
		double scale = switch (metric) {
			case "nps" -> 10;
			case "csat-top-two-box" -> 1000;
			default -> 100;
		};
		return Math.round(value * scale) / scale;
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

	/** A difference with its sign, {@code +0.40} or {@code -1.25}. */
	public String signed(@Nullable Double value, int digits) {
		if (value == null || value.isNaN()) {
			return NONE;
		}
		return String.format(Locale.ROOT, "%+." + digits + "f", value);
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
