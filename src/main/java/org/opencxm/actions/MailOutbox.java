package org.opencxm.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.opencxm.shared.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mail copies of inbox messages through SMTP, outside the transaction that
 * wrote them: a slow or absent mail server delays the e-mail, never the case. Failed
 * sends are retried with backoff, then marked FAILED.
 */
@Component
class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final ActionsProperties properties;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, ActionsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${opencxm.actions.dispatch-interval:PT5S}",
			initialDelayString = "${opencxm.actions.dispatch-interval:PT5S}")
	void scheduled() {
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			log.warn("Sending e-mail notifications failed; will try again", ex);
		}
	}

	/** Sends every e-mail that is due; answers how many were sent. */
	int sendDue() {
		JavaMailSender sender = this.mail.getIfUnique();
		if (sender == null) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<Pending> due = this.jdbc.sql("""
				select m.id, m.subject, m.body, m.email_attempts, m.email_next_at, u.email
				from inbox_message m join app_user u on u.id = m.user_id
				where m.email_status = 'PENDING' and m.email_next_at <= :now
				order by m.email_next_at, m.id
				limit :limit
				""")
			.param("now", SqlTime.of(now))
			.param("limit", this.properties.batchSize())
			.query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("subject"), rs.getString("body"),
					rs.getInt("email_attempts"), rs.getObject("email_next_at", OffsetDateTime.class),
					rs.getString("email")))
			.list();
		int sent = 0;
		for (Pending message : due) {
			boolean claimed = this.jdbc.sql("""
					update inbox_message set email_next_at = :lease
					where id = :id and email_status = 'PENDING' and email_next_at = :seen
					""")
				.param("lease", SqlTime.of(now.plus(LEASE)))
				.param("id", message.id())
				.param("seen", message.nextAt())
				.update() == 1;
			if (!claimed) {
				continue;
			}
			try {
				SimpleMailMessage email = new SimpleMailMessage();
				email.setFrom(this.properties.mailFrom());
				email.setTo(message.to());
				email.setSubject(message.subject());
				email.setText(message.body());
				sender.send(email);
				this.jdbc
					.sql("update inbox_message set email_status = 'SENT', email_attempts = email_attempts + 1, "
							+ "email_next_at = null, email_error = null where id = :id")
					.param("id", message.id())
					.update();
				sent++;
			}
			catch (MailException ex) {
				int attempts = message.attempts() + 1;
				boolean last = attempts >= this.properties.mailMaxAttempts();
				this.jdbc
					.sql("""
							update inbox_message set email_status = :status, email_attempts = :attempts, email_next_at = :next,
								email_error = :error
							where id = :id
							""")
					.param("status", last ? "FAILED" : "PENDING")
					.param("attempts", attempts)
					.param("next", last ? null
							: SqlTime.of(this.clock.instant()
								.plus(ActionsProperties.backoff(Duration.ofMinutes(1), attempts, Duration.ofHours(1)))))
					.param("error", truncate(String.valueOf(ex.getMessage())))
					.param("id", message.id())
					.update();
			}
		}
		return sent;
	}

	private static String truncate(String text) {
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	private record Pending(long id, String subject, String body, int attempts, OffsetDateTime nextAt, String to) {
	}

}
