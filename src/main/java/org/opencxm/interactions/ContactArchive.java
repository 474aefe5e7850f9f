package org.opencxm.interactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerRef;
import org.opencxm.customers.Customers;
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
import org.opencxm.shared.GroupCommit;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.SqlDialect;
import org.opencxm.shared.SqlTime;
import org.opencxm.shared.SqlArrays;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records contacts into the archive, one or up to {@value #MAX_BATCH} at a time. A batch
 * is checked whole before anything is written: if any item is bad, nothing is stored and
 * every bad item is reported. An event id that was recorded before is answered from the
 * archive, never stored twice.
 */
@Service
public class ContactArchive {

	public static final int MAX_BATCH = 1000;

	private static final int MAX_PROPERTIES_CHARS = 8192;

	private static final int MAX_ATTEMPTS = 3;

	private static final int MAX_GROUP = 256;

	private static final Duration LINGER = Duration.ofMillis(1);

	private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
	};

	private static final String INSERT = """
			insert into interaction (event_id, request_hash, customer_id, touchpoint_id, journey_id, stage_id, unit_id,
				staff_id, channel, occurred_at, recorded_at, properties)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final Validator validator;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Staff staff;

	private final Customers customers;

	private final Touchpoints touchpoints;

	private final ContactHistory history;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final JourneyProgress progress;

	/**
	 * Single contacts that arrive together are stored together: one transaction, one
	 * commit and one {@link InteractionsRecorded} for all of them.
	 */
	private final GroupCommit<List<Planned>> singles;

	/**
	 * On the embedded database, writers to the archive take turns within this node (the
	 * only node such a database has): H2 serialises commits anyway, and its upserts stall
	 * behind other transactions' uncommitted rows. PostgreSQL writers run side by side.
	 */
	private final @Nullable ReentrantLock embeddedWrites;

	ContactArchive(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Validator validator,
			OrgScope scope, OrgUnits units, Staff staff, Customers customers, Touchpoints touchpoints,
			ContactHistory history, ApplicationEventPublisher events, JsonMapper json, Clock clock, SqlDialect dialect,
			JourneyProgress progress) {
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.validator = validator;
		this.scope = scope;
		this.units = units;
		this.staff = staff;
		this.customers = customers;
		this.touchpoints = touchpoints;
		this.history = history;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.embeddedWrites = dialect.postgres() ? null : new ReentrantLock();
		this.progress = progress;
		this.singles = new GroupCommit<>(MAX_GROUP, LINGER, this::write,
				(groups) -> write(groups.stream().flatMap(List::stream).toList()));
	}

	/**
	 * Records one contact. The same event sent again answers with the stored interaction
	 * and creates nothing; a different contact under a used event id is a conflict.
	 */
	public Created<Interaction> record(InteractionRequest request) {
		Ingested ingested = ingest(List.of(request), false);
		Planned item = ingested.items().get(0);
		if (item.outcome() == BatchResult.Outcome.CREATED) {
			Interaction written = written(item);
			if (written != null) {
				return new Created<>(written, true);
			}
		}
		return new Created<>(this.history.get(item.id()), item.outcome() == BatchResult.Outcome.CREATED);
	}

	/**
	 * A contact just stored, as reading it back would show it, without reading it back;
	 * null when that needs the database (a unit taken from the staff member or the
	 * touchpoint, whose code the request does not name, or a time finer than the database
	 * keeps).
	 */
	private @Nullable Interaction written(Planned item) {
		InteractionRequest request = item.request();
		Instant recordedAt = item.recordedAt();
		if (recordedAt == null || (request.unit() == null && item.unitId() != null)
				|| request.occurredAt().getNano() % 1000 != 0) {
			return null;
		}
		String properties = item.properties();
		return new Interaction(item.id(), request.eventId(), request.customer(), item.touchpoint().code(),
				item.touchpoint().stageCode(), request.unit(), request.staff(), item.channel(), request.occurredAt(),
				recordedAt, (properties != null) ? this.json.readValue(properties, PROPERTIES) : Map.of());
	}

	/**
	 * Records up to {@value #MAX_BATCH} contacts all or nothing.
	 */
	public BatchResult recordBatch(List<InteractionRequest> requests) {
		if (requests.isEmpty() || requests.size() > MAX_BATCH) {
			throw new InvalidInputException("items", "must hold 1 to " + MAX_BATCH + " interactions");
		}
		Ingested ingested = ingest(requests, true);
		List<BatchResult.Item> items = new ArrayList<>(requests.size());
		int created = 0;
		for (int i = 0; i < ingested.items().size(); i++) {
			Planned item = ingested.items().get(i);
			if (item.outcome() == BatchResult.Outcome.CREATED && item.firstIndex() == i) {
				created++;
			}
			items.add(new BatchResult.Item(i, item.request().eventId(), item.id(),
					(item.firstIndex() == i) ? item.outcome() : BatchResult.Outcome.DUPLICATE));
		}
		return new BatchResult(requests.size(), created, requests.size() - created, items);
	}

	private Ingested ingest(List<InteractionRequest> requests, boolean indexed) {
		this.scope.requireRole(Role.AGENT);
		// No transaction around the whole: the one that stores must be the outermost, so
		// that on H2 it commits before the write lock is released.
		try {
			return ingestOnce(requests, indexed);
		}
		catch (DuplicateKeyException ex) {
			// Another request stored one of these event ids between our check and our
			// insert: the second attempt sees it and answers it as a duplicate.
			return ingestOnce(requests, indexed);
		}
	}

	private Ingested ingestOnce(List<InteractionRequest> requests, boolean indexed) {
		Plan plan = plan(requests, indexed);
		List<Planned> fresh = plan.items()
			.stream()
			.filter((item) -> item.outcome() == BatchResult.Outcome.CREATED && item.id() == 0)
			.distinct()
			.toList();
		if (!fresh.isEmpty()) {
			if (indexed) {
				write(fresh);
			}
			else {
				this.singles.write(fresh);
			}
		}
		return new Ingested(plan.items());
	}

	/**
	 * Stores new contacts (with bare profiles for new customers), advances the journeys
	 * and announces them in one {@link InteractionsRecorded}.
	 */
	private void write(List<Planned> fresh) {
		// A customer first seen here is homed at the unit of its first contact.
		Map<String, @Nullable Long> homes = new HashMap<>();
		for (Planned item : fresh) {
			homes.putIfAbsent(item.request().customer(), item.unitId());
		}
		if (this.embeddedWrites == null) {
			// Bare profiles for new customers are committed on their own, before the
			// contacts: a new customer row is then locked for one statement, not for the
			// whole batch, so concurrent batches that share new customers do not wait on
			// each other.
			Map<String, CustomerRef> customerRefs = this.customers.resolveOrCreateCommitted(homes);
			this.transactions.executeWithoutResult((status) -> store(fresh, customerRefs));
		}
		else {
			this.embeddedWrites.lock();
			try {
				this.transactions.executeWithoutResult((status) -> store(fresh, this.customers.resolveOrCreate(homes)));
			}
			finally {
				this.embeddedWrites.unlock();
			}
		}
	}

	private Plan plan(List<InteractionRequest> requests, boolean indexed) {
		List<FieldViolation> violations = new ArrayList<>();
		boolean[] malformed = new boolean[requests.size()];
		Set<String> touchpointCodes = new LinkedHashSet<>();
		Set<String> unitCodes = new LinkedHashSet<>();
		Set<String> staffCodes = new LinkedHashSet<>();
		for (int i = 0; i < requests.size(); i++) {
			InteractionRequest request = requests.get(i);
			for (ConstraintViolation<InteractionRequest> violation : this.validator.validate(request)) {
				violations.add(at(FieldViolation.of(violation.getPropertyPath().toString(), violation.getMessage()), i,
						indexed));
				malformed[i] = true;
			}
			if (request.touchpoint() != null) {
				touchpointCodes.add(request.touchpoint());
			}
			if (request.unit() != null) {
				unitCodes.add(request.unit());
			}
			if (request.staff() != null) {
				staffCodes.add(request.staff());
			}
		}
		Map<String, TouchpointRef> touchpointRefs = this.touchpoints.refsByCode(touchpointCodes);
		Map<String, Long> unitIds = this.units.idsByCode(unitCodes);
		Map<String, Staff.StaffRef> staffRefs = this.staff.refsByCode(staffCodes);
		VisibleUnits visible = this.scope.visibleUnits();
		Map<String, Planned> byEvent = new HashMap<>();
		List<Planned> items = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			InteractionRequest request = requests.get(i);
			if (malformed[i]) {
				items.add(null);
				continue;
			}
			TouchpointRef touchpoint = touchpointRefs.get(request.touchpoint());
			if (touchpoint == null || !touchpoint.active()) {
				violations.add(at(
						FieldViolation.of("touchpoint",
								(touchpoint == null) ? "no touchpoint has this code" : "the touchpoint is inactive"),
						i, indexed));
				items.add(null);
				continue;
			}
			Staff.StaffRef staffRef = (request.staff() != null) ? staffRefs.get(request.staff()) : null;
			if (request.staff() != null && staffRef == null) {
				violations.add(at(FieldViolation.of("staff", "no staff member has this code"), i, indexed));
			}
			Long unitId = (request.unit() != null) ? unitIds.get(request.unit()) : null;
			if (request.unit() != null && unitId == null) {
				violations.add(at(FieldViolation.of("unit", "no org unit has this code"), i, indexed));
			}
			if (unitId == null && staffRef != null) {
				unitId = staffRef.unitId();
			}
			if (unitId == null) {
				unitId = touchpoint.ownerUnitId();
			}
			if (!visible.all() && !visible.contains(unitId)) {
				violations.add(at(FieldViolation.of("unit", "must name an org unit within your scope"), i, indexed));
			}
			String properties = properties(request.properties(), i, indexed, violations);
			Channel channel = (request.channel() != null) ? request.channel() : touchpoint.channel();
			Planned planned = new Planned(i, request, touchpoint, unitId, (staffRef != null) ? staffRef.id() : null,
					channel, properties, hash(request, channel, properties));
			Planned earlier = byEvent.get(request.eventId());
			if (earlier != null) {
				if (!earlier.hash().equals(planned.hash())) {
					violations
						.add(at(FieldViolation.of("eventId", "is used twice in this batch for different interactions"),
								i, indexed));
				}
				items.add(earlier);
				continue;
			}
			byEvent.put(request.eventId(), planned);
			items.add(planned);
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		markStored(byEvent, indexed);
		return new Plan(items);
	}

	private void markStored(Map<String, Planned> byEvent, boolean indexed) {
		List<FieldViolation> violations = new ArrayList<>();
		this.jdbc.sql("select id, event_id, request_hash from interaction where event_id = any(:ids)")
			.param("ids", SqlArrays.texts(byEvent.keySet()))
			.query((rs, row) -> {
				Planned planned = byEvent.get(rs.getString("event_id"));
				if (planned != null) {
					if (planned.hash().equals(rs.getString("request_hash"))) {
						planned.stored(rs.getLong("id"));
					}
					else if (indexed) {
						violations.add(FieldViolation.of("eventId", "is already used for a different interaction")
							.atIndex(planned.firstIndex()));
					}
					else {
						throw new ConflictException(
								"event id " + planned.request().eventId()
										+ " is already used for a different interaction",
								this.history.get(rs.getLong("id")));
					}
				}
				return planned;
			})
			.list();
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	private void store(List<Planned> fresh, Map<String, CustomerRef> customerRefs) {
		// Microseconds, as both databases keep them, so that the answer needs no reading
		// back.
		Instant recordedAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Timestamp now = Timestamp.from(recordedAt);
		KeyHolder generatedKeys = new GeneratedKeyHolder();
		this.template.batchUpdate((connection) -> connection.prepareStatement(INSERT, new String[] { "id" }),
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						bind(ps, fresh.get(i), customerRefs, now);
					}

					@Override
					public int getBatchSize() {
						return fresh.size();
					}

				}, generatedKeys);
		List<Map<String, Object>> keys = generatedKeys.getKeyList();
		for (int i = 0; i < fresh.size(); i++) {
			fresh.get(i).created(((Number) keys.get(i).values().iterator().next()).longValue(), recordedAt);
		}
		this.progress.advance(fresh.stream()
			.map((item) -> new JourneyProgress.Step(item.customerId(), item.touchpoint().journeyId(),
					item.touchpoint().stageId(), item.touchpoint().stagePosition(), item.request().occurredAt()))
			.toList());
		this.events.publishEvent(new InteractionsRecorded(fresh.stream()
			.map((item) -> new InteractionRecorded(item.id(), item.customerId(), item.touchpoint().id(),
					item.touchpoint().stageId(), item.touchpoint().journeyId(), item.unitId(), item.staffId(),
					item.channel(), item.request().occurredAt()))
			.toList()));
	}

	private static void bind(PreparedStatement ps, Planned item, Map<String, CustomerRef> customerRefs, Timestamp now)
			throws SQLException {
		CustomerRef customer = customerRefs.get(item.request().customer());
		item.customerId(customer.id());
		ps.setString(1, item.request().eventId());
		ps.setString(2, item.hash());
		ps.setLong(3, customer.id());
		ps.setLong(4, item.touchpoint().id());
		ps.setLong(5, item.touchpoint().journeyId());
		ps.setLong(6, item.touchpoint().stageId());
		setNullableLong(ps, 7, item.unitId());
		setNullableLong(ps, 8, item.staffId());
		ps.setString(9, item.channel().name());
		ps.setObject(10, item.request().occurredAt().atOffset(ZoneOffset.UTC));
		ps.setObject(11, now.toInstant().atOffset(ZoneOffset.UTC));
		ps.setString(12, item.properties());
	}

	private @Nullable String properties(@Nullable Map<String, Object> properties, int index, boolean indexed,
			List<FieldViolation> violations) {
		if (properties == null || properties.isEmpty()) {
			return null;
		}
		for (String key : properties.keySet()) {
			if (key.isBlank() || key.length() > 64) {
				violations.add(at(FieldViolation.of("properties", "keys must be 1 to 64 characters"), index, indexed));
				return null;
			}
		}
		String text = this.json.writeValueAsString(new TreeMap<>(properties));
		if (text.length() > MAX_PROPERTIES_CHARS) {
			violations.add(at(
					FieldViolation.of("properties", "must be at most " + MAX_PROPERTIES_CHARS + " characters as JSON"),
					index, indexed));
			return null;
		}
		return text;
	}

	private static String hash(InteractionRequest request, Channel channel, @Nullable String properties) {
		String canonical = String.join("\u0000", request.eventId(), request.customer(), request.touchpoint(),
				channel.name(), String.valueOf(request.unit()), String.valueOf(request.staff()),
				request.occurredAt().toString(), String.valueOf(properties));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static FieldViolation at(FieldViolation violation, int index, boolean indexed) {
		return indexed ? violation.atIndex(index) : violation;
	}

	private static void setNullableLong(java.sql.PreparedStatement ps, int index, @Nullable Long value)
			throws java.sql.SQLException {
		if (value != null) {
			ps.setLong(index, value);
		}
		else {
			ps.setNull(index, Types.BIGINT);
		}
	}

	private record Plan(List<Planned> items) {
	}

	private record Ingested(List<Planned> items) {
	}

}
