package org.opencxm.customers;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgeBandTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

	@Test
	void countsTheAgeReachedInTheYearOfTheDate() {
		assertThat(AgeBand.of(2008, TODAY)).isEqualTo(AgeBand.A18_24);
		assertThat(AgeBand.of(2009, TODAY)).isEqualTo(AgeBand.UNDER_18);
		assertThat(AgeBand.of(2008, LocalDate.of(2026, 1, 1))).isEqualTo(AgeBand.A18_24);
		assertThat(AgeBand.of(2008, LocalDate.of(2025, 12, 31))).isEqualTo(AgeBand.UNDER_18);
	}

	@Test
	void placesEveryBoundaryInTheRightBand() {
		assertThat(AgeBand.of(2002, TODAY)).isEqualTo(AgeBand.A18_24);
		assertThat(AgeBand.of(2001, TODAY)).isEqualTo(AgeBand.A25_34);
		assertThat(AgeBand.of(1992, TODAY)).isEqualTo(AgeBand.A25_34);
		assertThat(AgeBand.of(1991, TODAY)).isEqualTo(AgeBand.A35_44);
		assertThat(AgeBand.of(1982, TODAY)).isEqualTo(AgeBand.A35_44);
		assertThat(AgeBand.of(1981, TODAY)).isEqualTo(AgeBand.A45_54);
		assertThat(AgeBand.of(1972, TODAY)).isEqualTo(AgeBand.A45_54);
		assertThat(AgeBand.of(1971, TODAY)).isEqualTo(AgeBand.A55_64);
		assertThat(AgeBand.of(1962, TODAY)).isEqualTo(AgeBand.A55_64);
		assertThat(AgeBand.of(1961, TODAY)).isEqualTo(AgeBand.A65_PLUS);
		assertThat(AgeBand.of(1900, TODAY)).isEqualTo(AgeBand.A65_PLUS);
	}

	@Test
	void newbornsAreUnderEighteen() {
		assertThat(AgeBand.of(2026, TODAY)).isEqualTo(AgeBand.UNDER_18);
	}

	@Test
	void isUnknownWithoutABirthYearOrWithOneInTheFuture() {
		assertThat(AgeBand.of(null, TODAY)).isEqualTo(AgeBand.UNKNOWN);
		assertThat(AgeBand.of(2027, TODAY)).isEqualTo(AgeBand.UNKNOWN);
	}

	@Test
	void bandsTellTheirAgeRange() {
		assertThat(AgeBand.A25_34.from()).isEqualTo(25);
		assertThat(AgeBand.A25_34.to()).isEqualTo(34);
		assertThat(AgeBand.UNDER_18.from()).isNull();
		assertThat(AgeBand.A65_PLUS.to()).isNull();
	}

}
