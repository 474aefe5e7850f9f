package org.opencxm.actions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the closed loop under {@code opencxm.actions}: how webhooks and e-mails are
 * retried, how long a webhook receiver may take, the sender address of e-mails, and how
 * many rows a scheduled run takes at once. The schedules themselves are
 * {@code opencxm.actions.sla-check-interval} and
 * {@code opencxm.actions.dispatch-interval}.
 */
@ConfigurationProperties("opencxm.actions")
record ActionsProperties(@DefaultValue("8") int webhookMaxAttempts, @DefaultValue("30s") Duration webhookFirstRetry,
		@DefaultValue("6h") Duration webhookMaxRetry, @DefaultValue("10s") Duration webhookTimeout,
		@DefaultValue("opencxm@localhost") String mailFrom, @DefaultValue("5") int mailMaxAttempts,
		@DefaultValue("100") int batchSize) {

	/**
	 * Exponential backoff: the first retry delay, doubled for each further attempt,
	 * capped.
	 */
	Duration webhookRetryDelay(int attempts) {
		return backoff(this.webhookFirstRetry, attempts, this.webhookMaxRetry);
	}

	static Duration backoff(Duration first, int attempts, Duration max) {
		Duration delay = first;
		for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(max) > 0) ? max : delay;
	}

}
