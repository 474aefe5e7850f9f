package org.opencxm.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The age group of a customer, for segments and breakdowns. Only the birth year is known,
 * so the age is the one the customer reaches during the year of the given date.
 */
public enum AgeBand {

	UNDER_18(null, 17), A18_24(18, 24), A25_34(25, 34), A35_44(35, 44), A45_54(45, 54), A55_64(55, 64),
	A65_PLUS(65, null), UNKNOWN(null, null);

	private final @Nullable Integer from;

	private final @Nullable Integer to;

	AgeBand(@Nullable Integer from, @Nullable Integer to) {
		this.from = from;
		this.to = to;
	}

	/** The lowest age in the band, {@code null} where it is open or unknown. */
	public @Nullable Integer from() {
		return this.from;
	}

	/** The highest age in the band, {@code null} where it is open or unknown. */
	public @Nullable Integer to() {
		return this.to;
	}

	/**
	 * The band of a customer born in the given year, as of the given date; a missing
	 * birth year or one after that date gives {@link #UNKNOWN}.
	 */
	public static AgeBand of(@Nullable Integer birthYear, LocalDate today) {
		if (birthYear == null || birthYear > today.getYear()) {
			return UNKNOWN;
		}
		int age = today.getYear() - birthYear;
		for (AgeBand band : values()) {
			if (band != UNKNOWN && (band.from == null || age >= band.from) && (band.to == null || age <= band.to)) {
				return band;
			}
		}
		return UNKNOWN;
	}

}
