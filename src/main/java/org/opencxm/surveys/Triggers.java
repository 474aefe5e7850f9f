package org.opencxm.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Journey;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triggers: which survey to send after a contact at which touchpoint or stage, and under
 * which contact rules. CX managers write them; any user reads them.
 */
@Service
public class Triggers {

	static final String SELECT = """
			select g.*, s.code as survey_code, t.code as touchpoint_code, st.code as stage_code, j.code as journey_code
			from survey_trigger g join survey s on s.id = g.survey_id
			left join touchpoint t on t.id = g.touchpoint_id
			left join journey_stage st on st.id = g.stage_id
			left join journey j on j.id = st.journey_id
			""";

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final Touchpoints touchpoints;

	private final Journeys journeys;

	private final OrgScope scope;

	private final Clock clock;

	Triggers(JdbcClient jdbc, Surveys surveys, Touchpoints touchpoints, Journeys journeys, OrgScope scope,
			Clock clock) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.touchpoints = touchpoints;
		this.journeys = journeys;
		this.scope = scope;
		this.clock = clock;
	}

	public List<Trigger> list() {
		return this.jdbc.sql(SELECT + " order by g.code").query(Triggers::map).list();
	}

	public Trigger get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("trigger", code));
	}

	public Optional<Trigger> find(String code) {
		return this.jdbc.sql(SELECT + " where g.code = :code").param("code", code).query(Triggers::map).optional();
	}

	/**
	 * Creates a trigger. The same trigger sent again answers with the stored one; a
	 * different one under a code that is taken is a conflict.
	 */
	@Transactional
	public Created<Trigger> create(TriggerRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		Resolved wanted = resolve(request);
		Optional<Trigger> existing = find(request.code());
		if (existing.isPresent()) {
			Trigger current = existing.get();
			if (same(current, wanted.trigger())) {
				return new Created<>(current, false);
			}
			throw new ConflictException("trigger " + request.code() + " exists already with other values", current);
		}
		insert(wanted);
		return new Created<>(get(request.code()), true);
	}

	/**
	 * Creates the trigger under this code or changes it. Invitations it made already keep
	 * the rules they were made under.
	 */
	@Transactional
	public Created<Trigger> put(String code, TriggerRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (!code.equals(request.code())) {
			throw new InvalidInputException("code", "must match the code in the path");
		}
		Resolved wanted = resolve(request);
		Optional<Trigger> existing = find(code);
		if (existing.isEmpty()) {
			insert(wanted);
			return new Created<>(get(code), true);
		}
		if (!same(existing.get(), wanted.trigger())) {
			this.jdbc.sql("""
					update survey_trigger set survey_id = :survey, touchpoint_id = :touchpoint, stage_id = :stage,
						delay_minutes = :delay, channels = :channels, quarantine_days = :quarantine,
						sampling_rate = :sampling, quiet_start = :quietStart, quiet_end = :quietEnd,
						expiry_hours = :expiry, active = :active
					where code = :code
					""").params(params(wanted)).update();
		}
		return new Created<>(get(code), false);
	}

	private record Resolved(Trigger trigger, long surveyId, @Nullable Long touchpointId, @Nullable Long stageId) {

	}

	/**
	 * Checks the references and rules of a request and resolves its codes, or throws with
	 * every problem found.
	 */
	private Resolved resolve(TriggerRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		Survey survey = this.surveys.find(request.survey()).orElse(null);
		if (survey == null) {
			violations.add(FieldViolation.of("survey", "no survey has this code"));
		}
		Long touchpointId = null;
		Long stageId = null;
		if ((request.touchpoint() == null) == (request.stage() == null)) {
			violations.add(FieldViolation.of("touchpoint", "give either a touchpoint or a journey and stage"));
		}
		else if (request.touchpoint() != null) {
			touchpointId = this.touchpoints.ref(request.touchpoint()).map(TouchpointRef::id).orElse(null);
			if (touchpointId == null) {
				violations.add(FieldViolation.of("touchpoint", "no touchpoint has this code"));
			}
		}
		else {
			Journey journey = (request.journey() != null) ? this.journeys.find(request.journey()).orElse(null) : null;
			if (journey == null) {
				violations.add(FieldViolation.of("journey", "no journey has this code (stage codes are per journey)"));
			}
			else {
				stageId = journey.stages()
					.stream()
					.filter((s) -> s.code().equals(request.stage()))
					.map(Journey.Stage::id)
					.findFirst()
					.orElse(null);
				if (stageId == null) {
					violations.add(FieldViolation.of("stage", "the journey has no stage with this code"));
				}
			}
		}
		if ((request.quietStart() == null) != (request.quietEnd() == null)) {
			violations.add(FieldViolation.of("quietEnd", "quiet hours need both a start and an end"));
		}
		if (request.channels().size() != Set.copyOf(request.channels()).size()) {
			violations.add(FieldViolation.of("channels", "must not repeat a channel"));
		}
		if (!violations.isEmpty() || survey == null) {
			throw new InvalidInputException(violations);
		}
		Trigger trigger = new Trigger(0, request.code(), survey.code(), request.touchpoint(),
				(stageId != null) ? request.journey() : null, (stageId != null) ? request.stage() : null,
				request.delay(), request.channels(), request.quarantine(), request.sampling(), request.quietStart(),
				request.quietEnd(), request.expiry(), !Boolean.FALSE.equals(request.active()));
		return new Resolved(trigger, survey.id(), touchpointId, stageId);
	}

	private void insert(Resolved wanted) {
		this.jdbc.sql("""
				insert into survey_trigger (code, survey_id, touchpoint_id, stage_id, delay_minutes, channels,
					quarantine_days, sampling_rate, quiet_start, quiet_end, expiry_hours, active, created_at)
				values (:code, :survey, :touchpoint, :stage, :delay, :channels, :quarantine, :sampling, :quietStart,
					:quietEnd, :expiry, :active, :now)
				""").params(params(wanted)).param("now", SqlTime.of(this.clock.instant())).update();
	}

	private static Map<String, @Nullable Object> params(Resolved wanted) {
		Trigger trigger = wanted.trigger();
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("code", trigger.code());
		params.put("survey", wanted.surveyId());
		params.put("touchpoint", wanted.touchpointId());
		params.put("stage", wanted.stageId());
		params.put("delay", trigger.delayMinutes());
		params.put("channels", trigger.channels().stream().map(Enum::name).collect(Collectors.joining(",")));
		params.put("quarantine", trigger.quarantineDays());
		params.put("sampling", trigger.samplingRate());
		params.put("quietStart", trigger.quietStart());
		params.put("quietEnd", trigger.quietEnd());
		params.put("expiry", trigger.expiryHours());
		params.put("active", trigger.active());
		return params;
	}

	private static boolean same(Trigger a, Trigger b) {
		return a.survey().equals(b.survey()) && Objects.equals(a.touchpoint(), b.touchpoint())
				&& Objects.equals(a.journey(), b.journey()) && Objects.equals(a.stage(), b.stage())
				&& a.delayMinutes() == b.delayMinutes() && a.channels().equals(b.channels())
				&& a.quarantineDays() == b.quarantineDays() && Double.compare(a.samplingRate(), b.samplingRate()) == 0
				&& Objects.equals(a.quietStart(), b.quietStart()) && Objects.equals(a.quietEnd(), b.quietEnd())
				&& a.expiryHours() == b.expiryHours() && a.active() == b.active();
	}

	static Trigger map(ResultSet rs, int row) throws SQLException {
		return new Trigger(rs.getLong("id"), rs.getString("code"), rs.getString("survey_code"),
				rs.getString("touchpoint_code"), rs.getString("journey_code"), rs.getString("stage_code"),
				rs.getInt("delay_minutes"),
				Arrays.stream(rs.getString("channels").split(",")).map(InvitationChannel::valueOf).toList(),
				rs.getInt("quarantine_days"), rs.getDouble("sampling_rate"), rs.getString("quiet_start"),
				rs.getString("quiet_end"), rs.getInt("expiry_hours"), rs.getBoolean("active"));
	}

}
