package org.opencxm.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ProportionTests {

	@Test
	void givesTheWilsonInterval() {
		// 81 of 263: centre (p + z²/2n) / (1 + z²/n) = 0.31075, half-width 0.05546.
		Proportion proportion = new Proportion(81, 263);

		assertThat(proportion.share()).isCloseTo(81.0 / 263, within(1e-15));
		assertThat(proportion.interval().lower()).isCloseTo(0.2553, within(1e-4));
		assertThat(proportion.interval().upper()).isCloseTo(0.3662, within(1e-4));
	}

	@Test
	void keepsTheIntervalInsideZeroToOne() {
		ConfidenceInterval none = new Proportion(0, 12).interval();
		ConfidenceInterval all = new Proportion(12, 12).interval();

		assertThat(none.lower()).isZero();
		assertThat(none.upper()).isCloseTo(1.959964 * 1.959964 / (12 + 1.959964 * 1.959964), within(1e-6));
		assertThat(all.upper()).isEqualTo(1);
		assertThat(new Proportion(12, 12).smallSample()).isTrue();
	}

	@Test
	void countsAndMerges() {
		Proportion proportion = Proportion.EMPTY.with(true).with(false).with(true);

		assertThat(proportion).isEqualTo(new Proportion(2, 3));
		assertThat(proportion.merge(new Proportion(1, 7))).isEqualTo(new Proportion(3, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new Proportion(4, 3));
	}

}
