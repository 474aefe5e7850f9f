package org.opencxm.actions;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerRef;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;

import org.springframework.stereotype.Component;

/**
 * Decides where a case goes. The unit: the one given, else the touchpoint's owner unit,
 * else the customer's home unit, else the unit where the feedback came from. The owner:
 * the unit's agent with the fewest open cases (agents are routed only the cases of the
 * unit they are scoped to, not of units below it, so that each case has a clear team);
 * without agents, the unit's manager; without one, the nearest manager further up.
 */
@Component
class CaseRouter {

	private final People people;

	private final OrgUnits units;

	CaseRouter(People people, OrgUnits units) {
		this.people = people;
		this.units = units;
	}

	static @Nullable Long unitFor(@Nullable Long explicit, @Nullable TouchpointRef touchpoint,
			@Nullable CustomerRef customer, @Nullable Long sourceUnit) {
		if (explicit != null) {
			return explicit;
		}
		if (touchpoint != null && touchpoint.ownerUnitId() != null) {
			return touchpoint.ownerUnitId();
		}
		if (customer != null && customer.homeUnitId() != null) {
			return customer.homeUnitId();
		}
		return sourceUnit;
	}

	Optional<Long> ownerFor(long unitId) {
		Optional<Long> agent = this.people.leastBusyAgent(unitId);
		if (agent.isPresent()) {
			return agent;
		}
		for (OrgUnit unit : this.units.ancestry(unitId)) {
			Optional<Long> manager = this.people.managerOf(unit.id());
			if (manager.isPresent()) {
				return manager;
			}
		}
		return Optional.empty();
	}

}
