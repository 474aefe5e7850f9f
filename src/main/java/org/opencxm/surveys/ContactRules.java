package org.opencxm.surveys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of the contact rules, kept apart from the database so that it can be
 * tested on its own.
 */
final class ContactRules {

	private ContactRules() {
	}

	/**
	 * Whether the customer is in the sample of the trigger: a hash of both mapped onto
	 * [0, 1) and compared with the rate, so that the answer is the same every time and
	 * the share of customers asked matches the rate.
	 */
	static boolean sampled(long customerId, long triggerId, double rate) {
		if (rate >= 1.0) {
			return true;
		}
		if (rate <= 0.0) {
			return false;
		}
		return position(customerId, triggerId) < rate;
	}

	static double position(long customerId, long triggerId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((customerId + ":" + triggerId).getBytes(StandardCharsets.US_ASCII));
			long bits = ByteBuffer.wrap(digest).getLong() >>> 11;
			return bits / (double) (1L << 53);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * When an invitation due at {@code due} may go, given quiet hours from {@code start}
	 * to {@code end} in the zone (a window may cross midnight, e.g. 21:00–09:00): the due
	 * time itself outside the window, else the window's end.
	 */
	static Instant afterQuietHours(Instant due, ZoneId zone, @Nullable LocalTime start, @Nullable LocalTime end) {
		if (start == null || end == null || start.equals(end)) {
			return due;
		}
		ZonedDateTime local = due.atZone(zone);
		LocalTime time = local.toLocalTime();
		LocalDate day = local.toLocalDate();
		if (start.isBefore(end)) {
			if (!time.isBefore(start) && time.isBefore(end)) {
				return day.atTime(end).atZone(zone).toInstant();
			}
			return due;
		}
		if (!time.isBefore(start)) {
			return day.plusDays(1).atTime(end).atZone(zone).toInstant();
		}
		if (time.isBefore(end)) {
			return day.atTime(end).atZone(zone).toInstant();
		}
		return due;
	}

}
