package org.opencxm.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Journey;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.segments.Segments;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Where alert rules apply: resolves the codes of a rule's limits to ids once, when the
 * rule is written, and answers whether a response or a unit is within them.
 */
@Component
class RuleLimits {

	private static final Logger log = LoggerFactory.getLogger(RuleLimits.class);

	private final OrgUnits units;

	private final Touchpoints touchpoints;

	private final Journeys journeys;

	private final Segments segments;

	RuleLimits(OrgUnits units, Touchpoints touchpoints, Journeys journeys, Segments segments) {
		this.units = units;
		this.touchpoints = touchpoints;
		this.journeys = journeys;
		this.segments = segments;
	}

	/** The ids the codes stand for; each unknown code is a violation at its path. */
	StoredLimits resolve(AlertLimits limits, List<FieldViolation> violations) {
		Map<String, TouchpointRef> touchpointRefs = this.touchpoints.refsByCode(limits.touchpoints());
		List<Long> touchpointIds = new ArrayList<>();
		for (int i = 0; i < limits.touchpoints().size(); i++) {
			TouchpointRef ref = touchpointRefs.get(limits.touchpoints().get(i));
			if (ref == null) {
				violations.add(FieldViolation.of("limits.touchpoints[" + i + "]", "no touchpoint has this code"));
			}
			else {
				touchpointIds.add(ref.id());
			}
		}
		List<Long> stageIds = new ArrayList<>();
		for (int i = 0; i < limits.stages().size(); i++) {
			String[] parts = limits.stages().get(i).split("/", 2);
			Long stage = (parts.length == 2) ? this.journeys.find(parts[0])
				.flatMap((journey) -> journey.stages().stream().filter((s) -> s.code().equals(parts[1])).findFirst())
				.map(Journey.Stage::id)
				.orElse(null) : null;
			if (stage == null) {
				violations
					.add(FieldViolation.of("limits.stages[" + i + "]", "must be journeyCode/stageCode of a stage"));
			}
			else {
				stageIds.add(stage);
			}
		}
		Map<String, Long> unitIds = this.units.idsByCode(limits.units());
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < limits.units().size(); i++) {
			Long id = unitIds.get(limits.units().get(i));
			if (id == null) {
				violations.add(FieldViolation.of("limits.units[" + i + "]", "no org unit has this code"));
			}
			else {
				ids.add(id);
			}
		}
		return new StoredLimits(limits, touchpointIds, stageIds, ids);
	}

	/** Whether a response passes every non-empty limit. */
	boolean applies(StoredLimits limits, AlertInput input) {
		if (!limits.touchpointIds().isEmpty() && !limits.touchpointIds().contains(input.touchpointId())) {
			return false;
		}
		if (!limits.stageIds().isEmpty() && !limits.stageIds().contains(input.stageId())) {
			return false;
		}
		if (!limits.codes().segments().isEmpty() && !inAnySegment(limits.codes().segments(), input)) {
			return false;
		}
		return limits.unitIds().isEmpty() || withinUnits(limits, input.unitId());
	}

	/**
	 * Segments the input names count as given; otherwise the customer's membership is
	 * evaluated now, only for rules limited to segments. A segment deleted since the rule
	 * was saved holds no one.
	 */
	private boolean inAnySegment(List<String> codes, AlertInput input) {
		if (codes.stream().anyMatch(input.segments()::contains)) {
			return true;
		}
		Long customerId = input.customerId();
		if (customerId == null) {
			return false;
		}
		for (String code : codes) {
			try {
				if (this.segments.contains(code, customerId)) {
					return true;
				}
			}
			catch (NotFoundException ex) {
				log.debug("Alert rules name segment {}, which no longer exists", code);
			}
		}
		return false;
	}

	/** Whether the unit is in the subtree of one of the limits' units. */
	boolean withinUnits(StoredLimits limits, @Nullable Long unitId) {
		if (unitId == null) {
			return false;
		}
		try {
			return this.units.ancestry(unitId).stream().map(OrgUnit::id).anyMatch(limits.unitIds()::contains);
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

}
