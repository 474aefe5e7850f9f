package org.opencxm.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opencxm.customers.AgeBand;
import org.opencxm.customers.CustomerRequest;
import org.opencxm.customers.ValueTier;
import org.opencxm.interactions.InteractionRequest;
import org.opencxm.org.StaffRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated demo population on its own, without a database.
 */
class DemoPopulationTests {

	private static final Instant NOW = Instant.parse("2026-03-15T04:00:00Z");

	private static final DemoCatalog CATALOG = DemoCatalog.load();

	// Generated once for all tests: it takes a moment.
	private static final List<DemoCustomer> CUSTOMERS = population(NOW).customers();

	private static final List<InteractionRequest> CONTACTS = DemoPopulation.contacts(CUSTOMERS);

	@Test
	void isTheSameEveryTime() {
		List<DemoCustomer> again = population(NOW).customers();
		assertThat(again).isEqualTo(CUSTOMERS);
		assertThat(population(NOW).staff()).isEqualTo(population(NOW).staff());
	}

	@Test
	void doesNotDependOnTheDayItIsLoadedForItsCounts() {
		List<DemoCustomer> later = population(NOW.plus(Duration.ofDays(123))).customers();
		assertThat(later).extracting((customer) -> customer.profile().externalId())
			.isEqualTo(CUSTOMERS.stream().map((customer) -> customer.profile().externalId()).toList());
		assertThat(DemoPopulation.contacts(later)).hasSameSizeAs(CONTACTS);
		assertThat(later.get(0).profile().name()).isEqualTo(CUSTOMERS.get(0).profile().name());
	}

	@Test
	void hasEnoughCustomersAndContactsForAShowcase() {
		assertThat(CUSTOMERS).hasSizeGreaterThanOrEqualTo(2000);
		assertThat(CONTACTS).hasSizeGreaterThanOrEqualTo(50_000);
		assertThat(CUSTOMERS).allSatisfy((customer) -> assertThat(customer.contacts()).isNotEmpty());
		Set<String> ids = new HashSet<>();
		CONTACTS.forEach((contact) -> assertThat(ids.add(contact.eventId())).isTrue());
		assertThat(CONTACTS).allSatisfy((contact) -> assertThat(contact.eventId()).startsWith("demo-"));
	}

	@Test
	void placesEveryContactInThePastYear() {
		assertThat(CONTACTS).allSatisfy(
				(contact) -> assertThat(contact.occurredAt()).isBefore(NOW).isAfter(NOW.minus(Duration.ofDays(367))));
	}

	@Test
	void refersOnlyToTouchpointsUnitsAndStaffOfTheCatalogue() {
		Set<String> touchpoints = CATALOG.stageOfTouchpoint().keySet();
		Set<String> units = CATALOG.allUnits().stream().map(DemoCatalog.Unit::code).collect(Collectors.toSet());
		Set<String> staff = population(NOW).staff().stream().map(StaffRequest::code).collect(Collectors.toSet());
		assertThat(CONTACTS).allSatisfy((contact) -> {
			assertThat(touchpoints).contains(contact.touchpoint());
			if (contact.unit() != null) {
				assertThat(units).contains(contact.unit());
			}
			if (contact.staff() != null) {
				assertThat(staff).contains(contact.staff());
			}
		});
		assertThat(CUSTOMERS).allSatisfy((customer) -> assertThat(units).contains(customer.profile().homeUnitCode()));
	}

	@Test
	void spreadsCustomersOverAgeBandsValueTiersAndLifecycleClasses() {
		LocalDate today = LocalDate.of(2026, 3, 15);
		Set<AgeBand> bands = EnumSet.noneOf(AgeBand.class);
		Map<ValueTier, Integer> tiers = new HashMap<>();
		Map<String, Integer> classes = new HashMap<>();
		for (DemoCustomer customer : CUSTOMERS) {
			CustomerRequest profile = customer.profile();
			bands.add(AgeBand.of(profile.birthYear(), today));
			tiers.merge(profile.valueTier(), 1, Integer::sum);
			if (profile.lifecycleClass() != null) {
				classes.merge(profile.lifecycleClass(), 1, Integer::sum);
			}
		}
		assertThat(bands).containsExactlyInAnyOrder(AgeBand.values());
		assertThat(tiers.get(ValueTier.VIP)).isLessThan(tiers.get(ValueTier.HIGH));
		assertThat(tiers.get(ValueTier.HIGH)).isLessThan(tiers.get(ValueTier.MEDIUM));
		assertThat(tiers.get(ValueTier.MEDIUM)).isLessThan(tiers.get(ValueTier.LOW));
		assertThat(classes).containsOnlyKeys("prospect", "contracted", "run-in", "stable");
	}

	@Test
	void keepsEachRealEstateCustomersClassInStepWithItsFurthestStage() {
		Map<String, String> stageOf = CATALOG.stageOfTouchpoint();
		List<String> stages = List.of("viewing", "signing", "waiting", "handover", "move-in", "living");
		List<String> classOfStage = List.of("prospect", "contracted", "contracted", "run-in", "run-in", "stable");
		for (DemoCustomer customer : CUSTOMERS) {
			if (customer.profile().externalId().startsWith("hf-")) {
				int furthest = customer.contacts()
					.stream()
					.mapToInt((contact) -> stages.indexOf(stageOf.get(contact.touchpoint())))
					.max()
					.orElseThrow();
				assertThat(customer.profile().lifecycleClass()).as(customer.profile().externalId())
					.isEqualTo(classOfStage.get(furthest));
			}
		}
	}

	private static DemoPopulation population(Instant now) {
		return new DemoPopulation(CATALOG, new DemoStory(), Names.load(), now);
	}

}
