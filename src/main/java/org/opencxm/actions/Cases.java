package org.opencxm.actions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerRef;
import org.opencxm.customers.Customers;
import org.opencxm.interactions.ContactHistory;
import org.opencxm.interactions.Interaction;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.Caller;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases: opening (by a person or a rule) with routing and due times, the verbs that move
 * a case along, and reads limited to the caller's scope. Agents work cases; unit managers
 * also reassign them. Every change is checked against the version the client saw, and a
 * change that lost a race is answered with 409 and the current case.
 */
@Service
public class Cases {

	private static final int RETRIES = 3;

	private final CaseRepository repository;

	private final CaseRouter router;

	private final SlaSettings sla;

	private final RootCauses rootCauses;

	private final People people;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Customers customers;

	private final Touchpoints touchpoints;

	private final ContactHistory contacts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Cases(CaseRepository repository, CaseRouter router, SlaSettings sla, RootCauses rootCauses, People people,
			OrgScope scope, OrgUnits units, Customers customers, Touchpoints touchpoints, ContactHistory contacts,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.router = router;
		this.sla = sla;
		this.rootCauses = rootCauses;
		this.people = people;
		this.scope = scope;
		this.units = units;
		this.customers = customers;
		this.touchpoints = touchpoints;
		this.contacts = contacts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens a case and routes it. The same request under the same external reference
	 * answers with the case it opened (not created); another request under it is a
	 * conflict.
	 */
	@Transactional
	public Created<Case> open(OpenCaseRequest request) {
		this.scope.requireRole(Role.AGENT);
		Caller caller = this.scope.caller();
		List<FieldViolation> violations = new ArrayList<>();
		Interaction interaction = null;
		if (request.source().type() != SourceType.MANUAL && request.source().id() == null) {
			violations.add(FieldViolation.of("source.id", "is required for a " + request.source().type() + " source"));
		}
		if (request.source().type() == SourceType.INTERACTION && request.source().id() != null) {
			try {
				interaction = this.contacts.get(request.source().id());
			}
			catch (NotFoundException ex) {
				violations.add(FieldViolation.of("source.id", "no interaction has this id"));
			}
		}
		String customerCode = (request.customer() != null) ? request.customer()
				: (interaction != null) ? interaction.customer() : null;
		CustomerRef customer = null;
		if (customerCode != null) {
			customer = this.customers.refByExternalId(customerCode).orElse(null);
			if (customer == null) {
				violations.add(FieldViolation.of("customer", "no customer has this external id"));
			}
			else if (interaction != null && !interaction.customer().equals(customerCode)) {
				violations.add(FieldViolation.of("customer", "is not the customer of the source interaction"));
			}
		}
		String touchpointCode = (request.touchpoint() != null) ? request.touchpoint()
				: (interaction != null) ? interaction.touchpoint() : null;
		TouchpointRef touchpoint = null;
		if (touchpointCode != null) {
			touchpoint = this.touchpoints.ref(touchpointCode).orElse(null);
			if (touchpoint == null) {
				violations.add(FieldViolation.of("touchpoint", "no touchpoint has this code"));
			}
		}
		Long explicitUnit = null;
		if (request.unit() != null) {
			explicitUnit = this.units.find(request.unit()).map(OrgUnit::id).orElse(null);
			if (explicitUnit == null) {
				violations.add(FieldViolation.of("unit", "no org unit has this code"));
			}
		}
		Long sourceUnit = (interaction != null && interaction.unit() != null)
				? this.units.find(interaction.unit()).map(OrgUnit::id).orElse(null) : null;
		Long unitId = CaseRouter.unitFor(explicitUnit, touchpoint, customer, sourceUnit);
		if (unitId == null && violations.isEmpty()) {
			violations.add(FieldViolation.of("unit",
					"is required: neither the touchpoint nor the customer says where the case belongs"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		String hash = hash(request, customer, touchpoint, unitId);
		if (request.externalRef() != null) {
			Optional<Created<Case>> replay = replay(request.externalRef(), hash);
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		Priority priority = Priority.of(request.severity(), (customer != null) ? customer.valueTier() : null);
		Instant now = this.clock.instant();
		var draft = new CaseRepository.NewCase(request.externalRef(), hash, (customer != null) ? customer.id() : null,
				request.source(), (touchpoint != null) ? touchpoint.id() : null, Objects.requireNonNull(unitId),
				request.severity(), priority, request.title(), request.description(), request.npsScore(), null,
				caller.userId(), now, this.sla.due(unitId, priority, now));
		long id;
		try {
			id = this.repository.insert(draft);
		}
		catch (DuplicateKeyException ex) {
			return replay(Objects.requireNonNull(request.externalRef()), hash).orElseThrow(() -> ex);
		}
		opened(id, draft, new Actor(caller.userId(), caller.username()));
		return new Created<>(view(id), true);
	}

	/**
	 * Opens a case for a rule that a response matched, as the system: no role or scope
	 * check. Routing as for any case, with the rule's priority; the response's own unit
	 * is the last resort.
	 */
	Optional<Long> openForRule(AlertInput input, long ruleId, String ruleCode, Priority priority, String title) {
		CustomerRef customer = (input.customerId() != null) ? this.customers.ref(input.customerId()).orElse(null)
				: null;
		TouchpointRef touchpoint = (input.touchpointId() != null)
				? this.touchpoints.ref(input.touchpointId()).orElse(null) : null;
		Long unitId = CaseRouter.unitFor(null, touchpoint, customer, input.unitId());
		if (unitId == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		String description = String.join("\n", input.comments());
		var draft = new CaseRepository.NewCase("rule:" + ruleId + ":response:" + input.responseId(), null,
				(customer != null) ? customer.id() : null, new CaseSource(SourceType.RESPONSE, input.responseId()),
				(touchpoint != null) ? touchpoint.id() : null, unitId, Severity.HIGH, priority, title,
				description.isBlank() ? null : description, input.nps(), ruleId, null, now,
				this.sla.due(unitId, priority, now));
		long id = this.repository.insert(draft);
		opened(id, draft, Actor.rule(ruleCode));
		return Optional.of(id);
	}

	private void opened(long id, CaseRepository.NewCase draft, Actor by) {
		Instant now = draft.openedAt();
		this.repository.record(id, new CaseFile.Entry(ActivityKind.OPENED, by, now, null, CaseStatus.NEW, null, null));
		Optional<Long> owner = this.router.ownerFor(draft.unitId());
		this.events.publishEvent(
				new CaseOpened(id, draft.unitId(), draft.customerId(), draft.source().type(), draft.source().id(),
						draft.touchpointId(), draft.priority(), owner.orElse(null), draft.alertRuleId(), now));
		if (owner.isPresent()) {
			CaseFile file = this.repository.load(id, VisibleUnits.ALL).orElseThrow();
			file.assign(owner.get(), Actor.SYSTEM, now);
			this.repository.update(file);
			file.events().forEach(this.events::publishEvent);
		}
	}

	private Optional<Created<Case>> replay(String externalRef, String hash) {
		return this.repository.byExternalRef(externalRef).map((stored) -> {
			Case current = view(stored.id());
			if (!hash.equals(stored.requestHash())) {
				throw new ConflictException("case " + externalRef + " was opened already with other values", current);
			}
			return new Created<>(current, false);
		});
	}

	public Case get(long id) {
		this.scope.requireRole(Role.VIEWER);
		return this.repository.view(id, this.scope.visibleUnits()).orElseThrow(() -> new NotFoundException("case", id));
	}

	public List<CaseActivity> activity(long id) {
		get(id);
		return this.repository.activity(id);
	}

	public PageResult<Case> list(CaseQuery query, PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		List<Long> unitIds = null;
		if (query.unit() != null) {
			OrgUnit unit = this.units.find(query.unit())
				.orElseThrow(() -> new NotFoundException("org unit", query.unit()));
			unitIds = List.copyOf(this.scope.subtree(unit.id()).ids());
		}
		Long owner = null;
		if (query.mine()) {
			owner = this.scope.caller().userId();
		}
		else if (query.owner() != null) {
			owner = this.people.byUsername(query.owner())
				.map(People.User::id)
				.orElseThrow(() -> new NotFoundException("user", query.owner()));
		}
		Long customer = (query.customer() != null) ? this.customers.refByExternalId(query.customer())
			.orElseThrow(() -> new NotFoundException("customer", query.customer()))
			.id() : null;
		Long touchpoint = (query.touchpoint() != null) ? this.touchpoints.ref(query.touchpoint())
			.orElseThrow(() -> new NotFoundException("touchpoint", query.touchpoint()))
			.id() : null;
		return this.repository.list(new CaseFilter(query.statuses(), unitIds, owner, customer, touchpoint,
				query.priority(), query.escalated()), this.scope.visibleUnits(), page);
	}

	@Transactional
	public Case acknowledge(long id, @Nullable Long version) {
		return change(id, version, Role.AGENT, (file, by) -> file.acknowledge(by, this.clock.instant()));
	}

	@Transactional
	public Case start(long id, @Nullable Long version) {
		return change(id, version, Role.AGENT, (file, by) -> file.start(by, this.clock.instant()));
	}

	/**
	 * Adds a note. Without a version it never conflicts: a note is not lost to a change
	 * made at the same time.
	 */
	@Transactional
	public Case addNote(long id, String text, @Nullable Long version) {
		return change(id, version, Role.AGENT, (file, by) -> file.note(by, this.clock.instant(), text));
	}

	@Transactional
	public Case edit(long id, String title, @Nullable String description, @Nullable Long version) {
		return change(id, version, Role.AGENT, (file, by) -> file.edit(by, this.clock.instant(), title, description));
	}

	/**
	 * Gives the case to another user; only a unit manager whose scope contains the case's
	 * unit may, and only to a user who can work on it.
	 */
	@Transactional
	public Case assign(long id, String username, @Nullable Long version) {
		this.scope.requireRole(Role.UNIT_MANAGER);
		return change(id, version, Role.UNIT_MANAGER, (file, by) -> {
			People.User user = this.people.byUsername(username)
				.filter((candidate) -> this.people.canWork(candidate, file.unitId))
				.orElseThrow(() -> new InvalidInputException("username",
						"no enabled agent with this user name can work on cases of the case's unit"));
			file.assign(user.id(), by, this.clock.instant());
		});
	}

	@Transactional
	public Case resolve(long id, ResolveRequest request) {
		this.scope.requireRole(Role.AGENT);
		RootCause rootCause = this.rootCauses.find(request.rootCause())
			.filter(RootCause::active)
			.orElseThrow(() -> new InvalidInputException("rootCause", "no active root cause has this code"));
		if (request.recovery().empty()) {
			throw new InvalidInputException("recovery",
					"must say what was done: an apology, an explanation, a fix or a compensation");
		}
		return change(id, request.version(), Role.AGENT, (file, by) -> file.resolve(by, this.clock.instant(),
				rootCause.id(), request.summary(), request.recovery()));
	}

	@Transactional
	public Case close(long id, @Nullable Long version) {
		return change(id, version, Role.AGENT, (file, by) -> file.close(by, this.clock.instant()));
	}

	@Transactional
	public Case reopen(long id, String reason, @Nullable Long version) {
		return change(id, version, Role.AGENT, (file, by) -> reopen(file, by, reason));
	}

	void reopen(CaseFile file, Actor by, String reason) {
		Instant now = this.clock.instant();
		file.reopen(by, now, reason, this.sla.nextResolutionPeriod(file.unitId, file.priority, now));
	}

	/**
	 * Applies a verb to the case the caller may see and stores it. With the client's
	 * version, a case changed since is a conflict; without one, a change that raced
	 * another is applied again to the fresh state (the verb's own checks still hold).
	 */
	private Case change(long id, @Nullable Long version, Role role, BiConsumer<CaseFile, Actor> verb) {
		this.scope.requireRole(role);
		Caller caller = this.scope.caller();
		Actor by = new Actor(caller.userId(), caller.username());
		VisibleUnits visible = this.scope.visibleUnits();
		for (int attempt = 1;; attempt++) {
			CaseFile file = this.repository.load(id, visible).orElseThrow(() -> new NotFoundException("case", id));
			if (version != null && version != file.version) {
				throw new ConflictException("case " + id + " was changed since version " + version
						+ "; reload it and apply your change again", view(id));
			}
			try {
				verb.accept(file, by);
			}
			catch (CaseFile.IllegalTransition ex) {
				throw new ConflictException(ex.getMessage(), view(id));
			}
			if (this.repository.update(file)) {
				file.events().forEach(this.events::publishEvent);
				return view(id);
			}
			if (version != null || attempt >= RETRIES) {
				throw new ConflictException("case " + id + " was changed by someone else at the same time", view(id));
			}
		}
	}

	/**
	 * Applies a system change (SLA checks, follow-ups) to a case; answers whether it
	 * stuck.
	 */
	boolean changeAsSystem(long id, BiConsumer<CaseFile, Actor> verb) {
		CaseFile file = this.repository.load(id, VisibleUnits.ALL).orElseThrow(() -> new NotFoundException("case", id));
		verb.accept(file, Actor.SYSTEM);
		if (this.repository.update(file)) {
			file.events().forEach(this.events::publishEvent);
			return true;
		}
		return false;
	}

	Case view(long id) {
		return this.repository.view(id, VisibleUnits.ALL).orElseThrow(() -> new NotFoundException("case", id));
	}

	private static String hash(OpenCaseRequest request, @Nullable CustomerRef customer,
			@Nullable TouchpointRef touchpoint, @Nullable Long unitId) {
		String canonical = String.join("\u0001", String.valueOf((customer != null) ? customer.id() : null),
				request.source().type().name(), String.valueOf(request.source().id()),
				String.valueOf((touchpoint != null) ? touchpoint.id() : null), String.valueOf(unitId),
				request.severity().name(), request.title(), String.valueOf(request.description()),
				String.valueOf(request.npsScore()));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
