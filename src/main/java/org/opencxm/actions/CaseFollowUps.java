package org.opencxm.actions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
		if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
			throw new InvalidInputException("satisfaction", "must be between 1 and 5");
		}
		CaseFile current = this.repository.load(caseId, VisibleUnits.ALL)
			.orElseThrow(() -> new NotFoundException("case", caseId));
		Instant now = this.clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into case_follow_up (case_id, resolved, satisfaction, recorded_at)
				values (:case, :resolved, :satisfaction, :now)
				""")
			.param("case", caseId)
			.param("resolved", resolved)
			.param("satisfaction", satisfaction)
			.param("now", SqlTime.of(now))
			.update(keys, "id");
		boolean reopen = !resolved && (current.status == CaseStatus.RESOLVED || current.status == CaseStatus.CLOSED);
		for (int attempt = 0; attempt < 3; attempt++) {
			boolean stored = this.cases.changeAsSystem(caseId, (file, by) -> {
				file.followedUp(now, resolved, satisfaction);
				if (reopen && (file.status == CaseStatus.RESOLVED || file.status == CaseStatus.CLOSED)) {
					this.cases.reopen(file, by, NOT_RESOLVED);
				}
			});
			if (stored) {
				break;
			}
		}
		return new FollowUp(keys.getKeyAs(Long.class), caseId, resolved, satisfaction, now,
				FollowUp.recovered(resolved, satisfaction));
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
			.query((rs, row) -> {
				int value = rs.getInt("satisfaction");
				Integer satisfaction = rs.wasNull() ? null : value;
				boolean resolved = rs.getBoolean("resolved");
				return new FollowUp(rs.getLong("id"), caseId, resolved, satisfaction,
						SqlTime.requiredInstant(rs, "recorded_at"), FollowUp.recovered(resolved, satisfaction));
			})
			.list();
	}

}
