package org.opencxm.surveys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customer;
import org.opencxm.customers.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due invitations. Each run claims due rows one by one with a conditional update
 * (PENDING → SENDING where it is still PENDING), so that of several nodes exactly one
 * sends each invitation. The contact rules are checked again at sending time (consent,
 * open case, quarantine, quiet hours: things change during the delay). A failed delivery
 * is retried later with exponential backoff, stored as the next due time so that retries
 * survive a restart; a claim abandoned by a stopped node is released after ten minutes.
 */
@Component
class InvitationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(InvitationDispatcher.class);

	private static final int BATCH = 200;

	private static final Duration ABANDONED = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final InvitationStore invitations;

	private final InvitationPlanner planner;

	private final Customers customers;

	private final Surveys surveys;

	private final PublicLinks links;

	private final Map<InvitationChannel, InvitationSender> senders = new EnumMap<>(InvitationChannel.class);

	private final SurveyProperties.Webhook retry;

	private final Clock clock;

	InvitationDispatcher(JdbcClient jdbc, InvitationStore invitations, InvitationPlanner planner, Customers customers,
			Surveys surveys, PublicLinks links, List<InvitationSender> senders, SurveyProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.planner = planner;
		this.customers = customers;
		this.surveys = surveys;
		this.links = links;
		senders.forEach((sender) -> this.senders.put(sender.channel(), sender));
		this.retry = properties.webhook();
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${opencxm.surveys.dispatch-interval:30s}",
			fixedDelayString = "${opencxm.surveys.dispatch-interval:30s}")
	void scheduled() {
		try {
			dispatchDue();
		}
		catch (RuntimeException ex) {
			log.error("Dispatching invitations failed; the next run tries again", ex);
		}
	}

	/** Sends what is due now and answers how many invitations this run claimed. */
	int dispatchDue() {
		Instant now = now();
		this.jdbc
			.sql("update survey_invitation set status = 'PENDING' where status = 'SENDING' and claimed_at < :before")
			.param("before", org.opencxm.shared.SqlTime.of(now.minus(ABANDONED)))
			.update();
		this.jdbc.sql("update survey_invitation set status = 'EXPIRED' where status = 'SENT' and expires_at <= :now")
			.param("now", org.opencxm.shared.SqlTime.of(now))
			.update();
		List<Long> due = this.jdbc.sql(
				"select id from survey_invitation where status = 'PENDING' and due_at <= :now order by due_at limit :n")
			.param("now", org.opencxm.shared.SqlTime.of(now))
			.param("n", BATCH)
			.query(Long.class)
			.list();
		int claimed = 0;
		for (long id : due) {
			if (claim(id, now)) {
				claimed++;
				try {
					send(id);
				}
				catch (RuntimeException ex) {
					log.error("Invitation {} could not be processed", id, ex);
					release(id, InvitationStatus.FAILED, null, "error: " + ex.getMessage(), null);
				}
			}
		}
		return claimed;
	}

	boolean claim(long id, Instant now) {
		return this.jdbc.sql("""
				update survey_invitation set status = 'SENDING', claimed_at = :now
				where id = :id and status = 'PENDING' and due_at <= :now
				""").param("now", org.opencxm.shared.SqlTime.of(now)).param("id", id).update() == 1;
	}

	private void send(long id) {
		Instant now = now();
		Invitation invitation = this.invitations.find(id).orElseThrow();
		InvitationPlanner.Rules rules = (invitation.triggerId() != null) ? this.planner.rules(invitation.triggerId())
				: null;
		OwnRules own = (rules == null) ? ownRules(id) : null;
		List<InvitationChannel> allowed = (rules != null) ? rules.channels()
				: (own != null && !own.channels().isEmpty()) ? own.channels()
						: (invitation.channel() != null) ? List.of(invitation.channel()) : List.of();
		InvitationChannel channel = this.planner.channel(invitation.customerId(), allowed).orElse(null);
		if (channel == null) {
			release(id, InvitationStatus.SUPPRESSED, null,
					"consent: the customer no longer agrees to be contacted by " + allowed, null);
			return;
		}
		if (this.planner.openCase(invitation.customerId())) {
			release(id, InvitationStatus.SUPPRESSED, null, "open case: the customer has a case that is still open",
					null);
			return;
		}
		String quarantined = this.planner.quarantine(invitation.customerId(),
				(rules != null) ? rules.quarantineDays() : 0, now, id);
		if (quarantined != null) {
			release(id, InvitationStatus.SUPPRESSED, null, quarantined, null);
			return;
		}
		ZoneId zone = this.planner.zone(invitation.unitId());
		java.time.LocalTime quietStart = (rules != null) ? rules.quietStart() : (own != null) ? own.quietStart() : null;
		java.time.LocalTime quietEnd = (rules != null) ? rules.quietEnd() : (own != null) ? own.quietEnd() : null;
		if (quietStart != null && quietEnd != null) {
			Instant released = ContactRules.afterQuietHours(now, zone, quietStart, quietEnd);
			if (released.isAfter(now)) {
				release(id, InvitationStatus.PENDING, released, "quiet hours: waits until " + released, null);
				return;
			}
		}
		Customer customer = this.customers.ref(invitation.customerId())
			.flatMap((ref) -> this.customers.find(ref.externalId()))
			.orElseThrow();
		SurveyVersion version = this.surveys.currentById(invitation.surveyId()).orElseThrow();
		String token = Tokens.newToken();
		Instant expiresAt = now.plus(Duration.ofHours(invitation.expiryHours()));
		this.jdbc
			.sql("""
					update survey_invitation set token_hash = :hash, expires_at = :expires, channel = :channel where id = :id
					""")
			.param("hash", Tokens.hash(token))
			.param("expires", org.opencxm.shared.SqlTime.of(expiresAt))
			.param("channel", channel.name())
			.param("id", id)
			.update();
		InvitationSender sender = this.senders.get(channel);
		int attempt = invitation.attempts() + 1;
		try {
			String note = sender
				.send(new InvitationSender.Outgoing(invitation, channel, customer, this.links.invitationUrl(token),
						expiresAt, zone, version.definition().title().in(invitation.language().locale())));
			this.jdbc.sql("""
					update survey_invitation set status = 'SENT', sent_at = :now, attempts = :attempt, delivery = :note,
						reason = null
					where id = :id
					""")
				.param("now", org.opencxm.shared.SqlTime.of(now))
				.param("attempt", attempt)
				.param("note", clip(note))
				.param("id", id)
				.update();
		}
		catch (Exception ex) {
			String problem = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			if (attempt >= this.retry.maxAttempts()) {
				release(id, InvitationStatus.FAILED, null, null,
						"attempt " + attempt + " failed: " + problem + "; giving up");
			}
			else {
				Instant next = now.plus(this.retry.backoff().multipliedBy(1L << (attempt - 1)));
				release(id, InvitationStatus.PENDING, next, null,
						"attempt " + attempt + " failed: " + problem + "; retrying at " + next);
			}
			this.jdbc.sql("update survey_invitation set attempts = :attempt, token_hash = null where id = :id")
				.param("attempt", attempt)
				.param("id", id)
				.update();
		}
	}

	/**
	 * The contact rules an invitation made outside triggers carries on its own row.
	 */
	record OwnRules(List<InvitationChannel> channels, java.time.@Nullable LocalTime quietStart,
			java.time.@Nullable LocalTime quietEnd) {

	}

	private OwnRules ownRules(long id) {
		return this.jdbc.sql("select channels, quiet_start, quiet_end from survey_invitation where id = :id")
			.param("id", id)
			.query((rs, row) -> {
				String channels = rs.getString("channels");
				String start = rs.getString("quiet_start");
				String end = rs.getString("quiet_end");
				return new OwnRules(
						(channels == null || channels.isBlank()) ? List.of()
								: java.util.Arrays.stream(channels.split(",")).map(InvitationChannel::valueOf).toList(),
						(start != null) ? java.time.LocalTime.parse(start) : null,
						(end != null) ? java.time.LocalTime.parse(end) : null);
			})
			.single();
	}

	private void release(long id, InvitationStatus status, @Nullable Instant due, @Nullable String reason,
			@Nullable String delivery) {
		this.jdbc.sql("""
				update survey_invitation set status = :status, due_at = coalesce(:due, due_at),
					reason = coalesce(:reason, reason), delivery = coalesce(:delivery, delivery), claimed_at = null
				where id = :id
				""")
			.param("status", status.name())
			.param("due", org.opencxm.shared.SqlTime.of(due), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("reason", (reason != null) ? clip(reason) : null, java.sql.Types.VARCHAR)
			.param("delivery", (delivery != null) ? clip(delivery) : null, java.sql.Types.VARCHAR)
			.param("id", id)
			.update();
	}

	private static String clip(String text) {
		return (text.length() > 480) ? text.substring(0, 480) : text;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
