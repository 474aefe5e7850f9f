package org.opencxm.evaluation;

/**
 * The 1–7 agreement scale of SEM, gap, intensity and participation items. Answers given
 * on another scale are rescaled to it before they get here, so values may be fractional.
 */
final class AgreementScale {

	static final double MIN = 1;

	static final double MAX = 7;

	private AgreementScale() {
	}

	static double check(double value, String what) {
		if (!(value >= MIN && value <= MAX)) {
			throw new IllegalArgumentException(what + " is on the 1..7 scale, not " + value);
		}
		return value;
	}

	/** (x − 1) / 6 · 100: 1 is 0, 4 is 50, 7 is 100. */
	static double toHundred(double value) {
		return (value - MIN) / (MAX - MIN) * 100;
	}

}
