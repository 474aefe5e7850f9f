package org.opencxm.journeys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.TouchpointStore.Parent;
import org.opencxm.journeys.TouchpointStore.Resolved;
import org.opencxm.journeys.TouchpointStore.Stored;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The touchpoints of all journeys. Any authenticated user reads them; CX managers change
 * them. The reference lookups ({@link #refsByCode}, {@link #ref}, {@link #refsOfStage})
 * answer from memory, for batch ingestion.
 */
@Service
public class Touchpoints {

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final OrgUnits units;

	private final TouchpointStore store;

	private final JourneyCatalog catalog;

	private final TouchpointViews views;

	Touchpoints(JdbcClient jdbc, OrgScope scope, OrgUnits units, TouchpointStore store, JourneyCatalog catalog,
			TouchpointViews views) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.units = units;
		this.store = store;
		this.catalog = catalog;
		this.views = views;
	}

	/**
	 * The references of the given touchpoint codes; unknown codes are left out.
	 */
	public Map<String, TouchpointRef> refsByCode(Collection<String> codes) {
		JourneyCatalog.Snapshot snapshot = this.catalog.current();
		Map<String, TouchpointRef> refs = new HashMap<>();
		List<String> missing = new ArrayList<>();
		for (String code : codes) {
			TouchpointRef ref = snapshot.touchpointsByCode().get(code);
			if (ref != null) {
				refs.put(code, ref);
			}
			else {
				missing.add(code);
			}
		}
		if (!missing.isEmpty()) {
			JourneyCatalog.Snapshot fresher = this.catalog.afterMiss(snapshot);
			if (fresher != snapshot) {
				for (String code : missing) {
					TouchpointRef ref = fresher.touchpointsByCode().get(code);
					if (ref != null) {
						refs.put(code, ref);
					}
				}
			}
		}
		return refs;
	}

	public Optional<TouchpointRef> ref(String code) {
		return Optional.ofNullable(refsByCode(List.of(code)).get(code));
	}

	public Optional<TouchpointRef> ref(long id) {
		JourneyCatalog.Snapshot snapshot = this.catalog.current();
		TouchpointRef ref = snapshot.touchpointsById().get(id);
		if (ref == null) {
			ref = this.catalog.afterMiss(snapshot).touchpointsById().get(id);
		}
		return Optional.ofNullable(ref);
	}

	/**
	 * The touchpoints of a stage: the top-level ones in order, then the children grouped
	 * by parent.
	 */
	public List<TouchpointRef> refsOfStage(long stageId) {
		return this.catalog.current().touchpointsByStage().getOrDefault(stageId, List.of());
	}

	/**
	 * The id of the touchpoint and of every touchpoint below it, down to the atomic ones
	 * (for "a contact anywhere in this part of the journey").
	 */
	public Set<Long> selfAndDescendantIds(long touchpointId) {
		TouchpointRef ref = ref(touchpointId).orElse(null);
		if (ref == null) {
			return Set.of();
		}
		Map<Long, @Nullable Long> parents = this.store.parentsInStage(ref.stageId());
		Set<Long> ids = new HashSet<>();
		for (Long candidate : parents.keySet()) {
			for (Long id = candidate; id != null; id = parents.get(id)) {
				if (id == touchpointId) {
					ids.add(candidate);
					break;
				}
			}
		}
		ids.add(touchpointId);
		return ids;
	}

	public Touchpoint get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("touchpoint", code));
	}

	public Optional<Touchpoint> find(String code) {
		return this.views.byCode(code);
	}

	/**
	 * Touchpoints in journey and stage order; within a stage the top-level ones first,
	 * then the children grouped by parent, each group in position order. A journey, stage
	 * or parent in the filter that does not exist is answered with 404.
	 */
	public PageResult<Touchpoint> list(TouchpointFilter filter, PageRequest page) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (filter.stageCode() != null && filter.journeyCode() == null) {
			throw new InvalidInputException("stage", "needs the journey too: stage codes are unique within a journey");
		}
		if (filter.journeyCode() != null) {
			long journeyId = this.store.journeyId(filter.journeyCode())
				.orElseThrow(() -> new NotFoundException("journey", filter.journeyCode()));
			where.append(" and t.journey_id = :journey");
			params.put("journey", journeyId);
			if (filter.stageCode() != null) {
				long stageId = this.store.stageId(journeyId, filter.stageCode())
					.orElseThrow(() -> new NotFoundException("stage", filter.journeyCode() + "/" + filter.stageCode()));
				where.append(" and t.stage_id = :stage");
				params.put("stage", stageId);
			}
		}
		if (filter.parentCode() != null) {
			Parent parent = this.store.parent(filter.parentCode())
				.orElseThrow(() -> new NotFoundException("touchpoint", filter.parentCode()));
			where.append(" and t.parent_id = :parent");
			params.put("parent", parent.id());
		}
		if (filter.active() != null) {
			where.append(" and t.active = :active");
			params.put("active", filter.active());
		}
		long total = this.jdbc.sql("select count(*) from touchpoint t" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<Touchpoint> items = this.views.list(where.toString(), params,
				TouchpointViews.ORDER + " limit :limit offset :offset");
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * Creates a touchpoint. Sending the same touchpoint again answers with the stored
	 * one; a different touchpoint under a code that is taken is a conflict.
	 */
	@Transactional
	public Created<Touchpoint> create(TouchpointRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		String code = request.code();
		if (code == null) {
			throw new InvalidInputException("code", "must not be null");
		}
		Optional<Touchpoint> existing = this.views.byCode(code);
		if (existing.isPresent()) {
			Touchpoint current = existing.get();
			if (sameAs(current, request)) {
				return new Created<>(current, false);
			}
			throw new ConflictException("touchpoint " + code + " exists already with other values", current);
		}
		this.store.insert(code, resolve(request, null));
		this.catalog.reloadAfterCommit();
		return new Created<>(get(code), true);
	}

	/**
	 * Creates the touchpoint under this code or changes it. Moving a touchpoint to
	 * another stage moves its descendants with it.
	 */
	@Transactional
	public Created<Touchpoint> put(String code, TouchpointRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() != null && !request.code().equals(code)) {
			throw new InvalidInputException("code", "must match the code in the path");
		}
		Optional<Stored> existing = this.store.stored(code);
		if (existing.isEmpty()) {
			this.store.insert(code, resolve(request, null));
			this.catalog.reloadAfterCommit();
			return new Created<>(get(code), true);
		}
		Stored current = existing.get();
		requireOwnerVisible(current);
		this.store.update(current, resolve(request, current));
		this.catalog.reloadAfterCommit();
		return new Created<>(get(code), false);
	}

	/**
	 * Deletes a touchpoint without children that nothing refers to. Touchpoints that
	 * other records point at are deactivated instead ({@code active: false}).
	 */
	@Transactional
	public void delete(String code) {
		this.scope.requireRole(Role.CX_MANAGER);
		Stored current = this.store.stored(code).orElseThrow(() -> new NotFoundException("touchpoint", code));
		requireOwnerVisible(current);
		Touchpoint view = get(code);
		if (!view.atomic()) {
			throw new ConflictException(
					"touchpoint " + code + " has child touchpoints: delete or move them first, or deactivate it", view);
		}
		try {
			this.store.delete(current.id());
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException(
					"touchpoint " + code + " is referred to by recorded data: deactivate it instead", view);
		}
		this.catalog.reloadAfterCommit();
	}

	private void requireOwnerVisible(Stored current) {
		if (current.ownerUnitId() != null && !this.scope.visibleUnits().contains(current.ownerUnitId())) {
			throw new AccessDeniedException("the touchpoint belongs to a unit outside the caller's scope");
		}
	}

	private static boolean sameAs(Touchpoint current, TouchpointRequest request) {
		return current.journeyCode().equals(request.journeyCode()) && current.stageCode().equals(request.stageCode())
				&& Objects.equals(current.parentCode(), request.parentCode())
				&& (request.position() == null || request.position() == current.position())
				&& current.name().equals(request.name()) && Objects.equals(current.description(), request.description())
				&& current.contactType() == request.contactType() && current.channel() == request.channel()
				&& Set.copyOf(current.semModules()).equals(request.semModulesOrEmpty())
				&& current.brandExperienceLevel() == request.brandExperienceLevel()
				&& Double.compare(current.weight(), request.weightOrDefault()) == 0
				&& Objects.equals(current.ownerUnitCode(), request.ownerUnitCode())
				&& current.standardActions().equals(request.standardActionsOrEmpty())
				&& (request.active() == null || request.active() == current.active());
	}

	/**
	 * Checks every reference of the request, reporting all problems at once, before
	 * anything is written.
	 */
	private Resolved resolve(TouchpointRequest request, @Nullable Stored current) {
		List<FieldViolation> violations = new ArrayList<>();
		Long journeyId = this.store.journeyId(request.journeyCode()).orElse(null);
		Long stageId = null;
		if (journeyId == null) {
			violations.add(FieldViolation.of("journeyCode", "no journey has this code"));
		}
		else {
			stageId = this.store.stageId(journeyId, request.stageCode()).orElse(null);
			if (stageId == null) {
				violations.add(FieldViolation.of("stageCode", "the journey has no stage with this code"));
			}
		}
		Long parentId = null;
		if (request.parentCode() != null) {
			Parent parent = this.store.parent(request.parentCode()).orElse(null);
			if (parent == null) {
				violations.add(FieldViolation.of("parentCode", "no touchpoint has this code"));
			}
			else if (stageId != null && parent.stageId() != stageId) {
				violations.add(FieldViolation.of("parentCode", "must be in the same stage as its child"));
			}
			else if (current != null && isSelfOrDescendant(parent, current.id())) {
				violations.add(FieldViolation.of("parentCode", "would make the touchpoint its own ancestor"));
			}
			else {
				parentId = parent.id();
			}
		}
		Long ownerUnitId = null;
		if (request.ownerUnitCode() != null) {
			ownerUnitId = this.units.idsByCode(List.of(request.ownerUnitCode())).get(request.ownerUnitCode());
			if (ownerUnitId == null) {
				violations.add(FieldViolation.of("ownerUnitCode", "no org unit you can see has this code"));
			}
		}
		Set<String> actionCodes = new HashSet<>();
		List<StandardAction> actions = request.standardActionsOrEmpty();
		for (int i = 0; i < actions.size(); i++) {
			if (!actionCodes.add(actions.get(i).code())) {
				violations.add(FieldViolation.of("standardActions[" + i + "].code",
						"is used by another action of this touchpoint"));
			}
		}
		if (!violations.isEmpty() || journeyId == null || stageId == null) {
			throw new InvalidInputException(violations);
		}
		return new Resolved(request, journeyId, stageId, parentId, ownerUnitId);
	}

	private boolean isSelfOrDescendant(Parent candidate, long touchpointId) {
		Map<Long, @Nullable Long> parents = this.store.parentsInStage(candidate.stageId());
		for (Long id = candidate.id(); id != null; id = parents.get(id)) {
			if (id == touchpointId) {
				return true;
			}
		}
		return false;
	}

}
