package org.opencxm.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.interactions.InteractionRequest;

/**
 * The contacts of one demo customer, placed in the past year: a contact happens a number
 * of days before the day the demo is loaded (at least one, so never in the future) at a
 * minute of that day, local time.
 */
final class Itinerary {

	static final int DAYS = 365;

	private final String customer;

	private final LocalDate today;

	private final ZoneId zone;

	private final List<Contact> contacts = new ArrayList<>();

	Itinerary(String customer, LocalDate today, ZoneId zone) {
		this.customer = customer;
		this.today = today;
		this.zone = zone;
	}

	Itinerary add(int daysBack, int minuteOfDay, String touchpoint, @Nullable String unit, @Nullable String staff,
			Object... properties) {
		int days = Math.clamp(daysBack, 1, DAYS);
		int minute = Math.clamp(minuteOfDay, 0, 24 * 60 - 1);
		Instant at = this.today.minusDays(days).atStartOfDay(this.zone).plusMinutes(minute).toInstant();
		this.contacts.add(new Contact(at, this.contacts.size(), touchpoint, unit, staff, properties(properties)));
		return this;
	}

	/**
	 * The contacts in the order they happened, numbered in that order: the customer's
	 * first contact has the event id {@code demo-<customer>-001}.
	 */
	List<InteractionRequest> contacts() {
		List<Contact> ordered = this.contacts.stream()
			.sorted(Comparator.comparing(Contact::at).thenComparingInt(Contact::added))
			.toList();
		List<InteractionRequest> requests = new ArrayList<>(ordered.size());
		for (Contact contact : ordered) {
			String eventId = "demo-" + this.customer + "-" + "%03d".formatted(requests.size() + 1);
			requests.add(new InteractionRequest(eventId, this.customer, contact.touchpoint(), null, contact.unit(),
					contact.staff(), contact.at(), contact.properties()));
		}
		return requests;
	}

	Instant first() {
		return this.contacts.stream()
			.map(Contact::at)
			.min(Comparator.naturalOrder())
			.orElseThrow(() -> new IllegalStateException("customer " + this.customer + " has no contacts"));
	}

	/** The touchpoint of the customer's first contact. */
	String firstTouchpoint() {
		return contacts().get(0).touchpoint();
	}

	LocalDate dateOf(int daysBack) {
		return this.today.minusDays(Math.clamp(daysBack, 1, DAYS));
	}

	private static @Nullable Map<String, Object> properties(Object[] pairs) {
		if (pairs.length == 0) {
			return null;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			properties.put((String) pairs[i], pairs[i + 1]);
		}
		return properties;
	}

	private record Contact(Instant at, int added, String touchpoint, @Nullable String unit, @Nullable String staff,
			@Nullable Map<String, Object> properties) {
	}

}
