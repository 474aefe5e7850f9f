package org.opencxm.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.AttributeValue;
import org.opencxm.customers.CustomerRequest;
import org.opencxm.customers.ValueTier;
import org.opencxm.org.OrgUnitKind;

/**
 * Xingyao Mobile's customers: discover (a launch event, ads, reviews) → try (the store's
 * experience zone) → buy (at a store or online) → use (activation help, updates, the
 * community), and for some after-sales (hotline, repair centre).
 */
final class PhoneCustomers {

	static final int COUNT = 1600;

	static final String ONLINE = "xingyao-online";

	private static final String SERVICE = "xingyao-service";

	private static final String MARKETING = "xingyao-marketing";

	/** The two launches of the year, in days before the demo was loaded. */
	private static final List<Integer> LAUNCH_DAYS = List.of(300, 120);

	private static final double[] AGES = { 0.06, 0.26, 0.33, 0.18, 0.09, 0.04, 0.02, 0.02 };

	/** Flagship, Sanlitun, Coastal City, Taikoo Li, online. */
	private static final double[] STORE_WEIGHTS = { 1.3, 1.1, 1.0, 0.9, 1.2 };

	/** Discovered only, tried, bought. */
	private static final double[] PROGRESS = { 0.12, 0.16, 0.72 };

	private final Scene scene;

	private final List<String> stores;

	private final List<String> physicalStores;

	PhoneCustomers(Scene scene) {
		this.scene = scene;
		this.stores = scene.units("xingyao", OrgUnitKind.STORE, STORE_WEIGHTS);
		this.physicalStores = this.stores.stream().filter((store) -> !store.equals(ONLINE)).toList();
		if (!this.stores.get(this.stores.size() - 1).equals(ONLINE)) {
			throw new IllegalStateException("the online store is expected last");
		}
	}

	DemoCustomer customer(int index) {
		Dice dice = Dice.of("phone", index);
		String id = "xy-%05d".formatted(index + 1);
		String home = this.stores.get(dice.weighted(STORE_WEIGHTS));
		ValueTier tier = this.scene.personas().tier(dice);
		Personas.Persona persona = this.scene.personas().next(dice, 200_000 + index, 0.15, AGES);
		int progress = dice.weighted(PROGRESS);
		Model model = model(dice, tier);
		Itinerary itinerary = this.scene.itinerary(id);

		boolean launch = dice.chance(0.15);
		int discovered = discover(dice, itinerary, launch);

		int day = discovered;
		boolean tried = false;
		if (progress >= 1) {
			String store = home.equals(ONLINE) ? (dice.chance(0.5) ? dice.pick(this.physicalStores) : null) : home;
			day = Math.max(1, discovered - dice.between(1, 20));
			if (store != null) {
				tried = true;
				int minute = dice.between(600, 1260);
				String consultant = this.scene.staff(store, "consultant", dice);
				itinerary.add(day, minute, "ph-hands-on", store, consultant, "trialMinutes",
						trialMinutes(dice, this.scene.quality(store, "ph-hands-on")), "model", model.name());
				if (dice.chance(0.5)) {
					itinerary.add(day, minute + 10, "ph-camera-demo", store, null);
				}
				if (dice.chance(0.7)) {
					itinerary.add(day, minute + 15, "ph-consultant", store, consultant);
				}
			}
		}
		int bought = 0;
		if (progress >= 2) {
			bought = Math.max(1, day - (tried ? dice.between(0, 10) : dice.between(1, 15)));
			buy(dice, itinerary, home, model, bought, tried);
			use(dice, itinerary, home, bought);
			if (bought > 25 && dice.chance(0.3)) {
				afterSales(dice, itinerary, bought);
			}
		}

		String source = launch ? "launch-event-check-in"
				: home.equals(ONLINE) ? "online-store-account" : "store-member-sign-up";
		CustomerRequest profile = new CustomerRequest(id, persona.name(), persona.phone(), persona.email(),
				persona.language(), persona.birthYear(), attributes(dice, itinerary, model, bought), null, tier, home,
				Personas.consents(dice, source, itinerary.first(), 0.75, 0.8, 0.5, 0.2));
		return new DemoCustomer(profile, itinerary.contacts());
	}

	/**
	 * How the customer first heard of the phone: at a launch event or from ads, perhaps
	 * also from reviews. Answers the day.
	 */
	private int discover(Dice dice, Itinerary itinerary, boolean launch) {
		int discovered = launch ? dice.pick(LAUNCH_DAYS) : dice.between(20, 364);
		if (launch) {
			itinerary.add(discovered, dice.between(840, 960), "ph-launch-event", MARKETING,
					this.scene.staff(MARKETING, "specialist", dice), "luckyDraw", dice.chance(0.1), "hallSeat",
					dice.between(1, 800));
		}
		if (!launch || dice.chance(0.5)) {
			if (dice.chance(0.65)) {
				itinerary.add(discovered, dice.between(420, 1410), "ph-ads-video", MARKETING, null, "platform",
						dice.pick(List.of("douyin", "bilibili", "weibo")));
			}
			else {
				itinerary.add(discovered, dice.between(420, 1320), "ph-ads-outdoor", MARKETING, null, "location",
						dice.pick(List.of("metro", "airport", "mall")));
			}
		}
		if (dice.chance(0.4)) {
			itinerary.add(discovered - dice.between(0, 5), dice.between(420, 1410), "ph-reviews", MARKETING, null,
					"source", dice.pick(List.of("tech-review", "friend", "forum")));
		}
		return discovered;
	}

	private void buy(Dice dice, Itinerary itinerary, String home, Model model, int day, boolean tried) {
		if (home.equals(ONLINE)) {
			itinerary.add(day, dice.between(480, 1430), "ph-online-order", ONLINE, null, "model", model.name(), "price",
					model.price());
			itinerary.add(Math.max(1, day - 1), dice.between(540, 1200), "ph-delivery", ONLINE, null, "deliveryHours",
					dice.around(30, 8));
		}
		else {
			itinerary.add(day, dice.between(600, 1290), "ph-checkout", home, this.scene.staff(home, "consultant", dice),
					"model", model.name(), "price", model.price(), "tradeIn", dice.chance(0.3), "triedFirst", tried);
		}
	}

	private void use(Dice dice, Itinerary itinerary, String home, int bought) {
		if (!home.equals(ONLINE) && dice.chance(0.7)) {
			itinerary.add(bought, dice.between(660, 1300), "ph-activation", home,
					this.scene.staff(home, "technician", dice), "dataTransferMinutes",
					dice.around(20 + 20 * (1 - this.scene.quality(home, "ph-activation")), 5));
		}
		for (int day = bought - 60; day >= 1; day -= 60) {
			if (dice.chance(0.8)) {
				itinerary.add(day, dice.between(0, 1439), "ph-system-updates", null, null, "version",
						"XOS 5." + dice.between(1, 4));
			}
		}
		if (bought > 6 && dice.chance(0.35)) {
			itinerary.add(dice.between(1, bought - 5), dice.between(420, 1430), "ph-community", null, null, "topic",
					dice.pick(List.of("photography", "gaming", "tips", "battery")));
		}
	}

	private void afterSales(Dice dice, Itinerary itinerary, int bought) {
		int day = dice.between(1, bought - 20);
		String repairType = dice.pick(List.of("screen", "battery", "camera", "charging", "software"));
		if (dice.chance(0.6)) {
			itinerary.add(day + 1, dice.between(540, 1260), "ph-hotline", SERVICE,
					this.scene.staff(SERVICE, "agent", dice), "issue", repairType);
		}
		itinerary.add(day, dice.between(600, 1200), "ph-repair-intake", SERVICE,
				this.scene.staff(SERVICE, "engineer", dice), "repairType", repairType, "loaner", dice.chance(0.2));
		double speed = this.scene.quality(SERVICE, "ph-repair-turnaround");
		int turnaround = Math.max(1, dice.around(2 + 12 * (1 - speed), 1.5));
		if (day - turnaround >= 1) {
			itinerary.add(day - turnaround, dice.between(600, 1200), "ph-repair-turnaround", SERVICE,
					this.scene.staff(SERVICE, "engineer", dice), "turnaroundDays", turnaround, "promisedDays", 3);
		}
	}

	/** People stay much longer where the trial is really good. */
	private static int trialMinutes(Dice dice, double quality) {
		return dice.around(4 + 24 * quality * quality, 4);
	}

	private static Model model(Dice dice, ValueTier tier) {
		return switch (tier) {
			case VIP -> new Model("Xingyao X9 Pro Max", 8999);
			case HIGH -> new Model("Xingyao X9 Pro", 6499);
			case MEDIUM -> new Model("Xingyao X9", 4599);
			case LOW -> dice.chance(0.5) ? new Model("Xingyao S5", 2499) : new Model("Xingyao Lite 3", 1599);
		};
	}

	private static Map<String, @Nullable AttributeValue> attributes(Dice dice, Itinerary itinerary, Model model,
			int bought) {
		Map<String, @Nullable AttributeValue> attributes = new LinkedHashMap<>();
		if (bought > 0) {
			attributes.put("model", AttributeValue.of(model.name()));
			attributes.put("purchaseDate", AttributeValue.of(itinerary.dateOf(bought)));
		}
		else {
			attributes.put("interestedIn", AttributeValue.of(model.name()));
		}
		attributes.put("previousBrand", AttributeValue
			.of(dice.pick(List.of("xingyao", "other-android", "iphone", "other-android", "xingyao"))));
		return attributes;
	}

	private record Model(String name, int price) {
	}

}
