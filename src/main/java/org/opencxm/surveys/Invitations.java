package org.opencxm.surveys;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerRef;
import org.opencxm.customers.Customers;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.Created;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.shared.SqlDialect;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads invitations, with the reason the contact rules gave for each one that was
 * suppressed or still waits (a scoped caller sees only invitations at units in its
 * subtree), and makes invitations other modules ask for outside triggers.
 */
@Service
public class Invitations {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final JdbcClient jdbc;

	private final InvitationStore store;

	private final Surveys surveys;

	private final Customers customers;

	private final OrgScope scope;

	private final InvitationPlanner planner;

	private final JdbcTemplate template;

	private final Clock clock;

	private final String insert;

	Invitations(JdbcClient jdbc, InvitationStore store, Surveys surveys, Customers customers, OrgScope scope,
			InvitationPlanner planner, JdbcTemplate template, SqlDialect dialect, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.surveys = surveys;
		this.customers = customers;
		this.scope = scope;
		this.planner = planner;
		this.template = template;
		this.clock = clock;
		this.insert = dialect.upsert("survey_invitation", List.of("reference"),
				List.of("survey_id", "customer_id", "touchpoint_id", "unit_id", "channel", "language", "status",
						"reason", "due_at", "expiry_hours", "attempts", "created_at", "reference", "channels",
						"quiet_start", "quiet_end"),
				null, null);
	}

	/**
	 * Makes an invitation another module asks for (see {@link InvitationRequest}), as the
	 * system: no role or scope check. The contact rules it carries are applied now
	 * (consent on one of its channels, no open case, quiet hours) and again when it is
	 * due; it is stored PENDING until its time, or SUPPRESSED with the reason. The
	 * trigger's quarantine does not apply: such an invitation answers something the
	 * customer started. Asking again under the same reference answers with the stored
	 * invitation, not created.
	 * @throws InvalidInputException if the survey is not published, the customer is
	 * unknown or the rules make no sense
	 */
	@Transactional
	public Created<Invitation> invite(InvitationRequest request) {
		Optional<Invitation> existing = this.store.byReference(request.reference());
		if (existing.isPresent()) {
			return new Created<>(existing.get(), false);
		}
		List<FieldViolation> violations = new ArrayList<>();
		if (request.reference().isBlank() || request.reference().length() > 128) {
			violations.add(FieldViolation.of("reference", "must have 1 to 128 characters"));
		}
		Survey survey = this.surveys.find(request.survey())
			.filter((s) -> s.status() == SurveyStatus.PUBLISHED)
			.orElse(null);
		if (survey == null) {
			violations.add(FieldViolation.of("survey", "no published survey has this code"));
		}
		CustomerRef customer = this.customers.ref(request.customerId()).orElse(null);
		if (customer == null) {
			violations.add(FieldViolation.of("customerId", "no customer has this id"));
		}
		if (request.channels().isEmpty()) {
			violations.add(FieldViolation.of("channels", "must name at least one channel"));
		}
		if (request.delay().isNegative()) {
			violations.add(FieldViolation.of("delay", "must not be negative"));
		}
		if (request.expiryHours() < 1) {
			violations.add(FieldViolation.of("expiryHours", "must be at least 1"));
		}
		if ((request.quietStart() == null) != (request.quietEnd() == null)) {
			violations.add(FieldViolation.of("quietEnd", "quiet hours need both a start and an end"));
		}
		if (!violations.isEmpty() || survey == null || customer == null) {
			throw new InvalidInputException(violations);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant due = now.plus(request.delay());
		InvitationChannel channel = this.planner.channel(customer.id(), request.channels()).orElse(null);
		InvitationStatus status = InvitationStatus.SUPPRESSED;
		String reason;
		if (channel == null) {
			reason = "consent: the customer has not agreed to be contacted by " + request.channels();
		}
		else if (this.planner.openCase(customer.id())) {
			reason = "open case: the customer has a case that is still open";
		}
		else {
			status = InvitationStatus.PENDING;
			reason = null;
			Instant released = ContactRules.afterQuietHours(due, this.planner.zone(request.unitId()),
					request.quietStart(), request.quietEnd());
			if (released.isAfter(due)) {
				reason = "quiet hours: waits until " + released;
				due = released;
			}
		}
		boolean created = this.template.update(this.insert, survey.id(), customer.id(), request.touchpointId(),
				request.unitId(), (channel != null) ? channel.name() : null, customer.language().tag(), status.name(),
				reason, SqlTime.of(due), request.expiryHours(), 0, SqlTime.of(now), request.reference(),
				request.channels().stream().map(Enum::name).collect(Collectors.joining(",")),
				hoursAndMinutes(request.quietStart()), hoursAndMinutes(request.quietEnd())) == 1;
		return new Created<>(this.store.byReference(request.reference()).orElseThrow(), created);
	}

	private static @Nullable String hoursAndMinutes(@Nullable LocalTime time) {
		return (time != null) ? HH_MM.format(time) : null;
	}

	/** The invitation made under another module's reference, whoever asks. */
	public Optional<Invitation> byReference(String reference) {
		return this.store.byReference(reference);
	}

	public Invitation get(long id) {
		this.scope.requireRole(Role.VIEWER);
		return this.store.find(id)
			.filter((i) -> visible(i.unitId()))
			.orElseThrow(() -> new NotFoundException("invitation", id));
	}

	/** Invitations newest first, optionally of one survey, customer or status. */
	public PageResult<Invitation> list(@Nullable String survey, @Nullable String customer,
			@Nullable InvitationStatus status, PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (survey != null) {
			where.append(" and i.survey_id = :survey");
			params.put("survey", this.surveys.get(survey).id());
		}
		if (customer != null) {
			where.append(" and i.customer_id = :customer");
			params.put("customer",
					this.customers.refByExternalId(customer)
						.orElseThrow(() -> new NotFoundException("customer", customer))
						.id());
		}
		if (status != null) {
			where.append(" and i.status = :status");
			params.put("status", status.name());
		}
		VisibleUnits visible = this.scope.visibleUnits();
		if (!visible.all()) {
			where.append(visible.ids().isEmpty() ? " and 1 = 0" : " and i.unit_id in (:units)");
			params.put("units", new ArrayList<>(visible.ids()));
		}
		long total = this.jdbc.sql("select count(*) from survey_invitation i" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<Invitation> items = this.jdbc
			.sql(InvitationStore.SELECT + where + " order by i.created_at desc, i.id desc limit :limit offset :offset")
			.params(params)
			.query(InvitationStore::map)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private boolean visible(@Nullable Long unitId) {
		VisibleUnits visible = this.scope.visibleUnits();
		return visible.all() || visible.contains(unitId);
	}

}
