package org.opencxm.actions;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BusinessCalendarTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final List<OpeningHours> OFFICE = List.of(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(12, 0)),
			new OpeningHours(LocalTime.of(13, 0), LocalTime.of(18, 0)));

	private static final Map<DayOfWeek, List<OpeningHours>> WEEKDAYS = Map.of(DayOfWeek.MONDAY, OFFICE,
			DayOfWeek.TUESDAY, OFFICE, DayOfWeek.WEDNESDAY, OFFICE, DayOfWeek.THURSDAY, OFFICE, DayOfWeek.FRIDAY,
			OFFICE);

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}

	@Test
	void alwaysOpenCountsEveryMinute() {
		Instant start = at("2026-05-01T23:30:00");
		assertThat(BusinessCalendar.always(SHANGHAI).plus(start, Duration.ofHours(2)))
			.isEqualTo(start.plus(Duration.ofHours(2)));
	}

	@Test
	void timeWithinAWindowEndsInThatWindow() {
		BusinessCalendar calendar = BusinessCalendar.of(SHANGHAI, WEEKDAYS, Set.of());
		assertThat(calendar.plus(at("2026-03-02T09:30:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-02T11:30:00"));
	}

	@Test
	void lunchBreaksNightsAndWeekendsDoNotCount() {
		BusinessCalendar calendar = BusinessCalendar.of(SHANGHAI, WEEKDAYS, Set.of());
		assertThat(calendar.plus(at("2026-03-02T11:00:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-02T14:00:00"));
		assertThat(calendar.plus(at("2026-03-06T17:00:00"), Duration.ofHours(2)))
			.as("Friday 17:00 plus two hours is Monday 10:00")
			.isEqualTo(at("2026-03-09T10:00:00"));
		assertThat(calendar.plus(at("2026-03-07T20:00:00"), Duration.ofMinutes(30)))
			.isEqualTo(at("2026-03-09T09:30:00"));
	}

	@Test
	void holidaysAreSkipped() {
		BusinessCalendar calendar = BusinessCalendar.of(SHANGHAI, WEEKDAYS,
				Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02")));
		assertThat(calendar.plus(at("2026-09-30T17:00:00"), Duration.ofHours(9)))
			.as("one hour on the 30th, then the holidays and the weekend, eight hours on Monday the 5th")
			.isEqualTo(at("2026-10-05T18:00:00"));
	}

	@Test
	void aWindowEndingExactlyWhenTimeRunsOutIsUsedUp() {
		BusinessCalendar calendar = BusinessCalendar.of(SHANGHAI, WEEKDAYS, Set.of());
		assertThat(calendar.plus(at("2026-03-02T09:00:00"), Duration.ofHours(3))).isEqualTo(at("2026-03-02T12:00:00"));
	}

	@Test
	void aCalendarWithoutHoursNeverEndsAndSaysSo() {
		BusinessCalendar calendar = BusinessCalendar.of(SHANGHAI, Map.of(), Set.of());
		assertThatIllegalStateException()
			.isThrownBy(() -> calendar.plus(at("2026-03-02T09:00:00"), Duration.ofHours(1)));
	}

}
