package org.opencxm.evaluation;

/**
 * One attribute's pair of gap items: what the customer expected and what they perceived,
 * both on the 1–7 scale.
 */
public record ExpectationItem(String attribute, double expected, double perceived) {

	public ExpectationItem {
		if (attribute.isBlank()) {
			throw new IllegalArgumentException("an expectation item needs an attribute");
		}
		AgreementScale.check(expected, "expected " + attribute);
		AgreementScale.check(perceived, "perceived " + attribute);
	}

	/** Perceived minus expected: positive where the experience beat the expectation. */
	public double gap() {
		return this.perceived - this.expected;
	}

}
