package org.opencxm.actions;

import org.junit.jupiter.api.Test;
import org.opencxm.customers.ValueTier;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityTests {

	@Test
	void severityGivesThePriorityForOrdinaryCustomers() {
		assertThat(Priority.of(Severity.CRITICAL, null)).isEqualTo(Priority.P1);
		assertThat(Priority.of(Severity.HIGH, ValueTier.LOW)).isEqualTo(Priority.P2);
		assertThat(Priority.of(Severity.MEDIUM, ValueTier.MEDIUM)).isEqualTo(Priority.P3);
		assertThat(Priority.of(Severity.LOW, null)).isEqualTo(Priority.P4);
	}

	@Test
	void valuableCustomersAreServedSoonerButNeverAboveP1() {
		assertThat(Priority.of(Severity.LOW, ValueTier.VIP)).isEqualTo(Priority.P2);
		assertThat(Priority.of(Severity.LOW, ValueTier.HIGH)).isEqualTo(Priority.P3);
		assertThat(Priority.of(Severity.MEDIUM, ValueTier.VIP)).isEqualTo(Priority.P1);
		assertThat(Priority.of(Severity.HIGH, ValueTier.HIGH)).isEqualTo(Priority.P1);
		assertThat(Priority.of(Severity.CRITICAL, ValueTier.VIP)).isEqualTo(Priority.P1);
	}

	@Test
	void backoffDoublesUpToItsCap() {
		java.time.Duration first = java.time.Duration.ofSeconds(30);
		java.time.Duration cap = java.time.Duration.ofMinutes(5);
		assertThat(ActionsProperties.backoff(first, 1, cap)).isEqualTo(first);
		assertThat(ActionsProperties.backoff(first, 3, cap)).isEqualTo(java.time.Duration.ofMinutes(2));
		assertThat(ActionsProperties.backoff(first, 10, cap)).isEqualTo(cap);
	}

}
