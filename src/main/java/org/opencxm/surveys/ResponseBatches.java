package org.opencxm.surveys;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LanguageTag;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complete responses recorded a thousand at a time, for imports from another survey tool
 * or a contact centre's system: each checked as a single submission is, looked up in
 * bulk, written in one transaction, announced by one {@link ResponsesRecorded}. All or
 * nothing: one bad response rejects the batch, with its index. Retries are harmless: a
 * response already stored under its key is answered with its id and not recorded again.
 */
@Service
public class ResponseBatches {

	public static final int MAX_BATCH = 1000;

	private final Surveys surveys;

	private final ResponseStore store;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Staff staff;

	private final Customers customers;

	private final Touchpoints touchpoints;

	private final ContactHistory history;

	private final Clock clock;

	ResponseBatches(Surveys surveys, ResponseStore store, TransactionTemplate transactions,
			ApplicationEventPublisher events, OrgScope scope, OrgUnits units, Staff staff, Customers customers,
			Touchpoints touchpoints, ContactHistory history, Clock clock) {
		this.surveys = surveys;
		this.store = store;
		this.transactions = transactions;
		this.events = events;
		this.scope = scope;
		this.units = units;
		this.staff = staff;
		this.customers = customers;
		this.touchpoints = touchpoints;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * Records up to {@value #MAX_BATCH} complete responses to a survey. Each needs its
	 * {@code responseKey}; responses to invitations are sent one by one.
	 */
	public ResponseBatchResult record(String surveyCode, List<ResponseRequest> requests) {
		this.scope.requireRole(Role.AGENT);
		if (requests.size() > MAX_BATCH) {
			throw new InvalidInputException(
					List.of(FieldViolation.of("responses", "at most " + MAX_BATCH + " responses a batch")));
		}
		SurveyVersion current = this.surveys.current(surveyCode);
		Lookups lookups = lookups(requests);
		Map<Integer, @Nullable SurveyVersion> versions = new HashMap<>();
		Set<String> keys = new HashSet<>();
		List<FieldViolation> violations = new ArrayList<>();
		List<ResponseWriter.Draft> drafts = new ArrayList<>(requests.size());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		for (int i = 0; i < requests.size(); i++) {
			ResponseRequest request = requests.get(i);
			List<FieldViolation> problems = new ArrayList<>();
			String key = request.responseKey();
			if (key == null || key.isBlank()) {
				problems.add(FieldViolation.of("responseKey", "is required: it makes a retry harmless"));
			}
			else if (!keys.add(key)) {
				problems.add(FieldViolation.of("responseKey", "is used twice in this batch"));
			}
			SurveyVersion version = (request.version() != null) ? versions.computeIfAbsent(request.version(),
					(n) -> this.surveys.versionOf(surveyCode, n).orElse(null)) : current;
			if (version == null) {
				problems.add(FieldViolation.of("version", "the survey has no such version"));
			}
			else if (version.status() != SurveyStatus.PUBLISHED) {
				problems.add(FieldViolation.of("version", "is a draft: publish it before it takes answers"));
			}
			if (request.invitation() != null) {
				problems.add(FieldViolation.of("invitation", "answers to an invitation are sent one by one"));
			}
			ResponseWriter.Links links = links(request, lookups, problems);
			List<Answer> answers = List.of();
			if (version != null) {
				AnswerChecks.Checked checked = AnswerChecks.check(version.definition(),
						new HashMap<>(request.answers()), true);
				checked.problems()
					.forEach((code, reason) -> problems.add(FieldViolation.of("answers." + code, reason)));
				answers = checked.answers();
			}
			if (!problems.isEmpty()) {
				int index = i;
				problems.forEach((problem) -> violations.add(problem.atIndex(index)));
				continue;
			}
			LanguageTag language = (request.language() != null) ? request.language()
					: LanguageTag.of(this.scope.locale());
			Instant submittedAt = (request.submittedAt() != null) ? request.submittedAt().truncatedTo(ChronoUnit.MICROS)
					: now;
			drafts.add(new ResponseWriter.Draft("api:" + key, Objects.requireNonNull(version), ResponseStatus.COMPLETE,
					ResponseSource.API, links, language, submittedAt, answers));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		try {
			return Objects.requireNonNull(this.transactions.execute((status) -> write(drafts)));
		}
		catch (DuplicateKeyException ex) {
			// A concurrent request stored one of the keys first: what it stored now
			// counts
			// as a retry.
			return Objects.requireNonNull(this.transactions.execute((status) -> write(drafts)));
		}
	}

	private ResponseBatchResult write(List<ResponseWriter.Draft> drafts) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Map<String, ResponseStore.Existing> existing = this.store
			.byKeys(drafts.stream().map(ResponseWriter.Draft::key).toList());
		List<ResponseWriter.Draft> fresh = new ArrayList<>();
		List<ResponseWriter.Draft> recorded = new ArrayList<>();
		Map<String, Long> ids = new HashMap<>();
		for (int i = 0; i < drafts.size(); i++) {
			ResponseWriter.Draft draft = drafts.get(i);
			ResponseStore.Existing stored = existing.get(draft.key());
			if (stored == null) {
				fresh.add(draft);
				recorded.add(draft);
			}
			else if (stored.status() == ResponseStatus.COMPLETE) {
				if (!draft.hash().equals(stored.hash())) {
					throw new ConflictException("response " + i + ": a response was recorded under its key "
							+ draft.key().substring(4) + " with other answers");
				}
				ids.put(draft.key(), stored.id());
			}
			else {
				this.store.update(stored.id(), draft, now);
				ids.put(draft.key(), stored.id());
				recorded.add(draft);
			}
		}
		ids.putAll(this.store.insertAll(fresh, now));
		if (!recorded.isEmpty()) {
			this.events.publishEvent(new ResponsesRecorded(recorded.stream().map((draft) -> {
				ResponseWriter.Links links = draft.links();
				return new ResponseRecorded(ids.get(draft.key()), draft.version().surveyId(),
						draft.version().versionId(), links.customerId(), links.touchpointId(), links.stageId(),
						links.unitId(), links.staffId(), links.channel(), links.interactionId(), null,
						Objects.requireNonNull(draft.submittedAt()));
			}).toList()));
		}
		return new ResponseBatchResult(drafts.size(), recorded.size(),
				drafts.stream().map((draft) -> ids.get(draft.key())).toList());
	}

	/** Everything the batch refers to, looked up once. */
	private record Lookups(Map<Long, Interaction> interactions, Map<String, CustomerRef> customers,
			Map<String, TouchpointRef> touchpoints, Map<String, Long> units, Map<String, Staff.StaffRef> staff,
			VisibleUnits visible) {

	}

	private Lookups lookups(List<ResponseRequest> requests) {
		Map<Long, Interaction> interactions = this.history.getAll(requests.stream()
			.map(ResponseRequest::interaction)
			.filter(Objects::nonNull)
			.map(Objects::requireNonNull)
			.toList());
		Set<String> customerCodes = new HashSet<>();
		Set<String> touchpointCodes = new HashSet<>();
		Set<String> unitCodes = new HashSet<>();
		Set<String> staffCodes = new HashSet<>();
		for (ResponseRequest request : requests) {
			addIfPresent(customerCodes, request.customer());
			addIfPresent(touchpointCodes, request.touchpoint());
			addIfPresent(unitCodes, request.unit());
			addIfPresent(staffCodes, request.staff());
		}
		for (Interaction interaction : interactions.values()) {
			customerCodes.add(interaction.customer());
			touchpointCodes.add(interaction.touchpoint());
			addIfPresent(unitCodes, interaction.unit());
			addIfPresent(staffCodes, interaction.staff());
		}
		return new Lookups(interactions, this.customers.refsByExternalId(customerCodes),
				this.touchpoints.refsByCode(touchpointCodes), this.units.idsByCode(unitCodes),
				this.staff.refsByCode(staffCodes), this.scope.visibleUnits());
	}

	private static void addIfPresent(Set<String> codes, @Nullable String code) {
		if (code != null) {
			codes.add(code);
		}
	}

	/**
	 * The links of one response, as {@link Responses#submit} makes them: what an
	 * interaction says fills in what the request leaves out.
	 */
	private static ResponseWriter.Links links(ResponseRequest request, Lookups lookups, List<FieldViolation> problems) {
		Long customerId = null;
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
		if (request.interaction() != null) {
			Interaction interaction = lookups.interactions().get(request.interaction());
			if (interaction == null) {
				problems.add(FieldViolation.of("interaction", "no interaction you can see has this id"));
			}
			else {
				interactionId = interaction.id();
				customerCode = (customerCode != null) ? customerCode : interaction.customer();
				touchpointCode = (touchpointCode != null) ? touchpointCode : interaction.touchpoint();
				unitCode = (unitCode != null) ? unitCode : interaction.unit();
				staffCode = (staffCode != null) ? staffCode : interaction.staff();
				channel = (channel != null) ? channel : interaction.channel();
			}
		}
		if (customerCode != null) {
			CustomerRef customer = lookups.customers().get(customerCode);
			if (customer == null) {
				problems.add(FieldViolation.of("customer", "no customer you can see has this external id"));
			}
			else {
				customerId = customer.id();
			}
		}
		if (touchpointCode != null) {
			TouchpointRef touchpoint = lookups.touchpoints().get(touchpointCode);
			if (touchpoint == null) {
				problems.add(FieldViolation.of("touchpoint", "no touchpoint has this code"));
			}
			else {
				touchpointId = touchpoint.id();
				stageId = touchpoint.stageId();
				channel = (channel != null) ? channel : touchpoint.channel();
				unitId = (unitCode != null) ? null : touchpoint.ownerUnitId();
			}
		}
		if (staffCode != null) {
			Staff.StaffRef member = lookups.staff().get(staffCode);
			if (member == null) {
				problems.add(FieldViolation.of("staff", "no staff member you can see has this code"));
			}
			else {
				staffId = member.id();
				unitId = (unitId != null || unitCode != null) ? unitId : Long.valueOf(member.unitId());
			}
		}
		if (unitCode != null) {
			unitId = lookups.units().get(unitCode);
			if (unitId == null) {
				problems.add(FieldViolation.of("unit", "no org unit you can see has this code"));
			}
		}
		VisibleUnits visible = lookups.visible();
		if (!visible.all() && (unitId == null || !visible.contains(unitId)) && problems.isEmpty()) {
			problems.add(FieldViolation.of("unit", "must be a unit within your scope"));
		}
		return new ResponseWriter.Links(customerId, null, null, interactionId, touchpointId, stageId, unitId, staffId,
				channel);
	}

}
