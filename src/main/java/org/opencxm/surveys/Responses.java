package org.opencxm.surveys;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerRef;
import org.opencxm.customers.Customers;
import org.opencxm.interactions.ContactHistory;
import org.opencxm.interactions.Interaction;
import org.opencxm.journeys.Channel;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.Staff;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.shared.SqlTime;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * Survey responses: submitted through the API (idempotent by response key), read one by
 * one with typed answers, listed and filtered. A scoped caller sees only responses at
 * units in its subtree; work outside a request (event listeners) sees all.
 */
@Service
public class Responses {

	private static final String WHAT = "response";

	private final Surveys surveys;

	private final ResponseStore store;

	private final ResponseWriter writer;

	private final InvitationStore invitations;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Staff staff;

	private final Customers customers;

	private final Touchpoints touchpoints;

	private final ContactHistory history;

	private final Clock clock;

	Responses(Surveys surveys, ResponseStore store, ResponseWriter writer, InvitationStore invitations, OrgScope scope,
			OrgUnits units, Staff staff, Customers customers, Touchpoints touchpoints, ContactHistory history,
			Clock clock) {
		this.surveys = surveys;
		this.store = store;
		this.writer = writer;
		this.invitations = invitations;
		this.scope = scope;
		this.units = units;
		this.staff = staff;
		this.customers = customers;
		this.touchpoints = touchpoints;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * The response with its typed answers.
	 * @throws NotFoundException if there is none or the caller may not see it
	 */
	public SurveyResponse get(long responseId) {
		return find(responseId).orElseThrow(() -> new NotFoundException(WHAT, responseId));
	}

	public Optional<SurveyResponse> find(long responseId) {
		VisibleUnits visible = this.scope.visibleUnits();
		return this.store.get(responseId).filter((r) -> visible.all() || visible.contains(r.unitId()));
	}

	/**
	 * The responses with these ids that the caller may see, in id order, with their
	 * answers (for listeners that take a batch of responses at once).
	 */
	public List<SurveyResponse> getAll(java.util.Collection<Long> ids) {
		VisibleUnits visible = this.scope.visibleUnits();
		List<Long> all = new ArrayList<>(new java.util.TreeSet<>(ids));
		List<SurveyResponse> found = new ArrayList<>(all.size());
		for (int from = 0; from < all.size(); from += ResponseBatches.MAX_BATCH) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + ResponseBatches.MAX_BATCH));
			this.store.byIds(chunk)
				.stream()
				.filter((r) -> visible.all() || visible.contains(r.unitId()))
				.forEach(found::add);
		}
		return found;
	}

	/**
	 * Responses matching the filter, newest first.
	 */
	public PageResult<SurveyResponse> list(ResponseFilter filter, PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		Where where = where(filter);
		long total = this.store.count(where.sql(), where.args());
		List<Object> args = new ArrayList<>(List.of(where.args()));
		args.add(page.size());
		args.add(page.offset());
		List<SurveyResponse> items = this.store
			.list(where.sql() + " order by r.submitted_at desc, r.id desc limit ? offset ?", args.toArray());
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * For each of the surveys, how many complete responses the caller may see (by the
	 * response's org unit) and when the latest came, in one query; a survey without
	 * responses is left out.
	 */
	public Map<Long, ResponseTally> tallies(Collection<Long> surveyIds) {
		this.scope.requireRole(Role.VIEWER);
		if (surveyIds.isEmpty()) {
			return Map.of();
		}
		Where where = where(new ResponseFilter(null, null, null, null, null, null));
		List<Object> args = new ArrayList<>(List.of(where.args()));
		args.addAll(surveyIds);
		String in = String.join(", ", java.util.Collections.nCopies(surveyIds.size(), "?"));
		return this.store.tallies(where.sql() + " and r.survey_id in (" + in + ")", args.toArray());
	}

	/**
	 * A customer's complete responses that the caller may see (by the response's org
	 * unit), newest first.
	 */
	public PageResult<SurveyResponse> ofCustomer(long customerId, PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		Where where = where(new ResponseFilter(null, null, null, null, null, null));
		String sql = where.sql() + " and r.customer_id = ?";
		List<Object> args = new ArrayList<>(List.of(where.args()));
		args.add(customerId);
		long total = this.store.count(sql, args.toArray());
		args.add(page.size());
		args.add(page.offset());
		List<SurveyResponse> items = this.store.list(sql + " order by r.submitted_at desc, r.id desc limit ? offset ?",
				args.toArray());
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * Records a complete response sent through the API. The same response sent again
	 * under its key answers with the stored one and records nothing; other answers under
	 * a used key are a conflict.
	 */
	public Created<SurveyResponse> submit(String surveyCode, ResponseRequest request, @Nullable String idempotencyKey) {
		this.scope.requireRole(Role.AGENT);
		List<FieldViolation> violations = new ArrayList<>();
		String key = key(request.responseKey(), idempotencyKey, violations);
		SurveyVersion version = (request.version() != null)
				? this.surveys.versionOf(surveyCode, request.version())
					.orElseThrow(() -> new NotFoundException("survey version", surveyCode + "/" + request.version()))
				: this.surveys.current(surveyCode);
		if (version.status() != SurveyStatus.PUBLISHED) {
			throw new ConflictException("survey " + surveyCode + " is a draft: publish it before it takes answers");
		}
		ResponseWriter.Links links = links(version, request, violations);
		Map<String, JsonNode> raw = new HashMap<>(request.answers());
		AnswerChecks.Checked checked = AnswerChecks.check(version.definition(), raw, true);
		checked.problems().forEach((code, reason) -> violations.add(FieldViolation.of("answers." + code, reason)));
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		LanguageTag language = (request.language() != null) ? request.language() : LanguageTag.of(this.scope.locale());
		Instant submittedAt = (request.submittedAt() != null) ? request.submittedAt().truncatedTo(ChronoUnit.MICROS)
				: this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		ResponseWriter.Outcome outcome = this.writer.write(new ResponseWriter.Draft("api:" + key, version,
				ResponseStatus.COMPLETE, ResponseSource.API, links, language, submittedAt, checked.answers()));
		if (!outcome.created()) {
			return new Created<>(this.store.get(outcome.id()).orElseThrow(), false);
		}
		// What was just written, without reading it back: the hot path of API
		// submissions.
		return new Created<>(new SurveyResponse(outcome.id(), version.surveyId(), version.surveyCode(),
				version.versionId(), version.version(), ResponseStatus.COMPLETE, ResponseSource.API, links.customerId(),
				null, null, links.interactionId(), links.touchpointId(), links.stageId(), links.unitId(),
				links.staffId(), links.channel(), language, submittedAt, checked.answers()), true);
	}

	private static String key(@Nullable String body, @Nullable String header, List<FieldViolation> violations) {
		if (body != null && header != null && !body.equals(header)) {
			violations.add(FieldViolation.of("responseKey", "differs from the Idempotency-Key header"));
		}
		String key = (body != null) ? body : header;
		if (key == null || key.isBlank()) {
			violations.add(FieldViolation.of("responseKey",
					"is required (or an Idempotency-Key header): it makes a retry harmless"));
			return "";
		}
		if (key.length() > 120) {
			violations.add(FieldViolation.of("responseKey", "must be at most 120 characters"));
		}
		return key;
	}

	private ResponseWriter.Links links(SurveyVersion version, ResponseRequest request,
			List<FieldViolation> violations) {
		Long customerId = null;
		Long invitationId = null;
		Long interactionId = null;
		Long touchpointId = null;
		Long stageId = null;
		Long unitId = null;
		Long staffId = null;
		Channel channel = request.channel();
		String customerCode = request.customer();
		String touchpointCode = request.touchpoint();
		String unitCode = request.unit();
		String staffCode = request.staff();
		if (request.invitation() != null) {
			Invitation invitation = this.invitations.find(request.invitation())
				.filter((i) -> i.surveyId() == version.surveyId())
				.orElse(null);
			if (invitation == null) {
				violations.add(FieldViolation.of("invitation", "no invitation to this survey has this id"));
			}
			else if (invitation.status() == InvitationStatus.EXPIRED
					|| (invitation.expiresAt() != null && !this.clock.instant().isBefore(invitation.expiresAt()))) {
				violations.add(FieldViolation.of("invitation", "has expired: its link no longer takes answers"));
			}
			else if (invitation.status() != InvitationStatus.SENT && invitation.status() != InvitationStatus.ANSWERED) {
				violations.add(FieldViolation.of("invitation", "was not sent: it is " + invitation.status()));
			}
			else {
				invitationId = invitation.id();
				customerId = invitation.customerId();
				interactionId = invitation.interactionId();
				touchpointId = invitation.touchpointId();
				stageId = invitation.stageId();
				unitId = invitation.unitId();
				staffId = invitation.staffId();
				channel = (channel != null) ? channel : invitation.contactChannel();
			}
		}
		if (request.interaction() != null) {
			try {
				Interaction interaction = this.history.get(request.interaction());
				interactionId = interaction.id();
				customerCode = (customerCode != null) ? customerCode : interaction.customer();
				touchpointCode = (touchpointCode != null) ? touchpointCode : interaction.touchpoint();
				unitCode = (unitCode != null) ? unitCode : interaction.unit();
				staffCode = (staffCode != null) ? staffCode : interaction.staff();
				channel = (channel != null) ? channel : interaction.channel();
			}
			catch (NotFoundException ex) {
				violations.add(FieldViolation.of("interaction", "no interaction you can see has this id"));
			}
		}
		if (customerCode != null) {
			Optional<CustomerRef> customer = this.customers.refByExternalId(customerCode);
			if (customer.isEmpty()) {
				violations.add(FieldViolation.of("customer", "no customer you can see has this external id"));
			}
			else {
				customerId = customer.get().id();
			}
		}
		if (touchpointCode != null) {
			TouchpointRef touchpoint = this.touchpoints.ref(touchpointCode).orElse(null);
			if (touchpoint == null) {
				violations.add(FieldViolation.of("touchpoint", "no touchpoint has this code"));
			}
			else {
				touchpointId = touchpoint.id();
				stageId = touchpoint.stageId();
				channel = (channel != null) ? channel : touchpoint.channel();
				unitId = (unitId != null || unitCode != null) ? unitId : touchpoint.ownerUnitId();
			}
		}
		if (staffCode != null) {
			Staff.StaffRef member = this.staff.refsByCode(List.of(staffCode)).get(staffCode);
			if (member == null) {
				violations.add(FieldViolation.of("staff", "no staff member you can see has this code"));
			}
			else {
				staffId = member.id();
				unitId = (unitId != null || unitCode != null) ? unitId : Long.valueOf(member.unitId());
			}
		}
		if (unitCode != null) {
			unitId = this.units.idsByCode(List.of(unitCode)).get(unitCode);
			if (unitId == null) {
				violations.add(FieldViolation.of("unit", "no org unit you can see has this code"));
			}
		}
		VisibleUnits visible = this.scope.visibleUnits();
		if (!visible.all() && (unitId == null || !visible.contains(unitId)) && violations.isEmpty()) {
			violations.add(FieldViolation.of("unit", "must be a unit within your scope"));
		}
		return new ResponseWriter.Links(customerId, invitationId, null, interactionId, touchpointId, stageId, unitId,
				staffId, channel);
	}

	record Where(String sql, Object[] args) {

	}

	/** The condition (on alias r) of a filter within the caller's scope. */
	Where where(ResponseFilter filter) {
		StringBuilder sql = new StringBuilder(" where r.status = ?");
		List<Object> args = new ArrayList<>();
		args.add(((filter.status() != null) ? filter.status() : ResponseStatus.COMPLETE).name());
		if (filter.survey() != null) {
			Survey survey = this.surveys.find(filter.survey())
				.orElseThrow(() -> new NotFoundException("survey", filter.survey()));
			sql.append(" and r.survey_id = ?");
			args.add(survey.id());
		}
		if (filter.touchpoint() != null) {
			TouchpointRef touchpoint = this.touchpoints.ref(filter.touchpoint())
				.orElseThrow(() -> new NotFoundException("touchpoint", filter.touchpoint()));
			sql.append(" and r.touchpoint_id = ?");
			args.add(touchpoint.id());
		}
		if (filter.unit() != null) {
			Long unitId = this.units.idsByCode(List.of(filter.unit())).get(filter.unit());
			if (unitId == null) {
				throw new NotFoundException("org unit", filter.unit());
			}
			inUnits(sql, args, this.scope.subtree(unitId).ids());
		}
		VisibleUnits visible = this.scope.visibleUnits();
		if (!visible.all()) {
			inUnits(sql, args, visible.ids());
		}
		if (filter.from() != null) {
			sql.append(" and r.submitted_at >= ?");
			args.add(SqlTime.of(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" and r.submitted_at < ?");
			args.add(SqlTime.of(filter.to()));
		}
		return new Where(sql.toString(), args.toArray());
	}

	private static void inUnits(StringBuilder sql, List<Object> args, java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			sql.append(" and 1 = 0");
			return;
		}
		sql.append(" and r.unit_id in (")
			.append(String.join(", ", java.util.Collections.nCopies(ids.size(), "?")))
			.append(")");
		args.addAll(ids);
	}

}
