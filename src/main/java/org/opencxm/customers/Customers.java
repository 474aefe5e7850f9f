package org.opencxm.customers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.opencxm.org.Caller;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer profiles. Reads and writes on behalf of a caller are limited to customers
 * homed in the caller's visible units (a customer without a home unit is visible only to
 * callers who see the whole organisation); the lookups other modules key their records by
 * ({@link #resolveOrCreate}, {@link #ref(long)}) are not.
 */
@Service
public class Customers {

	/** The most customers {@link #putAll} takes at once. */
	public static final int MAX_BATCH = 1000;

	private static final String WHAT = "customer";

	private final CustomerRepository repository;

	private final CustomerSearch search;

	private final CustomerChecks checks;

	private final OrgScope scope;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	Customers(CustomerRepository repository, CustomerSearch search, CustomerChecks checks, OrgScope scope, Clock clock,
			PlatformTransactionManager transactions) {
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.repository = repository;
		this.search = search;
		this.checks = checks;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * Resolves external ids to customers, creating a bare profile (only the external id,
	 * home unit as given) for each unknown one, in the caller's transaction. Never checks
	 * scope: an interaction may be recorded for a customer homed elsewhere.
	 * @throws InvalidInputException if an external id is malformed (the index is its
	 * position in the collection)
	 */
	@Transactional
	public Map<String, CustomerRef> resolveOrCreate(Collection<String> externalIds, @Nullable Long homeUnitIdForNew) {
		Map<String, @Nullable Long> homes = new LinkedHashMap<>();
		externalIds.forEach((externalId) -> homes.put(externalId, homeUnitIdForNew));
		return resolveOrCreate(homes);
	}

	/**
	 * Like {@link #resolveOrCreate(Collection, Long)}, with each new profile's home unit
	 * given per external id (for a batch whose contacts happened at different units).
	 */
	public Map<String, CustomerRef> resolveOrCreate(Map<String, @Nullable Long> homeUnitIdsForNew) {
		List<FieldViolation> violations = new ArrayList<>();
		int index = 0;
		for (String externalId : homeUnitIdsForNew.keySet()) {
			int at = index++;
			CustomerChecks.externalId(externalId, "externalId").ifPresent((v) -> violations.add(v.atIndex(at)));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Map<String, CustomerRef> refs = this.repository.refs(homeUnitIdsForNew.keySet());
		Map<String, @Nullable Long> unknown = new HashMap<>(homeUnitIdsForNew);
		unknown.keySet().removeAll(refs.keySet());
		if (!unknown.isEmpty()) {
			this.repository.insertBare(unknown);
			refs.putAll(this.repository.refs(unknown.keySet()));
		}
		return refs;
	}

	/**
	 * Like {@link #resolveOrCreate(Map)}, but commits the new bare profiles in a
	 * transaction of their own before answering, so that a long batch that follows does
	 * not hold their locks.
	 */
	public Map<String, CustomerRef> resolveOrCreateCommitted(Map<String, @Nullable Long> homeUnitIdsForNew) {
		return this.newTransaction.execute((status) -> resolveOrCreate(homeUnitIdsForNew));
	}

	/** The customer with this id, whoever asks (for modules that hold the id already). */
	public Optional<CustomerRef> ref(long id) {
		return this.repository.ref(id);
	}

	/**
	 * The customers with these ids, whoever asks (for modules that hold the ids already).
	 */
	public Map<Long, CustomerRef> refs(Collection<Long> ids) {
		return this.repository.refsById(ids);
	}

	/** The customer with this external id, if the caller may see it. */
	public Optional<CustomerRef> refByExternalId(String externalId) {
		return this.repository.ref(externalId).filter((ref) -> visible(ref.homeUnitId()));
	}

	/**
	 * The customers with these external ids that the caller may see, by external id;
	 * unknown ones are left out.
	 */
	public Map<String, CustomerRef> refsByExternalId(Collection<String> externalIds) {
		Map<String, CustomerRef> refs = this.repository.refs(externalIds);
		refs.values().removeIf((ref) -> !visible(ref.homeUnitId()));
		return refs;
	}

	/** The full profile, if the caller may see it. */
	public Optional<Customer> find(String externalId) {
		return this.repository.byExternalId(externalId)
			.filter((row) -> visible(row.homeUnitId()))
			.map((row) -> views(List.of(row)).get(0));
	}

	/**
	 * The full profile for a reader of the API.
	 * @throws NotFoundException if there is none or the caller may not see it
	 */
	public Customer get(String externalId) {
		this.scope.requireRole(Role.VIEWER);
		return find(externalId).orElseThrow(() -> new NotFoundException(WHAT, externalId));
	}

	/**
	 * Whether the customer currently consents to each channel; a channel never asked
	 * counts as not granted.
	 */
	public Map<ConsentChannel, Boolean> consents(long customerId) {
		Map<ConsentChannel, Boolean> consents = new EnumMap<>(ConsentChannel.class);
		for (ConsentChannel channel : ConsentChannel.values()) {
			consents.put(channel, false);
		}
		this.repository.consents(List.of(customerId))
			.getOrDefault(customerId, Map.of())
			.forEach((channel, consent) -> consents.put(channel, consent.granted()));
		return consents;
	}

	/** Those of the given customers who currently consent to the channel. */
	public Set<Long> consenting(Collection<Long> customerIds, ConsentChannel channel) {
		return new HashSet<>(this.repository.consenting(new LinkedHashSet<>(customerIds), channel));
	}

	/**
	 * Customers matching the query among those the caller may see, in id order.
	 */
	public PageResult<Customer> search(CustomerQuery query, PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		PageResult<CustomerRepository.Row> rows = this.search.search(query, page);
		return new PageResult<>(views(rows.items()), rows.page(), rows.size(), rows.total());
	}

	/**
	 * Customers meeting the condition among those the caller may see, in id order (a
	 * segment's members).
	 */
	public PageResult<Customer> search(CustomerCondition condition, PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		PageResult<CustomerRepository.Row> rows = this.search.search(condition, page);
		return new PageResult<>(views(rows.items()), rows.page(), rows.size(), rows.total());
	}

	/**
	 * How many of the customers the caller may see meet the condition.
	 */
	public long count(CustomerCondition condition) {
		this.scope.requireRole(Role.VIEWER);
		return this.search.count(condition);
	}

	/**
	 * Which of the conditions the customer meets, in their order, whoever asks (for
	 * modules that hold the id already); an unknown customer meets none.
	 */
	public List<Boolean> test(long customerId, List<CustomerCondition> conditions) {
		return this.search.test(customerId, conditions);
	}

	/**
	 * The types of value ({@code string}, {@code number}, {@code boolean}, {@code date})
	 * that customers hold under each of the attribute names; names no customer holds are
	 * left out.
	 */
	public Map<String, Set<String>> attributeTypes(Collection<String> names) {
		return this.search.attributeTypes(names);
	}

	/**
	 * Creates a customer. The same customer sent again answers with the stored one; other
	 * data under an external id that is taken is a conflict.
	 */
	@Transactional
	public Created<Customer> create(CustomerRequest request) {
		this.scope.requireRole(Role.AGENT);
		if (request.externalId() == null) {
			throw new InvalidInputException("externalId", "must not be null");
		}
		String externalId = request.externalId();
		Profile profile = this.checks.profile(externalId, request);
		Optional<CustomerRepository.Row> existing = this.repository.byExternalId(externalId);
		if (existing.isEmpty()) {
			return new Created<>(insert(profile, request), true);
		}
		CustomerRepository.Row row = existing.get();
		requireVisible(row);
		Customer current = views(List.of(row)).get(0);
		if (!same(row, profile) || !consentsHeld(current, request.consents())) {
			throw new ConflictException(WHAT + " " + externalId + " exists already with other values", current);
		}
		return new Created<>(current, false);
	}

	/**
	 * Creates the customer under this external id or replaces its profile. Sending the
	 * same body again changes nothing.
	 */
	@Transactional
	public Created<Customer> put(String externalId, CustomerRequest request) {
		this.scope.requireRole(Role.AGENT);
		Profile profile = this.checks.profile(externalId, request);
		Optional<CustomerRepository.Row> existing = this.repository.byExternalId(externalId);
		if (existing.isEmpty()) {
			return new Created<>(insert(profile, request), true);
		}
		CustomerRepository.Row row = existing.get();
		requireVisible(row);
		Map<String, AttributeValue> attributes = this.repository.attributes(List.of(row.id()))
			.getOrDefault(row.id(), Map.of());
		if (!row.profile(attributes).equals(profile)) {
			this.repository.update(row.id(), profile, !attributes.equals(profile.attributes()));
		}
		recordConsents(row.id(), request.consents());
		return new Created<>(find(externalId).orElseThrow(), false);
	}

	/**
	 * Creates or replaces up to {@value #MAX_BATCH} customers, each as {@link #put}
	 * would, all or nothing: every request is checked before anything is written, and the
	 * problems of all are reported together, each with the index of its request. New
	 * customers are written in a few statements whatever their number, which is what
	 * makes an import of thousands quick.
	 * @return how many of the customers were created (the others were replaced)
	 * @throws NotFoundException if one of them exists but the caller may not see it
	 */
	@Transactional
	public int putAll(List<CustomerRequest> requests) {
		this.scope.requireRole(Role.AGENT);
		if (requests.isEmpty() || requests.size() > MAX_BATCH) {
			throw new InvalidInputException("items", "must hold 1 to " + MAX_BATCH + " customers");
		}
		List<Profile> profiles = this.checks.profiles(requests);
		Map<String, CustomerRepository.Row> existing = this.repository
			.byExternalIds(profiles.stream().map(Profile::externalId).toList());
		existing.values().forEach(this::requireVisible);
		List<Profile> fresh = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			Profile profile = profiles.get(i);
			if (!existing.containsKey(profile.externalId())) {
				fresh.add(profile);
			}
			else {
				put(profile.externalId(), requests.get(i));
			}
		}
		if (!fresh.isEmpty()) {
			Map<String, Long> ids = this.repository.insertAll(fresh);
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			Caller caller = this.scope.currentOrNull();
			String recordedBy = (caller != null) ? caller.username() : null;
			Map<Long, List<Consent>> consents = new HashMap<>();
			for (int i = 0; i < requests.size(); i++) {
				Long id = ids.get(profiles.get(i).externalId());
				Map<ConsentChannel, ConsentRequest> requested = requests.get(i).consents();
				if (id != null && !existing.containsKey(profiles.get(i).externalId()) && requested != null) {
					consents.put(id,
							requested.entrySet()
								.stream()
								.map((entry) -> new Consent(entry.getKey(), entry.getValue().granted(),
										(entry.getValue().at() != null) ? micros(entry.getValue().at()) : now,
										entry.getValue().source().strip(), recordedBy, now))
								.toList());
				}
			}
			this.repository.recordFirstConsents(consents);
		}
		return fresh.size();
	}

	/**
	 * Records that the customer granted or withdrew consent on a channel, and answers the
	 * channel's current consent. A retry (the same consent again) records nothing; a
	 * consent dated before the current one goes into the history only.
	 */
	@Transactional
	public Consent recordConsent(String externalId, ConsentChannel channel, ConsentRequest request) {
		this.scope.requireRole(Role.AGENT);
		this.checks.consent(request);
		CustomerRepository.Row row = this.repository.byExternalId(externalId)
			.filter((candidate) -> visible(candidate.homeUnitId()))
			.orElseThrow(() -> new NotFoundException(WHAT, externalId));
		recordConsents(row.id(), Map.of(channel, request));
		return Objects.requireNonNull(this.repository.consents(List.of(row.id())).get(row.id()).get(channel));
	}

	/**
	 * Every consent the customer gave or withdrew, optionally on one channel only, in the
	 * order they took effect.
	 */
	public List<Consent> consentHistory(String externalId, @Nullable ConsentChannel channel) {
		this.scope.requireRole(Role.VIEWER);
		CustomerRepository.Row row = this.repository.byExternalId(externalId)
			.filter((candidate) -> visible(candidate.homeUnitId()))
			.orElseThrow(() -> new NotFoundException(WHAT, externalId));
		return this.repository.consentHistory(row.id(), channel);
	}

	private Customer insert(Profile profile, CustomerRequest request) {
		long id = this.repository.insert(profile);
		recordConsents(id, request.consents());
		return find(profile.externalId()).orElseThrow();
	}

	private boolean same(CustomerRepository.Row row, Profile profile) {
		return row.profile(this.repository.attributes(List.of(row.id())).getOrDefault(row.id(), Map.of()))
			.equals(profile);
	}

	private static boolean consentsHeld(Customer current, @Nullable Map<ConsentChannel, ConsentRequest> consents) {
		if (consents == null) {
			return true;
		}
		return consents.entrySet().stream().allMatch((entry) -> {
			Consent held = current.consents().get(entry.getKey());
			return held != null && held.granted() == entry.getValue().granted()
					&& held.source().equals(entry.getValue().source().strip());
		});
	}

	private void recordConsents(long customerId, @Nullable Map<ConsentChannel, ConsentRequest> requests) {
		if (requests == null || requests.isEmpty()) {
			return;
		}
		Map<ConsentChannel, Consent> current = this.repository.consents(List.of(customerId))
			.getOrDefault(customerId, Map.of());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Caller caller = this.scope.currentOrNull();
		requests.forEach((channel, request) -> {
			Consent held = current.get(channel);
			String source = request.source().strip();
			boolean granted = request.granted();
			if (request.at() == null) {
				if (held != null && held.granted() == granted && held.source().equals(source)) {
					return;
				}
			}
			else if (this.repository.hasConsentEvent(customerId, channel, granted, micros(request.at()), source)) {
				return;
			}
			Instant at = (request.at() != null) ? micros(request.at()) : now;
			this.repository.recordConsent(customerId,
					new Consent(channel, granted, at, source, (caller != null) ? caller.username() : null, now), held);
		});
	}

	private static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private List<Customer> views(List<CustomerRepository.Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(CustomerRepository.Row::id).toList();
		Map<Long, Map<String, AttributeValue>> attributes = this.repository.attributes(ids);
		Map<Long, Map<ConsentChannel, Consent>> consents = this.repository.consents(ids);
		LocalDate today = CustomerChecks.today(this.clock);
		return rows.stream()
			.map((row) -> new Customer(row.id(), row.externalId(), row.name(), row.phone(), row.email(), row.language(),
					row.birthYear(), AgeBand.of(row.birthYear(), today), row.lifecycleClass(), row.valueTier(),
					row.homeUnitCode(), attributes.getOrDefault(row.id(), Map.of()),
					consents.getOrDefault(row.id(), Map.of()), row.createdAt(), row.updatedAt()))
			.toList();
	}

	private boolean visible(@Nullable Long homeUnitId) {
		return this.scope.visibleUnits().contains(homeUnitId);
	}

	private void requireVisible(CustomerRepository.Row row) {
		if (!visible(row.homeUnitId())) {
			throw new NotFoundException(WHAT, row.externalId());
		}
	}

}
