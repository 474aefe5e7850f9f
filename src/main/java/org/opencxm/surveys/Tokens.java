package org.opencxm.surveys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The unguessable tokens of personal links: 192 random bits, base64url without padding
 * (32 characters). Only their SHA-256 hash is stored, so that a copy of the database does
 * not let anyone answer in a customer's name; a lookup hashes the token it is given and
 * finds the invitation through the unique index on the hash.
 */
final class Tokens {

	private static final SecureRandom random = new SecureRandom();

	private Tokens() {
	}

	static String newToken() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static boolean wellFormed(String token) {
		return token.length() == 32 && token.chars()
			.allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_');
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
