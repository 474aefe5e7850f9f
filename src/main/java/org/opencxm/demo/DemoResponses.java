package org.opencxm.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.interactions.InteractionRequest;
import org.opencxm.org.OrgUnitKind;
import org.opencxm.shared.LanguageTag;
import org.opencxm.surveys.SurveyTemplates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers customers gave after their contacts at the triggered touchpoints, drawn
 * from the story: how good the touchpoint is at the unit sets how satisfied a respondent
 * is, each customer leans a little to one side, and Huafu's Southwest region gets better
 * over the year. Pure: the same customers and day give the same answers.
 */
final class DemoResponses {

	/** The Huafu region whose projects improve over the year. */
	static final String IMPROVING_REGION = "huafu-west";

	/** How much the improving region's quality rises from the first day to the last. */
	static final double IMPROVEMENT = 0.28;

	/**
	 * A trigger of the demo: the survey sent after a contact at the touchpoint, and the
	 * share of those contacts that were answered.
	 */
	record Trigger(String touchpoint, String survey, double answered, String topic) {

		String code() {
			return "after-" + this.touchpoint;
		}

	}

	static final List<Trigger> TRIGGERS = List.of(touchpoint("re-so-reception", 0.45, "sales"),
			touchpoint("re-so-sandtable", 0.25, "sales"), touchpoint("re-model-home", 0.4, "sales"),
			touchpoint("re-demo-area", 0.4, "sales"), touchpoint("re-subscription", 0.4, "signing"),
			touchpoint("re-contract", 0.55, "signing"), touchpoint("re-progress-report", 0.4, "progress"),
			new Trigger("re-handover-inspection", SurveyTemplates.REAL_ESTATE_HANDOVER, 0.75, "handover"),
			touchpoint("re-handover-keys", 0.5, "handover"), touchpoint("re-rectification", 0.5, "repair"),
			touchpoint("re-repair-request", 0.5, "repair"), touchpoint("re-butler", 0.45, "property"),
			touchpoint("re-welcome", 0.4, "property"),
			new Trigger("re-community-events", SurveyTemplates.EVENT_FEEDBACK, 0.55, "event"),
			touchpoint("bk-lobby-greeting", 0.25, "bank-queue"), touchpoint("bk-queue-ticket", 0.45, "bank-queue"),
			new Trigger("bk-counter", SurveyTemplates.BANK_SEVEN_STEP, 0.65, "bank-counter"),
			touchpoint("bk-wealth", 0.55, "bank-counter"), touchpoint("bk-self-service", 0.3, "bank-queue"),
			touchpoint("bk-mobile-banking", 0.25, "bank-remote"), touchpoint("bk-call-centre", 0.4, "bank-remote"),
			new Trigger("ph-launch-event", SurveyTemplates.EVENT_FEEDBACK, 0.6, "event"),
			touchpoint("ph-hands-on", 0.55, "phone-store"), touchpoint("ph-checkout", 0.55, "phone-store"),
			touchpoint("ph-online-order", 0.5, "phone-store"), touchpoint("ph-activation", 0.45, "phone-store"),
			touchpoint("ph-system-updates", 0.3, "phone-software"), touchpoint("ph-community", 0.3, "phone-software"),
			touchpoint("ph-hotline", 0.5, "phone-repair"), touchpoint("ph-repair-turnaround", 0.7, "phone-repair"));

	/** Where customers take part fully (1 to 7); elsewhere about 4. */
	private static final Map<String, Double> PARTICIPATION = Map.of("re-model-home", 5.5, "re-demo-area", 5.0,
			"re-handover-keys", 5.5, "ph-hands-on", 6.0, "ph-activation", 5.0, "bk-mobile-banking", 5.0,
			"re-so-sandtable", 4.5, "ph-community", 5.0);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * One answered survey: the contact it followed, when it came back and what it said.
	 */
	record Planned(String eventId, String survey, String responseKey, LanguageTag language, Instant submittedAt,
			Map<String, JsonNode> answers) {

	}

	private final DemoStory story;

	private final DemoComments comments;

	private final Set<String> improving;

	private final Instant now;

	DemoResponses(DemoCatalog catalog, DemoStory story, DemoComments comments, Instant now) {
		this.story = story;
		this.comments = comments;
		this.improving = Set.copyOf(catalog.unitsOf(IMPROVING_REGION, OrgUnitKind.PROJECT));
		this.now = now;
	}

	/** The responses of all customers, oldest first. */
	List<Planned> plan(List<DemoCustomer> customers) {
		Map<String, Trigger> triggers = new HashMap<>();
		TRIGGERS.forEach((trigger) -> triggers.put(trigger.touchpoint(), trigger));
		List<Planned> planned = new ArrayList<>();
		for (int c = 0; c < customers.size(); c++) {
			DemoCustomer customer = customers.get(c);
			LanguageTag language = (customer.profile().language() != null) ? customer.profile().language()
					: LanguageTag.ZH_CN;
			double lean = Dice.of("respondent", c).random().nextGaussian(0, 0.06);
			for (InteractionRequest contact : customer.contacts()) {
				Trigger trigger = triggers.get(contact.touchpoint());
				if (trigger == null) {
					continue;
				}
				Dice dice = Dice.of("response:" + contact.eventId(), c);
				if (!dice.chance(trigger.answered())) {
					continue;
				}
				Instant submitted = contact.occurredAt()
					.plus(Duration.ofMinutes(10 + (long) (dice.random().nextExponential() * 180)));
				Instant latest = this.now.minus(Duration.ofMinutes(5));
				submitted = submitted.isAfter(latest) ? latest : submitted;
				double satisfaction = Math.clamp(quality(contact) + lean + dice.random().nextGaussian(0, 0.13), 0.0,
						1.0);
				planned.add(new Planned(contact.eventId(), trigger.survey(),
						"demo-response-" + contact.eventId().substring("demo-".length()), language, submitted,
						answers(trigger, contact, satisfaction, language == LanguageTag.EN, dice)));
			}
		}
		planned.sort(Comparator.comparing(Planned::submittedAt).thenComparing(Planned::eventId));
		return planned;
	}

	/**
	 * The quality the customer met: the story's, moved along the year where the region
	 * improves.
	 */
	double quality(InteractionRequest contact) {
		String unit = (contact.unit() != null) ? contact.unit() : "";
		double quality = this.story.quality(unit, contact.touchpoint());
		if (this.improving.contains(unit)) {
			double daysBack = Duration.between(contact.occurredAt(), this.now).toHours() / 24.0;
			double progress = 1 - Math.clamp(daysBack / Itinerary.DAYS, 0.0, 1.0);
			quality += IMPROVEMENT * (progress - 0.55);
		}
		return Math.clamp(quality, 0.0, 1.0);
	}

	private Map<String, JsonNode> answers(Trigger trigger, InteractionRequest contact, double satisfaction,
			boolean english, Dice dice) {
		Map<String, JsonNode> answers = new LinkedHashMap<>();
		int nps = score(dice, 10.6 * satisfaction + 0.2, 1.3, 0, 10);
		switch (trigger.survey()) {
			case SurveyTemplates.REAL_ESTATE_HANDOVER -> {
				answers.put("csat", number(score(dice, 1 + 4.3 * satisfaction, 0.6, 1, 5)));
				answers.put("quality", gap(dice, 6.0, satisfaction));
				answers.put("process", gap(dice, 5.5, satisfaction + 0.08));
				answers.put("staff", number(score(dice, 1.3 + 4 * satisfaction, 0.6, 1, 5)));
				int defects = number(contact, "defectsFound");
				answers.put("issues", NODES.stringNode((defects > 0) ? "yes" : "no"));
				if (defects > 0) {
					ArrayNode areas = NODES.arrayNode();
					List<String> all = List.of("walls", "doors", "plumbing", "kitchen", "common");
					int from = dice.between(0, all.size() - 1);
					for (int i = 0; i < Math.min(all.size(), 1 + defects / 3); i++) {
						areas.add(all.get((from + i) % all.size()));
					}
					answers.put("areas", areas);
				}
			}
			case SurveyTemplates.BANK_SEVEN_STEP -> {
				for (String step : List.of("greet", "ask", "receive", "handle", "offer", "hand-over", "see-off")) {
					double lift = switch (step) {
						case "offer" -> -0.35;
						case "handle" -> 0.1;
						default -> 0.0;
					};
					answers.put(step, number(score(dice, 1 + 4.2 * satisfaction + lift, 0.6, 1, 5)));
				}
				answers.put("csat", number(score(dice, 1 + 4.3 * satisfaction, 0.6, 1, 5)));
			}
			case SurveyTemplates.EVENT_FEEDBACK -> {
				answers.put("csat", number(score(dice, 1 + 4.3 * satisfaction, 0.6, 1, 5)));
				answers.put("intensity", number(score(dice, 1.5 + 5.5 * satisfaction, 1.0, 1, 7)));
				answers.put("participation", number(score(dice, 5.2, 1.1, 1, 7)));
				answers.put("feel", number(score(dice, 1 + 6 * satisfaction, 0.8, 1, 7)));
				answers.put("relate", number(score(dice, 0.6 + 6 * satisfaction, 0.9, 1, 7)));
				answers.put("again",
						NODES.stringNode((satisfaction > 0.7) ? "yes" : (satisfaction > 0.45) ? "maybe" : "no"));
			}
			default -> {
				answers.put("csat", number(score(dice, 1 + 4.3 * satisfaction, 0.6, 1, 5)));
				answers.put("ces", number(score(dice, 1 + 6.2 * satisfaction, 0.8, 1, 7)));
				double[] lifts = { 0.2, 0.0, -0.3, 0.1, -0.4 };
				String[] modules = { "sem-sense", "sem-feel", "sem-think", "sem-act", "sem-relate" };
				for (int i = 0; i < modules.length; i++) {
					answers.put(modules[i], number(score(dice, 1 + 6 * satisfaction + lifts[i], 0.9, 1, 7)));
				}
				double participation = PARTICIPATION.getOrDefault(trigger.touchpoint(), 4.0);
				answers.put("participation", number(score(dice, participation, 1.0, 1, 7)));
				answers.put("intensity",
						number(score(dice, 2.2 + 5 * Math.abs(satisfaction - 0.5) * 2 * 0.8, 1.0, 1, 7)));
			}
		}
		answers.put("nps", number(nps));
		String comment = comment(trigger, contact, nps, english, dice);
		if (comment != null) {
			answers.put("comment", NODES.stringNode(comment));
		}
		return answers;
	}

	private @Nullable String comment(Trigger trigger, InteractionRequest contact, int nps, boolean english, Dice dice) {
		DemoComments.Tone tone = (nps >= 9) ? DemoComments.Tone.PRAISE
				: (nps >= 7) ? DemoComments.Tone.MIXED : DemoComments.Tone.COMPLAINT;
		double commented = switch (tone) {
			case PRAISE -> 0.4;
			case MIXED -> 0.3;
			case COMPLAINT -> 0.65;
		};
		if (!dice.chance(commented)) {
			return null;
		}
		Map<String, Object> facts = new HashMap<>();
		worthMentioning(contact, "waitMinutes", 20, facts);
		worthMentioning(contact, "defectsFound", 4, facts);
		worthMentioning(contact, "turnaroundDays", 5, facts);
		worthMentioning(contact, "daysLate", 5, facts);
		String unit = (contact.unit() != null) ? contact.unit() : "";
		return this.comments.compose(trigger.topic(), unit, contact.touchpoint(), tone, english, facts, dice);
	}

	private static void worthMentioning(InteractionRequest contact, String property, int atLeast,
			Map<String, Object> facts) {
		int value = number(contact, property);
		if (value >= atLeast) {
			facts.put(property, value);
		}
	}

	private static int number(InteractionRequest contact, String property) {
		Object value = (contact.properties() != null) ? contact.properties().get(property) : null;
		return (value instanceof Number number) ? number.intValue() : 0;
	}

	private static JsonNode gap(Dice dice, double expected, double satisfaction) {
		ObjectNode pair = NODES.objectNode();
		pair.put("expectation", score(dice, expected, 0.7, 1, 7));
		pair.put("perception", score(dice, 1 + 6 * satisfaction, 0.8, 1, 7));
		return pair;
	}

	private static int score(Dice dice, double mean, double spread, int min, int max) {
		return (int) Math.clamp(Math.round(dice.random().nextGaussian(mean, spread)), min, max);
	}

	private static JsonNode number(int value) {
		return NODES.numberNode(value);
	}

	private static Trigger touchpoint(String touchpoint, double answered, String topic) {
		return new Trigger(touchpoint, SurveyTemplates.TOUCHPOINT, answered, topic);
	}

}
