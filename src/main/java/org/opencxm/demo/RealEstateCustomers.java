package org.opencxm.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.AttributeValue;
import org.opencxm.customers.CustomerRequest;
import org.opencxm.customers.ValueTier;
import org.opencxm.org.OrgUnitKind;

/**
 * Huafu Properties' buyers and owners. Each customer has got as far as some stage of
 * viewing → signing → waiting → handover → move-in → living, with the contacts of every
 * stage on the way, so a prospect has only viewing contacts and a stable owner has been
 * through all six in the past year.
 */
final class RealEstateCustomers {

	static final int COUNT = 2400;

	private static final String MARKETING = "huafu-marketing";

	private static final int SIGNING = 1;

	private static final int WAITING = 2;

	private static final int HANDOVER = 3;

	private static final int MOVE_IN = 4;

	private static final int LIVING = 5;

	/** How many customers have got as far as each stage. */
	private static final double[] PROGRESS = { 0.34, 0.08, 0.18, 0.06, 0.12, 0.22 };

	private static final String[] LIFECYCLE_CLASSES = { "prospect", "contracted", "contracted", "run-in", "run-in",
			"stable" };

	private static final double[] AGES = { 0, 0.02, 0.30, 0.33, 0.20, 0.10, 0.03, 0.02 };

	/** Shanghai, Hangzhou, Nanjing, Shenzhen, Guangzhou, Chengdu, Chongqing, Kunming. */
	private static final double[] PROJECT_WEIGHTS = { 1.3, 1.0, 0.9, 1.2, 1.0, 1.0, 0.9, 0.7 };

	private final Scene scene;

	private final List<String> projects;

	RealEstateCustomers(Scene scene) {
		this.scene = scene;
		this.projects = scene.units("huafu", OrgUnitKind.PROJECT, PROJECT_WEIGHTS);
	}

	DemoCustomer customer(int index) {
		return new Household(index).build();
	}

	/**
	 * One buyer's year, laid out on days counted from its first contact and then placed
	 * so that its latest contact is recent (a prospect may have gone quiet long ago).
	 */
	private final class Household {

		private final Scene scene;

		private final Dice dice;

		private final int number;

		private final String id;

		private final String project;

		private final String consultant;

		private final String butler;

		private final String engineer;

		private final String manager;

		private final int progress;

		private final ValueTier tier;

		private final int visitors;

		private final Itinerary itinerary;

		/** How long each stage takes this customer, in days. */
		private final int[] lengths;

		/** How far into its current stage the customer has got, in days. */
		private final int reached;

		private final double scale;

		private final int span;

		private final int endGap;

		private int defects;

		private @Nullable LocalDate movedIn;

		Household(int index) {
			this.scene = RealEstateCustomers.this.scene;
			this.dice = Dice.of("real-estate", index);
			this.number = index + 1;
			this.id = "hf-%05d".formatted(this.number);
			this.project = RealEstateCustomers.this.projects.get(this.dice.weighted(PROJECT_WEIGHTS));
			this.consultant = this.scene.staff(this.project, "consultant", this.dice);
			this.butler = this.scene.staff(this.project, "butler", this.dice);
			this.engineer = this.scene.first(this.project, "engineer");
			this.manager = this.scene.first(this.project, "manager");
			this.progress = this.dice.weighted(PROGRESS);
			this.tier = this.scene.personas().tier(this.dice);
			this.visitors = this.dice.between(1, 4);
			this.itinerary = this.scene.itinerary(this.id);
			this.lengths = new int[] { this.dice.between(10, 45), this.dice.between(7, 25), this.dice.between(90, 180),
					this.dice.between(3, 12), this.dice.between(30, 90), this.dice.between(30, 150) };
			this.reached = (this.progress == LIVING) ? this.lengths[LIVING]
					: this.dice.between(1, this.lengths[this.progress]);
			int total = 0;
			for (int stage = 0; stage < this.progress; stage++) {
				total += this.lengths[stage];
			}
			this.span = total + this.reached;
			this.scale = (this.span > 330) ? 330.0 / this.span : 1.0;
			int room = 364 - (int) Math.round(this.span * this.scale);
			this.endGap = (this.progress == 0) ? this.dice.between(1, room) : this.dice.between(1, Math.min(21, room));
		}

		DemoCustomer build() {
			Personas.Persona persona = this.scene.personas().next(this.dice, this.number, 0.15, AGES);
			int start = 0;
			for (int stage = 0; stage <= this.progress; stage++) {
				int length = (stage == this.progress) ? this.reached : this.lengths[stage];
				switch (stage) {
					case 0 -> viewing(start, length);
					case SIGNING -> signing(start, length);
					case WAITING -> waiting(start, length);
					case HANDOVER -> handover(start, length);
					case MOVE_IN -> moveIn(start, length);
					default -> living(start, length);
				}
				start += this.lengths[stage];
			}
			String source = this.itinerary.firstTouchpoint().startsWith("re-ads") ? "online-lead-form"
					: "sales-office-visitor-form";
			CustomerRequest profile = new CustomerRequest(this.id, persona.name(), persona.phone(), persona.email(),
					persona.language(), persona.birthYear(), attributes(), LIFECYCLE_CLASSES[this.progress], this.tier,
					this.project, Personas.consents(this.dice, source, this.itinerary.first(), 0.7, 0.88, 0.5, 0.3));
			return new DemoCustomer(profile, this.itinerary.contacts());
		}

		private void viewing(int start, int length) {
			if (this.dice.chance(0.55)) {
				if (this.dice.chance(0.7)) {
					add(start, this.dice.between(480, 1380), "re-ads-online", MARKETING, null, "source",
							this.dice.pick(List.of("short-video", "property-portal", "wechat-moments")));
				}
				else {
					add(start, this.dice.between(480, 1200), "re-ads-outdoor", MARKETING, null, "location",
							this.dice.pick(List.of("metro", "expressway", "city-centre")));
				}
			}
			if (this.dice.chance(0.4)) {
				add(start + this.dice.between(0, Math.min(3, length)), this.dice.between(540, 1200), "re-hotline",
						this.project, this.consultant, "callSeconds", this.dice.between(60, 420));
			}
			int day = start + this.dice.between(0, Math.min(5, length));
			int visits = 1 + (this.dice.chance(0.5) ? 1 : 0) + (this.dice.chance(0.2) ? 1 : 0);
			for (int visit = 0; visit < visits && day <= start + length; visit++) {
				int minute = this.dice.between(570, 1020);
				if (visit == 0) {
					if (this.dice.chance(0.85)) {
						add(day, minute, "re-demo-area", this.project, null, "visitors", this.visitors, "stayMinutes",
								this.dice.around(5 + 25 * quality("re-demo-area"), 3));
						minute += this.dice.between(10, 20);
					}
					add(day, minute, "re-so-reception", this.project, this.consultant, "visitors", this.visitors,
							"durationMinutes", this.dice.around(40 + 50 * quality("re-so-reception"), 12));
					if (this.dice.chance(0.75)) {
						add(day, minute + 15, "re-so-sandtable", this.project, this.consultant);
					}
					if (this.dice.chance(0.55)) {
						add(day, minute + 30, "re-so-disclosure", this.project, null);
					}
					if (this.dice.chance(0.7)) {
						add(day, minute + 45, "re-model-home", this.project, this.consultant, "visitors",
								this.visitors);
					}
				}
				else {
					add(day, minute, "re-so-reception", this.project, this.consultant, "visitors", this.visitors,
							"durationMinutes", this.dice.around(30 + 40 * quality("re-so-reception"), 10));
					if (this.dice.chance(0.5)) {
						add(day, minute + 30, "re-model-home", this.project, this.consultant, "visitors",
								this.visitors);
					}
				}
				day += this.dice.between(2, 12);
			}
		}

		private void signing(int start, int length) {
			add(start, this.dice.between(600, 1080), "re-subscription", this.project, this.consultant, "deposit",
					switch (this.tier) {
						case VIP -> 200_000;
						case HIGH -> 100_000;
						default -> 50_000;
					});
			int contract = start + this.dice.between(3, 10);
			if (contract <= start + length) {
				add(contract, this.dice.between(600, 1020), "re-contract", this.project, this.consultant, "floorArea",
						floorArea());
				if (mortgage()) {
					int mortgage = contract + this.dice.between(3, 12);
					if (mortgage <= start + length) {
						add(mortgage, this.dice.between(600, 1020), "re-mortgage", this.project, null, "loanYears",
								this.dice.pick(List.of(20, 25, 30)), "approvalDays",
								this.dice.around(15 - 8 * quality("re-mortgage"), 3));
					}
				}
			}
		}

		private void waiting(int start, int length) {
			double quality = quality("re-progress-report");
			for (int day = start + this.dice.between(10, 30); day <= start + length; day += this.dice.between(26, 36)) {
				add(day, this.dice.between(1140, 1260), "re-progress-report", this.project, null, "photos",
						this.dice.around(12 * quality, 2), "daysLate", this.dice.around(18 * (1 - quality), 3));
			}
			if (length >= 40 && this.dice.chance(0.35)) {
				add(start + length / 2, this.dice.between(570, 960), "re-open-day", this.project, this.engineer,
						"guests", this.dice.between(1, 3));
			}
		}

		private void handover(int start, int length) {
			add(start, this.dice.between(540, 1080), "re-handover-appointment", this.project, this.consultant, "slot",
					this.dice.pick(List.of("09:00", "10:30", "14:00", "15:30")));
			int day = start + this.lengths[HANDOVER];
			if (day > start + length) {
				return;
			}
			int minute = this.dice.between(540, 900);
			add(day, minute, "re-handover-documents", this.project, this.manager, "waitMinutes",
					this.dice.around(25 * (1 - quality("re-handover-documents")), 4));
			this.defects = this.dice.around(11 * (1 - quality("re-handover-inspection")), 2);
			add(day, minute + 30, "re-handover-inspection", this.project, this.engineer, "defectsFound", this.defects,
					"durationMinutes", this.dice.between(60, 150));
			add(day, minute + this.dice.between(120, 200), "re-handover-keys", this.project, this.manager);
		}

		private void moveIn(int start, int length) {
			double repairs = quality("re-rectification");
			int visits = (this.defects == 0) ? 0 : Math.min(4, 1 + this.defects / 3) + ((repairs < 0.5) ? 1 : 0);
			int day = start + this.dice.between(3, 10);
			int open = this.defects;
			for (int visit = 0; visit < visits && open > 0 && day <= start + length; visit++) {
				int fixed = (visit == visits - 1) ? open : Math.min(open, this.dice.between(1, 4));
				open -= fixed;
				add(day, this.dice.between(540, 1020), "re-rectification", this.project, this.engineer, "itemsFixed",
						fixed, "daysWaited", this.dice.around(4 + 30 * (1 - repairs), 3));
				day += this.dice.between(5, 20);
			}
			if (this.dice.chance(0.65)) {
				add(start + this.dice.between(3, 15), this.dice.between(540, 1020), "re-renovation", this.project,
						this.butler, "permitDays", this.dice.around(2 + 6 * (1 - quality("re-renovation")), 1),
						"renovationWeeks", this.dice.between(4, 16));
			}
			int welcome = start + this.dice.between(this.lengths[MOVE_IN] / 3, this.lengths[MOVE_IN]);
			if (welcome <= start + length) {
				add(welcome, this.dice.between(540, 1080), "re-welcome", this.project, this.butler);
				this.movedIn = this.itinerary.dateOf(daysBack(welcome));
			}
		}

		private void living(int start, int length) {
			for (int day = start + this.dice.between(3, 20); day <= start + length; day += this.dice.between(25, 45)) {
				add(day, this.dice.between(480, 1260), "re-butler", this.project, this.butler, "topic",
						this.dice.pick(List.of("parcel", "parking", "visitor", "noise", "pet", "fees")));
			}
			double repairs = quality("re-repair-request");
			for (int day = start + this.dice.between(10, 60); day <= start + length; day += this.dice.between(40, 90)) {
				if (this.dice.chance(0.7)) {
					add(day, this.dice.between(480, 1260), "re-repair-request", this.project, this.butler, "repairType",
							this.dice.pick(List.of("plumbing", "electrical", "door-window", "wall", "lift")),
							"hoursToFix", this.dice.around(4 + 40 * (1 - repairs), 4));
				}
			}
			for (int day = start + this.dice.between(5, 90); day <= start + length; day += this.dice.between(60, 120)) {
				if (this.dice.chance(0.5)) {
					add(day, this.dice.between(420, 1320), "re-security-cleaning", this.project, null, "topic",
							this.dice.pick(List.of("cleaning", "patrol", "parking", "greenery")));
				}
			}
			for (int day = start + this.dice.between(10, 60); day <= start + length; day += this.dice.between(50, 90)) {
				if (this.dice.chance(0.6)) {
					add(day, this.dice.between(900, 1200), "re-community-events", this.project, this.butler, "event",
							this.dice.pick(List.of("neighbourhood-festival", "family-day", "holiday-market",
									"fitness-class", "mid-autumn-party")),
							"participants", this.dice.between(1, 4));
				}
			}
			if (this.dice.chance(0.12)) {
				add(start + this.dice.between(0, length), this.dice.between(600, 1200), "re-referral", this.project,
						this.consultant, "referred", 1);
			}
		}

		private Map<String, @Nullable AttributeValue> attributes() {
			Map<String, @Nullable AttributeValue> attributes = new LinkedHashMap<>();
			attributes.put("purpose", AttributeValue.of(switch (this.tier) {
				case VIP, HIGH -> this.dice.chance(0.7) ? "upgrade" : "investment";
				case MEDIUM -> this.dice.chance(0.6) ? "upgrade" : "first-home";
				case LOW -> "first-home";
			}));
			attributes.put("floorArea", AttributeValue.of(floorArea()));
			if (this.progress >= SIGNING) {
				attributes.put("building", AttributeValue.of("T" + this.dice.between(1, 12)));
				attributes.put("mortgage", AttributeValue.of(mortgage()));
			}
			if (this.movedIn != null) {
				attributes.put("moveInDate", AttributeValue.of(this.movedIn));
			}
			return attributes;
		}

		private int floorArea() {
			// Derived from a dice of its own so that asking twice gives the same area.
			Dice area = Dice.of("floor-area", this.number);
			return switch (this.tier) {
				case VIP -> area.between(180, 260);
				case HIGH -> area.between(130, 175);
				case MEDIUM -> area.between(100, 128);
				case LOW -> area.between(70, 95);
			};
		}

		private boolean mortgage() {
			return Dice.of("mortgage", this.number).chance((this.tier == ValueTier.VIP) ? 0.4 : 0.8);
		}

		private double quality(String touchpoint) {
			return this.scene.quality(this.project, touchpoint);
		}

		private int daysBack(int day) {
			return this.endGap + (int) Math.round((this.span - day) * this.scale);
		}

		private void add(int day, int minute, String touchpoint, String unit, @Nullable String staff,
				Object... properties) {
			this.itinerary.add(daysBack(day), minute, touchpoint, unit, staff, properties);
		}

	}

}
