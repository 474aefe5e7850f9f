package org.opencxm.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drop rule judges each slice on the last period complete in its unit's own time zone.
 */
class DropPeriodTests {

	/**
	 * Sunday 20:00 UTC: already Monday in Shanghai, still Sunday afternoon in New York.
	 */
	private static final Instant SUNDAY_EVENING_UTC = Instant.parse("2026-11-29T20:00:00Z");

	@Test
	void aWeekIsCompleteInShanghaiHoursBeforeItIsInNewYork() {
		assertThat(lastWeek("Asia/Shanghai")).isEqualTo(LocalDate.parse("2026-11-23"));
		assertThat(lastWeek("America/New_York")).isEqualTo(LocalDate.parse("2026-11-16"));
	}

	@Test
	void aMonthIsCompleteOnTheFirstDayOfTheNextInTheUnitsZone() {
		Instant firstOfDecemberInShanghai = Instant.parse("2026-11-30T17:00:00Z");
		assertThat(DropAlerts.lastCompletePeriod(DropCondition.Period.MONTH,
				LocalDate.ofInstant(firstOfDecemberInShanghai, ZoneId.of("Asia/Shanghai"))))
			.isEqualTo(LocalDate.parse("2026-11-01"));
		assertThat(DropAlerts.lastCompletePeriod(DropCondition.Period.MONTH,
				LocalDate.ofInstant(firstOfDecemberInShanghai, ZoneId.of("Europe/London"))))
			.isEqualTo(LocalDate.parse("2026-10-01"));
	}

	private static LocalDate lastWeek(String zone) {
		return DropAlerts.lastCompletePeriod(DropCondition.Period.WEEK,
				LocalDate.ofInstant(SUNDAY_EVENING_UTC, ZoneId.of(zone)));
	}

}
