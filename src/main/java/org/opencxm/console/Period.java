package org.opencxm.console;

import java.time.LocalDate;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The periods a dashboard can show, ending today, each with the grain its trend lines are
 * drawn in. Named in the URL by {@code code} ({@code ?period=90d}).
 */
enum Period {

	DAYS_7("7d", 7, "day"), DAYS_30("30d", 30, "day"), DAYS_90("90d", 90, "week"), DAYS_365("365d", 365, "month");

	static final Period DEFAULT = DAYS_90;

	private final String code;

	private final int days;

	private final String grain;

	Period(String code, int days, String grain) {
		this.code = code;
		this.days = days;
		this.grain = grain;
	}

	/** The period of a URL parameter; an unknown or missing one is the default. */
	static Period of(@Nullable String code) {
		return Arrays.stream(values()).filter((period) -> period.code.equals(code)).findFirst().orElse(DEFAULT);
	}

	public String code() {
		return this.code;
	}

	public String grain() {
		return this.grain;
	}

	int days() {
		return this.days;
	}

	LocalDate from(LocalDate to) {
		return to.minusDays(this.days - 1L);
	}

}
