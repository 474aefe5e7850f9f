package org.opencxm.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.AttributeValue;
import org.opencxm.customers.CustomerRequest;
import org.opencxm.customers.ValueTier;
import org.opencxm.org.OrgUnitKind;

/**
 * Hengxin Bank's customers. They come back: each visit to their sub-branch goes arrive
 * (lobby, perhaps an appointment made in mobile banking) → wait (queue ticket or
 * self-service) → service (counter or wealth advisory) → leave (sometimes a follow-up
 * call), and many also use mobile banking between visits.
 */
final class BankCustomers {

	static final int COUNT = 1500;

	private static final String CALL_CENTRE = "hengxin-callcenter";

	private static final double[] AGES = { 0.01, 0.08, 0.22, 0.22, 0.18, 0.14, 0.12, 0.03 };

	/** Lujiazui, Xujiahui, Jing'an, Guomao, Zhongguancun, Wangjing. */
	private static final double[] BRANCH_WEIGHTS = { 1.2, 1.0, 0.9, 1.1, 1.0, 1.0 };

	private final Scene scene;

	private final List<String> branches;

	BankCustomers(Scene scene) {
		this.scene = scene;
		this.branches = scene.units("hengxin", OrgUnitKind.BRANCH, BRANCH_WEIGHTS);
	}

	DemoCustomer customer(int index) {
		Dice dice = Dice.of("bank", index);
		String id = "hx-%05d".formatted(index + 1);
		String branch = this.branches.get(dice.weighted(BRANCH_WEIGHTS));
		ValueTier tier = this.scene.personas().tier(dice);
		Personas.Persona persona = this.scene.personas().next(dice, 100_000 + index, 0.12, AGES);
		int age = (persona.birthYear() != null) ? this.scene.today().getYear() - persona.birthYear() : 45;
		Itinerary itinerary = this.scene.itinerary(id);
		int visits = switch (tier) {
			case VIP -> dice.between(6, 10);
			case HIGH -> dice.between(4, 8);
			case MEDIUM -> dice.between(2, 6);
			case LOW -> dice.between(1, 4);
		};
		List<Integer> days = new ArrayList<>();
		for (int i = 0; i < visits; i++) {
			days.add(dice.between(1, Itinerary.DAYS));
		}
		for (int day : days) {
			visit(dice, itinerary, branch, tier, age, day);
		}
		if (age < 65) {
			int sessions = dice.between(0, (age < 40) ? 5 : 3);
			for (int i = 0; i < sessions; i++) {
				itinerary.add(dice.between(1, Itinerary.DAYS), dice.between(420, 1380), "bk-mobile-banking", null, null,
						"feature", dice.pick(List.of("transfer", "wealth", "bill-payment", "credit-card")));
			}
		}
		CustomerRequest profile = new CustomerRequest(id, persona.name(), persona.phone(), persona.email(),
				persona.language(), persona.birthYear(), attributes(dice, tier, itinerary), null, tier, branch,
				Personas.consents(dice, "branch-account-opening", itinerary.first(), 0.6, 0.92, 0.35, 0.4));
		return new DemoCustomer(profile, itinerary.contacts());
	}

	private void visit(Dice dice, Itinerary itinerary, String branch, ValueTier tier, int age, int day) {
		int minute = dice.between(540, 990);
		boolean appointment = age < 60 && dice.chance(0.35);
		if (appointment) {
			itinerary.add(day, minute - dice.between(30, 180), "bk-mobile-appointment", branch, null, "service",
					dice.pick(List.of("counter", "wealth", "large-withdrawal")));
		}
		if (dice.chance(0.92)) {
			itinerary.add(day, minute, "bk-lobby-greeting", branch, this.scene.staff(branch, "lobby", dice), "purpose",
					dice.pick(List.of("deposit", "transfer", "account", "card", "wealth", "inquiry")));
		}
		if (dice.chance(0.18)) {
			itinerary.add(day, minute + 2, "bk-self-service", branch, null, "machine",
					dice.pick(List.of("atm", "smart-counter", "passbook-printer")));
			return;
		}
		double queue = this.scene.quality(branch, "bk-queue-ticket");
		// Lunchtime has fewer counters open; a weak branch feels it most.
		double lunch = (minute >= 690 && minute <= 810) ? 1.3 : 1.0;
		double expected = (4 + 40 * (1 - queue)) * lunch * (appointment ? 0.4 : 1.0);
		int wait = dice.around(expected, expected * 0.3);
		itinerary.add(day, minute + 1, "bk-queue-ticket", branch, null, "waitMinutes", wait, "appointment",
				appointment);
		int served = minute + 1 + wait;
		boolean wealthy = tier == ValueTier.VIP || tier == ValueTier.HIGH;
		if (wealthy && dice.chance(0.5)) {
			itinerary.add(day, served, "bk-wealth", branch, this.scene.staff(branch, "wealth", dice), "product",
					dice.pick(List.of("wealth", "fund", "insurance", "deposit")), "durationMinutes",
					dice.between(20, 60));
		}
		else {
			double counter = this.scene.quality(branch, "bk-counter");
			itinerary.add(day, served, "bk-counter", branch, this.scene.staff(branch, "teller", dice), "business",
					dice.pick(List.of("deposit", "withdrawal", "transfer", "account", "card")), "durationMinutes",
					dice.between(4, 18), "productOffered", dice.chance(0.2 + 0.6 * counter));
		}
		if (dice.chance(0.12)) {
			itinerary.add(day - 1, dice.between(600, 1080), "bk-call-centre", CALL_CENTRE,
					this.scene.staff(CALL_CENTRE, "agent", dice), "reason", "follow-up");
		}
	}

	private static Map<String, @Nullable AttributeValue> attributes(Dice dice, ValueTier tier, Itinerary itinerary) {
		Map<String, @Nullable AttributeValue> attributes = new LinkedHashMap<>();
		List<String> products = new ArrayList<>(List.of("deposit"));
		if (dice.chance(0.6)) {
			products.add("credit-card");
		}
		if (tier != ValueTier.LOW || dice.chance(0.2)) {
			products.add("wealth");
		}
		if (tier == ValueTier.VIP || tier == ValueTier.HIGH) {
			products.add("fund");
		}
		if (dice.chance(0.25)) {
			products.add("mortgage");
		}
		attributes.put("products", AttributeValue.of(String.join(",", products)));
		double aum = switch (tier) {
			case VIP -> dice.between(6_000_000.0, 30_000_000.0);
			case HIGH -> dice.between(1_000_000.0, 6_000_000.0);
			case MEDIUM -> dice.between(100_000.0, 1_000_000.0);
			case LOW -> dice.between(1_000.0, 100_000.0);
		};
		attributes.put("aum", AttributeValue.of(Math.round(aum / 100) * 100.0));
		attributes.put("accountSince",
				AttributeValue.of(itinerary.dateOf(Itinerary.DAYS).minusDays(dice.between(0, 6000))));
		return attributes;
	}

}
