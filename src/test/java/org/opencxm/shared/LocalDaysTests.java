package org.opencxm.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDaysTests {

	@Test
	void theNewestDayIsTodayInEveryTimeZone() {
		Instant evening = Instant.parse("2026-11-24T16:08:00Z");
		Clock clock = Clock.fixed(evening, ZoneOffset.UTC);
		assertThat(LocalDays.newest(clock)).isEqualTo(LocalDate.of(2026, 11, 25));
		for (String zone : ZoneId.getAvailableZoneIds()) {
			for (int hour = 0; hour < 24; hour++) {
				Instant at = evening.plusSeconds(hour * 3600L);
				assertThat(LocalDays.newest(Clock.fixed(at, ZoneOffset.UTC)))
					.isAfterOrEqualTo(at.atZone(ZoneId.of(zone)).toLocalDate());
			}
		}
	}

}
