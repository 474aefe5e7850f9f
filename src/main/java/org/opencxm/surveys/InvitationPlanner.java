package org.opencxm.surveys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.ConsentChannel;
import org.opencxm.customers.CustomerRef;
import org.opencxm.customers.Customers;
import org.opencxm.interactions.InteractionRecorded;
import org.opencxm.interactions.InteractionsRecorded;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.SqlDialect;
import org.opencxm.shared.SqlTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns recorded contacts into invitations: for each contact at a touchpoint (or a stage)
 * with an active trigger, it applies the contact rules and stores an invitation, PENDING
 * until its time or SUPPRESSED with the rule that stopped it. Runs after the contacts'
 * commit, from the event publication registry, so a stop in between loses nothing; a
 * redelivered event adds nothing (one invitation per trigger and contact).
 */
@Component
class InvitationPlanner {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Customers customers;

	private final Touchpoints touchpoints;

	private final OrgUnits units;

	private final ObjectProvider<OpenCaseCheck> openCases;

	private final Clock clock;

	private final String insert;

	InvitationPlanner(JdbcClient jdbc, JdbcTemplate template, Customers customers, Touchpoints touchpoints,
			OrgUnits units, ObjectProvider<OpenCaseCheck> openCases, Clock clock, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.template = template;
		this.customers = customers;
		this.touchpoints = touchpoints;
		this.units = units;
		this.openCases = openCases;
		this.clock = clock;
		this.insert = dialect.upsert("survey_invitation", List.of("trigger_id", "interaction_id"),
				List.of("survey_id", "trigger_id", "customer_id", "interaction_id", "touchpoint_id", "stage_id",
						"unit_id", "staff_id", "contact_channel", "channel", "language", "status", "reason", "due_at",
						"expiry_hours", "attempts", "created_at"),
				null, null);
	}

	/** What the planner needs of a trigger. */
	record Rules(long id, long surveyId, int delayMinutes, List<InvitationChannel> channels, int quarantineDays,
			double samplingRate, @Nullable LocalTime quietStart, @Nullable LocalTime quietEnd, int expiryHours) {

	}

	@ApplicationModuleListener
	void on(InteractionsRecorded event) {
		Set<Long> touchpointIds = new HashSet<>();
		Set<Long> stageIds = new HashSet<>();
		event.interactions().forEach((i) -> {
			touchpointIds.add(i.touchpointId());
			stageIds.add(i.stageId());
		});
		List<Map.Entry<Long, Long>> scopes = this.jdbc.sql("""
				select id, coalesce(touchpoint_id, -stage_id) as target from survey_trigger
				where active and (touchpoint_id in (:touchpoints) or stage_id in (:stages))
				""")
			.param("touchpoints", touchpointIds)
			.param("stages", stageIds)
			.query((rs, row) -> Map.entry(rs.getLong("id"), rs.getLong("target")))
			.list();
		if (scopes.isEmpty()) {
			return;
		}
		for (InteractionRecorded interaction : event.interactions()) {
			for (Map.Entry<Long, Long> trigger : scopes) {
				long target = trigger.getValue();
				if (target == interaction.touchpointId() || -target == interaction.stageId()) {
					plan(interaction, rules(trigger.getKey()));
				}
			}
		}
	}

	Rules rules(long triggerId) {
		return this.jdbc.sql("select * from survey_trigger where id = :id")
			.param("id", triggerId)
			.query((rs, row) -> new Rules(rs.getLong("id"), rs.getLong("survey_id"), rs.getInt("delay_minutes"),
					java.util.Arrays.stream(rs.getString("channels").split(","))
						.map(InvitationChannel::valueOf)
						.toList(),
					rs.getInt("quarantine_days"), rs.getDouble("sampling_rate"), time(rs.getString("quiet_start")),
					time(rs.getString("quiet_end")), rs.getInt("expiry_hours")))
			.single();
	}

	private void plan(InteractionRecorded interaction, Rules rules) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		CustomerRef customer = this.customers.ref(interaction.customerId()).orElse(null);
		if (customer == null) {
			return;
		}
		Long unitId = unitOf(interaction.unitId(), interaction.touchpointId(), customer);
		Instant due = interaction.occurredAt().plus(Duration.ofMinutes(rules.delayMinutes()));
		if (due.isBefore(now)) {
			due = now;
		}
		InvitationChannel channel = null;
		InvitationStatus status = InvitationStatus.SUPPRESSED;
		String reason;
		if (!ContactRules.sampled(customer.id(), rules.id(), rules.samplingRate())) {
			reason = "sampling: the customer is outside the trigger's sample of "
					+ Math.round(rules.samplingRate() * 100) + "%";
		}
		else if (interaction.occurredAt()
			.plus(Duration.ofMinutes(rules.delayMinutes()))
			.plus(Duration.ofHours(rules.expiryHours()))
			.isBefore(now)) {
			reason = "expiry: the contact is older than an invitation to it would stay valid";
		}
		else {
			channel = channel(customer.id(), rules.channels()).orElse(null);
			if (channel == null) {
				reason = "consent: the customer has not agreed to be contacted by " + rules.channels();
			}
			else if (openCase(customer.id())) {
				reason = "open case: the customer has a case that is still open";
			}
			else {
				reason = quarantine(customer.id(), rules.quarantineDays(), now, null);
				if (reason == null) {
					status = InvitationStatus.PENDING;
					Instant released = ContactRules.afterQuietHours(due, zone(unitId), rules.quietStart(),
							rules.quietEnd());
					if (released.isAfter(due)) {
						reason = "quiet hours: waits until " + released;
						due = released;
					}
				}
			}
		}
		LanguageTag language = customer.language();
		this.template.update(this.insert, rules.surveyId(), rules.id(), customer.id(), interaction.interactionId(),
				interaction.touchpointId(), interaction.stageId(), unitId, interaction.staffId(),
				interaction.channel().name(), (channel != null) ? channel.name() : null, language.tag(), status.name(),
				reason, SqlTime.of(due), rules.expiryHours(), 0, SqlTime.of(now));
	}

	/** The first of the channels the customer agreed to. */
	Optional<InvitationChannel> channel(long customerId, List<InvitationChannel> channels) {
		Map<ConsentChannel, Boolean> consents = this.customers.consents(customerId);
		return channels.stream().filter((c) -> Boolean.TRUE.equals(consents.get(c.consent()))).findFirst();
	}

	boolean openCase(long customerId) {
		return this.openCases.orderedStream().anyMatch((check) -> check.hasOpenCase(customerId));
	}

	/**
	 * Why the customer may not be invited now (another invitation within the quarantine),
	 * or null.
	 */
	@Nullable String quarantine(long customerId, int days, Instant now, @Nullable Long except) {
		if (days <= 0) {
			return null;
		}
		return this.jdbc.sql("""
				select id, coalesce(sent_at, created_at) as at from survey_invitation
				where customer_id = :customer and status in ('PENDING', 'SENDING', 'SENT', 'ANSWERED')
					and coalesce(sent_at, created_at) > :since and id <> :except
				order by at desc limit 1
				""")
			.param("customer", customerId)
			.param("since", SqlTime.of(now.minus(Duration.ofDays(days))))
			.param("except", (except != null) ? except : -1L)
			.query((rs, row) -> "quarantine: invitation " + rs.getLong("id") + " of "
					+ SqlTime.requiredInstant(rs, "at") + " is within " + days + " days")
			.optional()
			.orElse(null);
	}

	@Nullable Long unitOf(@Nullable Long unitId, @Nullable Long touchpointId, CustomerRef customer) {
		if (unitId != null) {
			return unitId;
		}
		Long owner = (touchpointId != null)
				? this.touchpoints.ref(touchpointId).map(TouchpointRef::ownerUnitId).orElse(null) : null;
		return (owner != null) ? owner : customer.homeUnitId();
	}

	ZoneId zone(@Nullable Long unitId) {
		if (unitId == null) {
			return ZoneOffset.UTC;
		}
		return this.units.findById(unitId).map(OrgUnit::timeZone).map(ZoneId::of).orElse(ZoneOffset.UTC);
	}

	private static @Nullable LocalTime time(@Nullable String text) {
		return (text != null) ? LocalTime.parse(text) : null;
	}

}
