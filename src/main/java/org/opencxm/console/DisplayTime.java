package org.opencxm.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.Caller;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;

import org.springframework.stereotype.Component;

/**
 * Shows instants as local date and time where the user works: in the time zone of its
 * scope unit, or of the company (the first top-level unit) for an unscoped user.
 */
@Component
class DisplayTime {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final ZoneId FALLBACK = ZoneId.of("Asia/Shanghai");

	private final OrgScope scope;

	private final OrgUnits units;

	DisplayTime(OrgScope scope, OrgUnits units) {
		this.scope = scope;
		this.units = units;
	}

	ZoneId zone() {
		Caller caller = this.scope.currentOrNull();
		Long scopeUnitId = (caller != null) ? caller.scopeUnitId() : null;
		String zone = (scopeUnitId != null) ? this.units.findById(scopeUnitId).map(OrgUnit::timeZone).orElse(null)
				: this.units.list()
					.stream()
					.filter((unit) -> unit.level() == 0)
					.map(OrgUnit::timeZone)
					.findFirst()
					.orElse(null);
		try {
			return (zone != null) ? ZoneId.of(zone) : FALLBACK;
		}
		catch (DateTimeException ex) {
			return FALLBACK;
		}
	}

	static @Nullable String format(@Nullable Instant instant, ZoneId zone) {
		return (instant != null) ? FORMAT.format(instant.atZone(zone)) : null;
	}

}
