package org.opencxm.surveys;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactRulesTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void samplingIsStableAndMatchesTheRate() {
		int in = 0;
		for (long customer = 1; customer <= 10_000; customer++) {
			boolean sampled = ContactRules.sampled(customer, 7, 0.2);
			assertThat(ContactRules.sampled(customer, 7, 0.2)).isEqualTo(sampled);
			in += sampled ? 1 : 0;
		}
		assertThat(in).isBetween(1800, 2200);
		assertThat(ContactRules.sampled(1, 7, 1.0)).isTrue();
		assertThat(ContactRules.sampled(1, 7, 0.0)).isFalse();
	}

	@Test
	void aDueTimeInsideQuietHoursMovesToTheirEnd() {
		Instant due = Instant.parse("2026-03-01T14:30:00Z");
		assertThat(ContactRules.afterQuietHours(due, SHANGHAI, LocalTime.of(21, 0), LocalTime.of(9, 0)))
			.isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
		Instant early = Instant.parse("2026-03-01T22:30:00Z");
		assertThat(ContactRules.afterQuietHours(early, SHANGHAI, LocalTime.of(21, 0), LocalTime.of(9, 0)))
			.isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
		Instant lunch = Instant.parse("2026-03-01T04:30:00Z");
		assertThat(ContactRules.afterQuietHours(lunch, SHANGHAI, LocalTime.of(12, 0), LocalTime.of(14, 0)))
			.isEqualTo(Instant.parse("2026-03-01T06:00:00Z"));
	}

	@Test
	void aDueTimeOutsideQuietHoursStays() {
		Instant due = Instant.parse("2026-03-01T03:00:00Z");
		assertThat(ContactRules.afterQuietHours(due, SHANGHAI, LocalTime.of(21, 0), LocalTime.of(9, 0))).isEqualTo(due);
		assertThat(ContactRules.afterQuietHours(due, SHANGHAI, null, null)).isEqualTo(due);
	}

}
