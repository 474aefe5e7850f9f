package org.opencxm.customers;

import java.util.Locale;
import java.util.Optional;

/**
 * The channels a customer may agree to be contacted on.
 */
public enum ConsentChannel {

	EMAIL, SMS, WECHAT, PHONE;

	/**
	 * The channel with this name in any letter case ({@code sms}, {@code WeChat}).
	 */
	public static Optional<ConsentChannel> parse(String name) {
		try {
			return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
