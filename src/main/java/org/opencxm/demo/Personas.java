package org.opencxm.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.ConsentChannel;
import org.opencxm.customers.ConsentRequest;
import org.opencxm.customers.ValueTier;
import org.opencxm.shared.LanguageTag;

/**
 * Who a demo customer is: name, language, contact data, birth year and value tier. Each
 * business passes the shape of its customer base (how old, how many prefer English).
 */
final class Personas {

	/**
	 * Ages by band: under 18, 18–24, 25–34, 35–44, 45–54, 55–64, 65 and over, unknown.
	 */
	private static final int[][] AGES = { { 14, 17 }, { 18, 24 }, { 25, 34 }, { 35, 44 }, { 45, 54 }, { 55, 64 },
			{ 65, 86 } };

	/** Few very valuable customers, many ordinary ones. */
	private static final double[] TIER_PYRAMID = { 0.05, 0.15, 0.35, 0.45 };

	private static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "133", "135", "136", "137", "138",
			"139", "150", "151", "152", "153", "155", "156", "158", "159", "166", "176", "177", "180", "185", "186",
			"187", "188", "189", "199");

	private static final List<String> MAIL_DOMAINS = List.of("example.com", "example.cn", "example.net", "example.org");

	private final Names names;

	private final LocalDate today;

	Personas(Names names, LocalDate today) {
		this.names = names;
		this.today = today;
	}

	/**
	 * A person. {@code number} must differ between all demo customers: it makes the phone
	 * numbers unique.
	 * @param ageWeights the share of each age band, the last one for an unknown age
	 */
	Persona next(Dice dice, int number, double englishShare, double[] ageWeights) {
		boolean english = dice.chance(englishShare);
		Names.Person person = english ? this.names.english(dice.random()) : this.names.chinese(dice.random());
		int band = dice.weighted(ageWeights);
		Integer birthYear = null;
		if (band < AGES.length) {
			birthYear = this.today.getYear() - dice.between(AGES[band][0], AGES[band][1]);
		}
		// 7919 is prime and shares no factor with 10^8, so distinct numbers give distinct
		// subscriber digits.
		long subscriber = (number * 7919L + 12_345_678L) % 100_000_000L;
		String phone = dice.pick(MOBILE_PREFIXES) + "%08d".formatted(subscriber);
		String mailbox = person.mailbox() + (dice.chance(0.6) ? String.valueOf(dice.between(1, 99)) : "");
		return new Persona(person.name(), english ? LanguageTag.EN : LanguageTag.ZH_CN, birthYear, phone,
				mailbox + "@" + dice.pick(MAIL_DOMAINS));
	}

	ValueTier tier(Dice dice) {
		return ValueTier.values()[dice.weighted(TIER_PYRAMID)];
	}

	/**
	 * The consents a customer gave when first in touch: each channel granted with its
	 * probability, declined otherwise, a channel with probability 0 not asked.
	 */
	static Map<ConsentChannel, ConsentRequest> consents(Dice dice, String source, Instant at, double email, double sms,
			double wechat, double phone) {
		Map<ConsentChannel, ConsentRequest> consents = new EnumMap<>(ConsentChannel.class);
		consent(consents, dice, ConsentChannel.EMAIL, email, source, at);
		consent(consents, dice, ConsentChannel.SMS, sms, source, at);
		consent(consents, dice, ConsentChannel.WECHAT, wechat, source, at);
		consent(consents, dice, ConsentChannel.PHONE, phone, source, at);
		return consents;
	}

	private static void consent(Map<ConsentChannel, ConsentRequest> into, Dice dice, ConsentChannel channel,
			double probability, String source, Instant at) {
		if (probability > 0) {
			into.put(channel, new ConsentRequest(dice.chance(probability), source, at));
		}
	}

	record Persona(String name, LanguageTag language, @Nullable Integer birthYear, String phone, String email) {

	}

}
