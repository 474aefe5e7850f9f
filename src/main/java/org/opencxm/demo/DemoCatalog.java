package org.opencxm.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.BrandExperienceLevel;
import org.opencxm.journeys.Channel;
import org.opencxm.journeys.ContactType;
import org.opencxm.journeys.JourneyRequest;
import org.opencxm.journeys.StandardAction;
import org.opencxm.journeys.TouchpointRequest;
import org.opencxm.org.OrgUnitKind;
import org.opencxm.org.OrgUnitRequest;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SemModule;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the demo companies look like: their org trees, how each kind of unit is staffed,
 * and their journeys with touchpoint trees. Read from {@code catalog.json} next to this
 * class, so the content can be read and changed without reading Java.
 */
record DemoCatalog(List<Unit> units, Map<String, List<StaffRole>> staffing, List<JourneyEntry> journeys) {

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	static DemoCatalog load() {
		return read("catalog.json", DemoCatalog.class);
	}

	static <T> T read(String resource, Class<T> type) {
		try (InputStream in = DemoCatalog.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing demo resource " + resource);
			}
			return JSON.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every unit, parents before their children.
	 */
	List<Unit> allUnits() {
		List<Unit> all = new ArrayList<>();
		this.units.forEach((unit) -> unit.collect(all));
		return all;
	}

	/**
	 * The units below the given one (not itself) of the given kind, in catalogue order.
	 */
	List<String> unitsOf(String ancestorCode, OrgUnitKind kind) {
		List<Unit> all = new ArrayList<>();
		allUnits().stream()
			.filter((unit) -> unit.code().equals(ancestorCode))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo unit " + ancestorCode))
			.collect(all);
		return all.stream().filter((unit) -> unit.kind() == kind).map(Unit::code).toList();
	}

	/**
	 * The staff codes of a unit in one role, e.g. the sales consultants of a project.
	 */
	List<String> staffOf(String unitCode, String role) {
		Unit unit = allUnits().stream()
			.filter((candidate) -> candidate.code().equals(unitCode))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo unit " + unitCode));
		List<String> codes = new ArrayList<>();
		for (StaffRole staffRole : staffing(unit)) {
			if (staffRole.role().equals(role)) {
				for (int n = 1; n <= staffRole.count(); n++) {
					codes.add(staffCode(unitCode, role, n));
				}
			}
		}
		if (codes.isEmpty()) {
			throw new IllegalStateException("demo unit " + unitCode + " has no " + role);
		}
		return codes;
	}

	List<StaffRole> staffing(Unit unit) {
		return (unit.staffing() != null) ? this.staffing.getOrDefault(unit.staffing(), List.of()) : List.of();
	}

	static String staffCode(String unitCode, String role, int n) {
		return unitCode + "-" + role + "-" + n;
	}

	/**
	 * Every touchpoint of every journey as a request, parents before their children.
	 */
	List<TouchpointRequest> touchpointRequests() {
		List<TouchpointRequest> requests = new ArrayList<>();
		for (JourneyEntry journey : this.journeys) {
			for (StageEntry stage : journey.stages()) {
				for (TouchpointEntry touchpoint : stage.touchpoints()) {
					touchpoint.collect(journey.code(), stage.code(), null, requests);
				}
			}
		}
		return requests;
	}

	/**
	 * The code of every touchpoint with the code of its stage.
	 */
	Map<String, String> stageOfTouchpoint() {
		Map<String, String> stages = new LinkedHashMap<>();
		touchpointRequests().forEach((request) -> stages.put(request.code(), request.stageCode()));
		return stages;
	}

	record Unit(String code, OrgUnitKind kind, LocalizedText name, @Nullable String staffing,
			@Nullable List<Unit> children) {

		OrgUnitRequest request(@Nullable String parentCode) {
			return new OrgUnitRequest(this.code, parentCode, this.kind, this.name, null);
		}

		List<Unit> childrenOrEmpty() {
			return (this.children != null) ? this.children : List.of();
		}

		private void collect(List<Unit> into) {
			into.add(this);
			childrenOrEmpty().forEach((child) -> child.collect(into));
		}

	}

	record StaffRole(String role, LocalizedText title, int count, @Nullable Boolean manager) {

		/** Titles are one text on a staff record, so both languages go into it. */
		String titleText() {
			return this.title.zh() + " / " + this.title.en();
		}

		boolean isManager() {
			return Boolean.TRUE.equals(this.manager);
		}

	}

	record JourneyEntry(String code, LocalizedText name, @Nullable LocalizedText description,
			@Nullable List<JourneyRequest.LifecycleClassRequest> lifecycleClasses, List<StageEntry> stages) {

		JourneyRequest request() {
			return new JourneyRequest(this.code, this.name, this.description, this.stages.stream()
				.map((stage) -> new JourneyRequest.StageRequest(stage.code(), stage.name(), stage.lifecycleClass()))
				.toList(), this.lifecycleClasses);
		}

	}

	record StageEntry(String code, LocalizedText name, @Nullable String lifecycleClass,
			List<TouchpointEntry> touchpoints) {

	}

	record TouchpointEntry(String code, LocalizedText name, @Nullable LocalizedText description,
			ContactType contactType, Channel channel, Set<SemModule> sem, BrandExperienceLevel level, double weight,
			@Nullable String owner, @Nullable List<StandardAction> actions, @Nullable List<TouchpointEntry> children) {

		private void collect(String journeyCode, String stageCode, @Nullable String parentCode,
				List<TouchpointRequest> into) {
			into.add(new TouchpointRequest(this.code, journeyCode, stageCode, parentCode, null, this.name,
					this.description, this.contactType, this.channel, this.sem, this.level, this.weight, this.owner,
					this.actions, null));
			if (this.children != null) {
				this.children.forEach((child) -> child.collect(journeyCode, stageCode, this.code, into));
			}
		}

	}

}
