package org.opencxm.actions;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA policies per priority and the business calendars of units, and the due times they
 * give a case.
 */
@Service
public class SlaSettings {

	private static final TypeReference<Map<DayOfWeek, List<OpeningHours>>> HOURS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final OrgUnits units;

	private final JsonMapper json;

	private final Clock clock;

	SlaSettings(JdbcClient jdbc, OrgScope scope, OrgUnits units, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.units = units;
		this.json = json;
		this.clock = clock;
	}

	public List<SlaPolicy> policies() {
		this.scope.requireRole(Role.VIEWER);
		return this.jdbc.sql("select * from sla_policy order by priority")
			.query((rs, row) -> new SlaPolicy(Priority.valueOf(rs.getString("priority")),
					rs.getInt("first_response_minutes"), rs.getInt("resolution_minutes")))
			.list();
	}

	/**
	 * Changes the SLA of a priority; cases opened before keep their due times.
	 */
	@Transactional
	public SlaPolicy putPolicy(SlaPolicy policy) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (policy.resolutionMinutes() < policy.firstResponseMinutes()) {
			throw new InvalidInputException("resolutionMinutes", "must not be shorter than the first response time");
		}
		this.jdbc
			.sql("""
					update sla_policy set first_response_minutes = :first, resolution_minutes = :resolution, updated_at = :now
					where priority = :priority
					""")
			.param("first", policy.firstResponseMinutes())
			.param("resolution", policy.resolutionMinutes())
			.param("now", SqlTime.of(this.clock.instant()))
			.param("priority", policy.priority().name())
			.update();
		return policy;
	}

	SlaPolicy policy(Priority priority) {
		return this.jdbc.sql("select * from sla_policy where priority = :priority")
			.param("priority", priority.name())
			.query((rs, row) -> new SlaPolicy(priority, rs.getInt("first_response_minutes"),
					rs.getInt("resolution_minutes")))
			.single();
	}

	/**
	 * When a case of this priority at this unit, opened (or reopened) at {@code from}, is
	 * due.
	 */
	Due due(long unitId, Priority priority, Instant from) {
		SlaPolicy policy = policy(priority);
		BusinessCalendar calendar = calendarFor(unitId);
		return new Due(calendar.plus(from, Duration.ofMinutes(policy.firstResponseMinutes())),
				calendar.plus(from, Duration.ofMinutes(policy.resolutionMinutes())));
	}

	/**
	 * When a further resolution period after {@code from} runs out (for climbing
	 * escalation).
	 */
	Instant nextResolutionPeriod(long unitId, Priority priority, Instant from) {
		return calendarFor(unitId).plus(from, Duration.ofMinutes(policy(priority).resolutionMinutes()));
	}

	record Due(Instant firstResponse, Instant resolution) {
	}

	/**
	 * The calendar in force at a unit (its own or inherited), read in the unit's own time
	 * zone.
	 */
	public UnitCalendar calendar(String unitCode) {
		this.scope.requireRole(Role.VIEWER);
		OrgUnit unit = this.units.get(unitCode);
		Stored stored = stored(unit.id()).orElse(null);
		if (stored == null) {
			return new UnitCalendar(unit.code(), unit.timeZone(), null, true, Map.of(), List.of());
		}
		String inheritedFrom = (stored.unitId() == unit.id()) ? null
				: this.units.ancestry(unit.id())
					.stream()
					.filter((u) -> u.id() == stored.unitId())
					.map(OrgUnit::code)
					.findFirst()
					.orElse(null);
		return new UnitCalendar(unit.code(), unit.timeZone(), inheritedFrom, false, stored.hours(),
				new ArrayList<>(new TreeSet<>(stored.holidays())));
	}

	/**
	 * Sets a unit's own calendar (its subtree inherits it unless a unit below has its
	 * own).
	 */
	@Transactional
	public UnitCalendar putCalendar(String unitCode, UnitCalendarRequest request) {
		this.scope.requireRole(Role.UNIT_MANAGER);
		OrgUnit unit = this.units.get(unitCode);
		List<FieldViolation> violations = new ArrayList<>();
		request.hours().forEach((day, windows) -> {
			for (int i = 0; i < windows.size(); i++) {
				OpeningHours window = windows.get(i);
				if (!window.to().isAfter(window.from())) {
					violations.add(FieldViolation.of("hours." + day + "[" + i + "].to", "must be after from"));
				}
				if (i > 0 && windows.get(i - 1).to().isAfter(window.from())) {
					violations.add(FieldViolation.of("hours." + day + "[" + i + "]",
							"must start after the window before it ends"));
				}
			}
		});
		if (request.hours().values().stream().allMatch(List::isEmpty)) {
			violations.add(FieldViolation.of("hours", "must open on at least one day"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		this.jdbc.sql("delete from unit_calendar where unit_id = :unit").param("unit", unit.id()).update();
		this.jdbc.sql("insert into unit_calendar (unit_id, weekly_hours, updated_at) values (:unit, :hours, :now)")
			.param("unit", unit.id())
			.param("hours", this.json.writeValueAsString(new EnumMap<>(request.hours())))
			.param("now", SqlTime.of(this.clock.instant()))
			.update();
		Set<LocalDate> holidays = new TreeSet<>((request.holidays() != null) ? request.holidays() : List.of());
		for (LocalDate holiday : holidays) {
			this.jdbc.sql("insert into unit_holiday (unit_id, holiday) values (:unit, :day)")
				.param("unit", unit.id())
				.param("day", holiday)
				.update();
		}
		return calendar(unitCode);
	}

	/** Removes a unit's own calendar: it inherits again. */
	@Transactional
	public void deleteCalendar(String unitCode) {
		this.scope.requireRole(Role.UNIT_MANAGER);
		OrgUnit unit = this.units.get(unitCode);
		if (this.jdbc.sql("delete from unit_calendar where unit_id = :unit").param("unit", unit.id()).update() == 0) {
			throw new NotFoundException("calendar of unit", unitCode);
		}
	}

	BusinessCalendar calendarFor(long unitId) {
		List<OrgUnit> ancestry = this.units.ancestry(unitId);
		ZoneId zone = ZoneId.of(ancestry.get(0).timeZone());
		return stored(unitId).map((calendar) -> BusinessCalendar.of(zone, calendar.hours(), calendar.holidays()))
			.orElseGet(() -> BusinessCalendar.always(zone));
	}

	private Optional<Stored> stored(long unitId) {
		for (OrgUnit unit : this.units.ancestry(unitId)) {
			Optional<String> hours = this.jdbc.sql("select weekly_hours from unit_calendar where unit_id = :unit")
				.param("unit", unit.id())
				.query(String.class)
				.optional();
			if (hours.isPresent()) {
				Set<LocalDate> holidays = new TreeSet<>(
						this.jdbc.sql("select holiday from unit_holiday where unit_id = :unit")
							.param("unit", unit.id())
							.query(LocalDate.class)
							.list());
				Map<DayOfWeek, List<OpeningHours>> parsed = new EnumMap<>(DayOfWeek.class);
				parsed.putAll(this.json.readValue(hours.get(), HOURS));
				return Optional.of(new Stored(unit.id(), parsed, holidays));
			}
		}
		return Optional.empty();
	}

	private record Stored(long unitId, Map<DayOfWeek, List<OpeningHours>> hours, Set<LocalDate> holidays) {
	}

}
