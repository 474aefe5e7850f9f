package org.opencxm.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.opencxm.org.OrgUnitKind;

/**
 * What the three companies' customers are generated against: the catalogue and its staff,
 * the story, who people are, and the day the demo is loaded.
 */
record Scene(DemoCatalog catalog, Roster roster, DemoStory story, Personas personas, LocalDate today, ZoneId zone) {

	Itinerary itinerary(String customer) {
		return new Itinerary(customer, this.today, this.zone);
	}

	double quality(String unitCode, String touchpointCode) {
		return this.story.quality(unitCode, touchpointCode);
	}

	/** One of the unit's staff in the role, chosen by the dice. */
	String staff(String unitCode, String role, Dice dice) {
		return dice.pick(this.roster.of(unitCode, role));
	}

	/** The first of the unit's staff in the role (its only one, for most roles). */
	String first(String unitCode, String role) {
		return this.roster.of(unitCode, role).get(0);
	}

	/**
	 * The units of a kind below a company, checked against the weights a script has for
	 * them.
	 */
	List<String> units(String company, OrgUnitKind kind, double[] weights) {
		List<String> units = this.catalog.unitsOf(company, kind);
		if (units.size() != weights.length) {
			throw new IllegalStateException("one weight per " + kind + " of " + company + " expected");
		}
		return units;
	}

}
