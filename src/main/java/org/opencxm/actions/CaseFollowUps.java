package org.opencxm.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up after resolution (the outer loop): the recovery survey, or an agent who
 * called the customer, records whether the problem is resolved and how satisfied the
 * customer is now. A customer who says it is not resolved reopens the case.
 */
@Service
public class CaseFollowUps {

	static final String NOT_RESOLVED = "the customer says the problem is not resolved";

	private final JdbcClient jdbc;

	private final CaseRepository repository;

	private final Cases cases;

	private final OrgScope scope;

	private final Clock clock;

	CaseFollowUps(JdbcClient jdbc, CaseRepository repository, Cases cases, OrgScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.cases = cases;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * Records a follow-up answer for a case, whoever asks (the survey side calls this
	 * when a recovery survey is answered).
	 * @param satisfaction 1 (very dissatisfied) to 5 (very satisfied), or null if not
	 * asked
	 * @throws NotFoundException if there is no such case
	 * @throws InvalidInputException if satisfaction is out of range
	 */
	@Transactional
	public FollowUp recordFollowUp(long caseId, boolean resolved, @Nullable Integer satisfaction) {
		return recordFollowUp(caseId, resolved, satisfaction, null);
	}

	/**
	 * Records the answer to a recovery survey: as
	 * {@link #recordFollowUp(long, boolean, Integer)}, once per response. The same
	 * response again answers with the follow-up it made and changes nothing.
	 */
	@Transactional
	public FollowUp recordFollowUp(long caseId, boolean resolved, @Nullable Integer satisfaction,
			@Nullable Long responseId) {
		if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
			throw new InvalidInputException("satisfaction", "must be between 1 and 5");
		}
		CaseFile current = this.repository.load(caseId, VisibleUnits.ALL)
			.orElseThrow(() -> new NotFoundException("case", caseId));
		if (responseId != null) {
			Optional<FollowUp> recorded = this.jdbc.sql("select * from case_follow_up where response_id = :response")
				.param("response", responseId)
				.query(CaseFollowUps::map)
				.optional();
			if (recorded.isPresent()) {
				return recorded.get();
			}
		}
		Instant now = this.clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into case_follow_up (case_id, resolved, satisfaction, recorded_at, response_id)
				values (:case, :resolved, :satisfaction, :now, :response)
				""")
			.param("case", caseId)
			.param("resolved", resolved)
			.param("satisfaction", satisfaction)
			.param("now", SqlTime.of(now))
			.param("response", responseId)
			.update(keys, "id");
		boolean reopen = !resolved && (current.status == CaseStatus.RESOLVED || current.status == CaseStatus.CLOSED);
		for (int attempt = 0; attempt < 3; attempt++) {
			boolean stored = this.cases.changeAsSystem(caseId, (file, by) -> {
				file.followedUp(now, resolved, satisfaction, responseId);
				if (reopen && (file.status == CaseStatus.RESOLVED || file.status == CaseStatus.CLOSED)) {
					this.cases.reopen(file, by, NOT_RESOLVED);
				}
			});
			if (stored) {
				break;
			}
		}
		return new FollowUp(keys.getKeyAs(Long.class), caseId, resolved, satisfaction, now,
				FollowUp.recovered(resolved, satisfaction), responseId);
	}

	/**
	 * Records a follow-up made by a person (a call back), on a case the caller may see.
	 */
	@Transactional
	public FollowUp record(long caseId, boolean resolved, @Nullable Integer satisfaction) {
		this.scope.requireRole(Role.AGENT);
		this.cases.get(caseId);
		return recordFollowUp(caseId, resolved, satisfaction);
	}

	public List<FollowUp> list(long caseId) {
		this.cases.get(caseId);
		return this.jdbc.sql("select * from case_follow_up where case_id = :case order by id")
			.param("case", caseId)
			.query(CaseFollowUps::map)
			.list();
	}

	private static FollowUp map(ResultSet rs, int row) throws SQLException {
		int value = rs.getInt("satisfaction");
		Integer satisfaction = rs.wasNull() ? null : value;
		boolean resolved = rs.getBoolean("resolved");
		long response = rs.getLong("response_id");
		return new FollowUp(rs.getLong("id"), rs.getLong("case_id"), resolved, satisfaction,
				SqlTime.requiredInstant(rs, "recorded_at"), FollowUp.recovered(resolved, satisfaction),
				rs.wasNull() ? null : response);
	}

}
