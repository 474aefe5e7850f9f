package org.opencxm.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open comments as customers write them, composed from the phrases in
 * {@code comments.json}: an opener, one or two things that went well or badly at the
 * touchpoint, a closer, in the customer's language. Numbers the contact recorded (how
 * long the queue was, how many defects were found) go into the complaints that mention
 * them, so a comment agrees with its contact.
 */
final class DemoComments {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	enum Tone {

		PRAISE, MIXED, COMPLAINT;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	record Phrases(List<String> zh, List<String> en) {

		List<String> in(boolean english) {
			return english ? this.en : this.zh;
		}

	}

	record Topic(Phrases praise, Phrases complaint) {

	}

	record SpotPraise(String unit, String touchpoint, List<String> zh, List<String> en) {

	}

	record Book(Map<String, Phrases> openers, Map<String, Phrases> closers, Map<String, Topic> topics,
			List<SpotPraise> spots) {

	}

	private final Book book;

	private DemoComments(Book book) {
		this.book = book;
	}

	static DemoComments load() {
		return new DemoComments(DemoCatalog.read("comments.json", Book.class));
	}

	/**
	 * A comment on the topic at the unit's touchpoint. {@code facts} holds only the
	 * numbers worth complaining about.
	 */
	String compose(String topic, String unit, String touchpoint, Tone tone, boolean english, Map<String, Object> facts,
			Dice dice) {
		Topic phrases = this.book.topics().get(topic);
		if (phrases == null) {
			throw new IllegalStateException("no comment phrases for topic " + topic);
		}
		String body = switch (tone) {
			case PRAISE -> {
				String first = praise(phrases, unit, touchpoint, english, dice);
				yield dice.chance(0.4) ? first + and(english) + other(phrases.praise().in(english), first, dice)
						: first;
			}
			case COMPLAINT -> {
				List<String> complaints = complaints(phrases, english, facts);
				String first = dice.pick(complaints);
				yield dice.chance(0.45) ? first + and(english) + other(complaints, first, dice) : first;
			}
			case MIXED -> praise(phrases, unit, touchpoint, english, dice) + (english ? ", but " : "，但是")
					+ dice.pick(complaints(phrases, english, facts));
		};
		String opener = dice.pick(this.book.openers().get(tone.key()).in(english));
		String sentence = fill(body, facts);
		if (opener.isEmpty() || opener.endsWith(". ")) {
			sentence = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
		}
		return opener + sentence + dice.pick(this.book.closers().get(tone.key()).in(english));
	}

	private String praise(Topic phrases, String unit, String touchpoint, boolean english, Dice dice) {
		for (SpotPraise spot : this.book.spots()) {
			if (spot.unit().equals(unit) && spot.touchpoint().equals(touchpoint) && dice.chance(0.6)) {
				return dice.pick(english ? spot.en() : spot.zh());
			}
		}
		return dice.pick(phrases.praise().in(english));
	}

	/** The complaints whose numbers the contact has. */
	private static List<String> complaints(Topic phrases, boolean english, Map<String, Object> facts) {
		List<String> usable = new ArrayList<>();
		for (String phrase : phrases.complaint().in(english)) {
			Matcher matcher = PLACEHOLDER.matcher(phrase);
			boolean known = true;
			while (matcher.find()) {
				known &= facts.containsKey(matcher.group(1));
			}
			if (known) {
				usable.add(phrase);
			}
		}
		return usable;
	}

	private static String other(List<String> phrases, String first, Dice dice) {
		String second = dice.pick(phrases);
		return second.equals(first) ? dice.pick(phrases) : second;
	}

	private static String and(boolean english) {
		return english ? ", and " : "，";
	}

	private static String fill(String text, Map<String, Object> facts) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(filled, String.valueOf(facts.get(matcher.group(1))));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

}
