package org.opencxm.journeys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.NotFoundException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer journeys with their stages and lifecycle classes. Journeys are company-wide
 * configuration: any authenticated user reads them, CX managers change them. The stage
 * lookups ({@link #stage}, {@link #stagesOf}) and {@link #lifecycleClassCodes} answer
 * from memory.
 */
@Service
public class Journeys {

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final JourneyStore store;

	private final JourneyCatalog catalog;

	private final TouchpointViews touchpoints;

	Journeys(JdbcClient jdbc, OrgScope scope, JourneyStore store, JourneyCatalog catalog, TouchpointViews touchpoints) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.store = store;
		this.catalog = catalog;
		this.touchpoints = touchpoints;
	}

	public Optional<StageRef> stage(long stageId) {
		JourneyCatalog.Snapshot snapshot = this.catalog.current();
		StageRef stage = snapshot.stagesById().get(stageId);
		if (stage == null) {
			stage = this.catalog.afterMiss(snapshot).stagesById().get(stageId);
		}
		return Optional.ofNullable(stage);
	}

	/**
	 * The stages of a journey in order; empty for an unknown journey.
	 */
	public List<StageRef> stagesOf(long journeyId) {
		return this.catalog.current().stagesByJourney().getOrDefault(journeyId, List.of());
	}

	/**
	 * Every lifecycle class code that some journey defines.
	 */
	public Set<String> lifecycleClassCodes() {
		return this.catalog.current().lifecycleClassCodes();
	}

	/**
	 * Every journey in code order.
	 */
	public List<Journey> list() {
		return assemble("", Map.of());
	}

	public Journey get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("journey", code));
	}

	public Optional<Journey> find(String code) {
		return assemble(" where j.code = :code", Map.of("code", code)).stream().findFirst();
	}

	/**
	 * Creates a journey. Sending the same journey again answers with the stored one; a
	 * different journey under a code that is taken is a conflict.
	 */
	@Transactional
	public Created<Journey> create(JourneyRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		String code = request.code();
		if (code == null) {
			throw new InvalidInputException("code", "must not be null");
		}
		validate(request);
		Optional<Journey> existing = find(code);
		if (existing.isPresent()) {
			Journey current = existing.get();
			if (sameAs(current, request)) {
				return new Created<>(current, false);
			}
			throw new ConflictException("journey " + code + " exists already with other values", current);
		}
		this.store.insert(code, request);
		this.catalog.reloadAfterCommit();
		return new Created<>(get(code), true);
	}

	/**
	 * Creates the journey under this code or replaces its names, stages and lifecycle
	 * classes. Stages are matched by code, so a stage keeps its id (and its touchpoints)
	 * while it is renamed or moved; a stage that still has touchpoints cannot be left
	 * out.
	 */
	@Transactional
	public Created<Journey> put(String code, JourneyRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() != null && !request.code().equals(code)) {
			throw new InvalidInputException("code", "must match the code in the path");
		}
		validate(request);
		Optional<Journey> existing = find(code);
		if (existing.isEmpty()) {
			this.store.insert(code, request);
			this.catalog.reloadAfterCommit();
			return new Created<>(get(code), true);
		}
		Journey current = existing.get();
		Set<String> kept = new HashSet<>();
		request.stages().forEach((stage) -> kept.add(stage.code()));
		List<Journey.Stage> removed = current.stages()
			.stream()
			.filter((stage) -> !kept.contains(stage.code()))
			.toList();
		List<String> inUse = removed.stream()
			.filter((stage) -> !stage.touchpoints().isEmpty())
			.map(Journey.Stage::code)
			.toList();
		if (!inUse.isEmpty()) {
			throw new ConflictException("stages " + inUse + " still have touchpoints: move or delete them first",
					current);
		}
		try {
			this.store.update(current, request, removed.stream().map(Journey.Stage::id).toList());
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("a removed stage is referred to by recorded data", current);
		}
		this.catalog.reloadAfterCommit();
		return new Created<>(get(code), false);
	}

	private static void validate(JourneyRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		Set<String> classes = new HashSet<>();
		List<JourneyRequest.LifecycleClassRequest> lifecycleClasses = request.lifecycleClassesOrEmpty();
		for (int i = 0; i < lifecycleClasses.size(); i++) {
			if (!classes.add(lifecycleClasses.get(i).code())) {
				violations.add(FieldViolation.of("lifecycleClasses[" + i + "].code",
						"is used by another lifecycle class of this journey"));
			}
		}
		Set<String> stages = new HashSet<>();
		for (int i = 0; i < request.stages().size(); i++) {
			JourneyRequest.StageRequest stage = request.stages().get(i);
			if (!stages.add(stage.code())) {
				violations.add(FieldViolation.of("stages[" + i + "].code", "is used by another stage of this journey"));
			}
			if (stage.lifecycleClassCode() != null && !classes.contains(stage.lifecycleClassCode())) {
				violations.add(FieldViolation.of("stages[" + i + "].lifecycleClassCode",
						"is not one of the journey's lifecycle classes"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	private static boolean sameAs(Journey current, JourneyRequest request) {
		if (!current.name().equals(request.name()) || !Objects.equals(current.description(), request.description())
				|| current.stages().size() != request.stages().size()
				|| current.lifecycleClasses().size() != request.lifecycleClassesOrEmpty().size()) {
			return false;
		}
		for (int i = 0; i < current.stages().size(); i++) {
			Journey.Stage stage = current.stages().get(i);
			JourneyRequest.StageRequest requested = request.stages().get(i);
			if (!stage.code().equals(requested.code()) || !stage.name().equals(requested.name())
					|| !Objects.equals(stage.lifecycleClassCode(), requested.lifecycleClassCode())) {
				return false;
			}
		}
		for (int i = 0; i < current.lifecycleClasses().size(); i++) {
			Journey.LifecycleClass lifecycleClass = current.lifecycleClasses().get(i);
			JourneyRequest.LifecycleClassRequest requested = request.lifecycleClassesOrEmpty().get(i);
			if (!lifecycleClass.code().equals(requested.code()) || !lifecycleClass.name().equals(requested.name())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Journeys matching a condition on {@code j}, with their lifecycle classes, stages
	 * and touchpoint trees, in a fixed number of queries whatever their number.
	 */
	private List<Journey> assemble(String where, Map<String, ?> params) {
		List<JourneyRow> journeys = this.jdbc.sql("select j.* from journey j" + where + " order by j.code")
			.params(params)
			.query((rs, row) -> new JourneyRow(rs.getLong("id"), rs.getString("code"), TouchpointViews.text(rs, "name"),
					TouchpointViews.optionalText(rs, "description")))
			.list();
		if (journeys.isEmpty()) {
			return List.of();
		}
		String ofJourneys = " where x.journey_id in (select j.id from journey j" + where
				+ ") order by x.journey_id, x.seq";
		Map<Long, List<Journey.LifecycleClass>> classes = new HashMap<>();
		this.jdbc.sql("select x.* from journey_lifecycle_class x" + ofJourneys)
			.params(params)
			.query((rs, row) -> Map.entry(rs.getLong("journey_id"),
					new Journey.LifecycleClass(rs.getString("code"), rs.getInt("seq"),
							TouchpointViews.text(rs, "name"))))
			.list()
			.forEach((entry) -> classes.computeIfAbsent(entry.getKey(), (id) -> new ArrayList<>())
				.add(entry.getValue()));
		Map<TouchpointViews.StageKey, List<TouchpointNode>> trees = TouchpointViews
			.treesByStage(this.touchpoints.list(where, params, TouchpointViews.ORDER));
		Map<Long, String> journeyCodes = new HashMap<>();
		journeys.forEach((journey) -> journeyCodes.put(journey.id(), journey.code()));
		Map<Long, List<Journey.Stage>> stages = new HashMap<>();
		this.jdbc.sql("select x.* from journey_stage x" + ofJourneys).params(params).query((rs, row) -> {
			long journeyId = rs.getLong("journey_id");
			String code = rs.getString("code");
			List<TouchpointNode> tree = trees
				.getOrDefault(new TouchpointViews.StageKey(journeyCodes.get(journeyId), code), List.of());
			return Map.entry(journeyId, new Journey.Stage(rs.getLong("id"), code, rs.getInt("seq"),
					TouchpointViews.text(rs, "name"), rs.getString("lifecycle_class_code"), tree));
		})
			.list()
			.forEach(
					(entry) -> stages.computeIfAbsent(entry.getKey(), (id) -> new ArrayList<>()).add(entry.getValue()));
		return journeys.stream()
			.map((journey) -> new Journey(journey.id(), journey.code(), journey.name(), journey.description(),
					classes.getOrDefault(journey.id(), List.of()), stages.getOrDefault(journey.id(), List.of())))
			.toList();
	}

	private record JourneyRow(long id, String code, LocalizedText name, @Nullable LocalizedText description) {
	}

}
