package org.opencxm.surveys;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of feedback collection ({@code opencxm.surveys.*}): how often due invitations
 * are sent, how many requests a client address and a link may make on the public pages a
 * minute, the SMS and WeChat gateways' webhooks, and the sender of invitation e-mails.
 */
@ConfigurationProperties("opencxm.surveys")
record SurveyProperties(@DefaultValue("30s") Duration dispatchInterval, @DefaultValue RateLimit rateLimit,
		@DefaultValue Webhook webhook, @DefaultValue("OpenCXM <no-reply@opencxm.local>") String mailFrom) {

	record RateLimit(@DefaultValue("120") int perAddress, @DefaultValue("60") int perLink) {

	}

	/**
	 * Where SMS and WeChat invitations are posted, the secret their HMAC-SHA256 signature
	 * is made with, and how often a failed delivery is retried, waiting
	 * {@code backoff × 2^(attempt-1)} between tries.
	 */
	record Webhook(@Nullable URI sms, @Nullable URI wechat, @DefaultValue("") String secret,
			@DefaultValue("5") int maxAttempts, @DefaultValue("30s") Duration backoff,
			@DefaultValue("10s") Duration timeout) {

	}

}
