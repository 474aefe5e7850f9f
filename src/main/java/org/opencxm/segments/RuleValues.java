package org.opencxm.segments;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.AgeBand;
import org.opencxm.customers.AttributeValue;
import org.opencxm.customers.ValueTier;
import org.opencxm.shared.LanguageTag;
import tools.jackson.databind.JsonNode;

/**
 * How the JSON values of a rule read as customer values. Shared by the checks, which
 * refuse what does not read, and the compiler, which leaves it out.
 */
final class RuleValues {

	static final int MAX_AGE = 150;

	private static final Pattern AGE_RANGE = Pattern.compile("^(\\d{1,3})-(\\d{1,3})$");

	private static final Pattern AGE_FROM = Pattern.compile("^(\\d{1,3})\\+$");

	/** Value tiers from the least to the most valuable, for ranges. */
	static final List<ValueTier> TIER_ORDER = List.of(ValueTier.LOW, ValueTier.MEDIUM, ValueTier.HIGH, ValueTier.VIP);

	private RuleValues() {
	}

	static boolean given(@Nullable JsonNode node) {
		return node != null && !node.isNull() && !node.isMissingNode();
	}

	static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

	static @Nullable Integer whole(@Nullable JsonNode node) {
		return (node != null && node.isIntegralNumber() && node.canConvertToInt()) ? node.asInt() : null;
	}

	static @Nullable ValueTier tier(@Nullable JsonNode node) {
		String text = text(node);
		if (text == null) {
			return null;
		}
		for (ValueTier tier : ValueTier.values()) {
			if (tier.name().equalsIgnoreCase(text)) {
				return tier;
			}
		}
		return null;
	}

	static @Nullable String language(@Nullable JsonNode node) {
		String text = text(node);
		if (text == null) {
			return null;
		}
		try {
			return LanguageTag.of(text).tag();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.length() != 10) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Every attribute value the JSON value can stand for: a string that reads as a date
	 * is both the text and the date, so it finds either.
	 */
	static List<AttributeValue> attributeValues(JsonNode node) {
		List<AttributeValue> values = new ArrayList<>();
		if (node.isBoolean()) {
			values.add(AttributeValue.of(node.asBoolean()));
		}
		else if (node.isNumber() && Double.isFinite(node.asDouble())) {
			values.add(AttributeValue.of(node.asDouble()));
		}
		else if (node.isString()) {
			values.add(AttributeValue.of(node.asString()));
			LocalDate date = date(node.asString());
			if (date != null) {
				values.add(AttributeValue.of(date));
			}
		}
		return values;
	}

	/** A bound of an attribute range: a number, or a date written as text. */
	static @Nullable AttributeValue bound(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isNumber() && Double.isFinite(node.asDouble())) {
			return AttributeValue.of(node.asDouble());
		}
		LocalDate date = date(text(node));
		return (date != null) ? AttributeValue.of(date) : null;
	}

	/**
	 * The ages an age band holds, {@code [from, to]} with {@code null} for an open end;
	 * {@code null} for {@link AgeBand#UNKNOWN} or text that names no band.
	 */
	static @Nullable Ages ages(String band) {
		String text = band.strip().toUpperCase(Locale.ROOT);
		for (AgeBand known : AgeBand.values()) {
			if (known.name().equals(text)) {
				return (known == AgeBand.UNKNOWN) ? Ages.UNKNOWN : new Ages(known.from(), known.to());
			}
		}
		Matcher range = AGE_RANGE.matcher(text);
		if (range.matches()) {
			int from = Integer.parseInt(range.group(1));
			int to = Integer.parseInt(range.group(2));
			return (from <= to && to <= MAX_AGE) ? new Ages(from, to) : null;
		}
		Matcher open = AGE_FROM.matcher(text);
		if (open.matches()) {
			int from = Integer.parseInt(open.group(1));
			return (from <= MAX_AGE) ? new Ages(from, null) : null;
		}
		return null;
	}

	/** A span of ages; {@link #UNKNOWN} stands for customers whose age is not known. */
	record Ages(@Nullable Integer from, @Nullable Integer to) {

		static final Ages UNKNOWN = new Ages(-1, -1);

	}

}
