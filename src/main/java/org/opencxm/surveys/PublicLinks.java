package org.opencxm.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public links of touchpoints and stores. Unit managers create them for units in their
 * scope; anyone may answer through them.
 */
@Service
public class PublicLinks {

	private static final String SELECT = """
			select l.id, l.code, l.survey_id, l.touchpoint_id, l.unit_id, l.active, s.code as survey_code,
				t.code as touchpoint_code, u.code as unit_code
			from survey_public_link l join survey s on s.id = l.survey_id
			left join touchpoint t on t.id = l.touchpoint_id left join org_unit u on u.id = l.unit_id
			""";

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final Touchpoints touchpoints;

	private final OrgUnits units;

	private final OrgScope scope;

	private final Clock clock;

	private final String publicUrl;

	PublicLinks(JdbcClient jdbc, Surveys surveys, Touchpoints touchpoints, OrgUnits units, OrgScope scope, Clock clock,
			@Value("${opencxm.public-url:http://localhost:8080}") String publicUrl) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.touchpoints = touchpoints;
		this.units = units;
		this.scope = scope;
		this.clock = clock;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	record Stored(PublicLink link, long surveyId, @Nullable Long touchpointId, @Nullable Long unitId) {

	}

	public PublicLink get(String code) {
		return stored(code).map(Stored::link).orElseThrow(() -> new NotFoundException("public link", code));
	}

	Optional<Stored> stored(String code) {
		return this.jdbc.sql(SELECT + " where l.code = :code").param("code", code).query(this::map).optional();
	}

	/**
	 * Creates a public link. The same link sent again answers with the stored one; a
	 * different one under a code that is taken is a conflict.
	 */
	@Transactional
	public Created<PublicLink> create(PublicLinkRequest request) {
		this.scope.requireRole(Role.UNIT_MANAGER);
		List<FieldViolation> violations = new ArrayList<>();
		Survey survey = this.surveys.find(request.survey()).orElse(null);
		if (survey == null) {
			violations.add(FieldViolation.of("survey", "no survey has this code"));
		}
		Long touchpointId = null;
		Long unitId = null;
		if (request.touchpoint() != null) {
			TouchpointRef touchpoint = this.touchpoints.ref(request.touchpoint()).orElse(null);
			if (touchpoint == null) {
				violations.add(FieldViolation.of("touchpoint", "no touchpoint has this code"));
			}
			else {
				touchpointId = touchpoint.id();
				unitId = touchpoint.ownerUnitId();
			}
		}
		if (request.unit() != null) {
			unitId = this.units.idsByCode(List.of(request.unit())).get(request.unit());
			if (unitId == null) {
				violations.add(FieldViolation.of("unit", "no org unit you can see has this code"));
			}
		}
		if (violations.isEmpty() && !this.scope.visibleUnits().all()
				&& (unitId == null || !this.scope.visibleUnits().contains(unitId))) {
			violations.add(FieldViolation.of("unit", "must be a unit within your scope"));
		}
		if (!violations.isEmpty() || survey == null) {
			throw new InvalidInputException(violations);
		}
		boolean active = !Boolean.FALSE.equals(request.active());
		Optional<Stored> existing = stored(request.code());
		if (existing.isPresent()) {
			Stored current = existing.get();
			if (current.surveyId() == survey.id() && Objects.equals(current.touchpointId(), touchpointId)
					&& Objects.equals(current.unitId(), unitId) && current.link().active() == active) {
				return new Created<>(current.link(), false);
			}
			throw new ConflictException("public link " + request.code() + " exists already with other values",
					current.link());
		}
		this.jdbc.sql("""
				insert into survey_public_link (code, survey_id, touchpoint_id, unit_id, active, created_at)
				values (:code, :survey, :touchpoint, :unit, :active, :now)
				""")
			.param("code", request.code())
			.param("survey", survey.id())
			.param("touchpoint", touchpointId)
			.param("unit", unitId)
			.param("active", active)
			.param("now", SqlTime.of(this.clock.instant()))
			.update();
		return new Created<>(get(request.code()), true);
	}

	String url(String code) {
		return this.publicUrl + "/p/" + code;
	}

	String invitationUrl(String token) {
		return this.publicUrl + "/s/" + token;
	}

	private Stored map(ResultSet rs, int row) throws SQLException {
		String code = rs.getString("code");
		PublicLink link = new PublicLink(rs.getLong("id"), code, rs.getString("survey_code"),
				rs.getString("touchpoint_code"), rs.getString("unit_code"), rs.getBoolean("active"), url(code));
		return new Stored(link, rs.getLong("survey_id"), ResponseStore.nullableLong(rs, "touchpoint_id"),
				ResponseStore.nullableLong(rs, "unit_id"));
	}

}
