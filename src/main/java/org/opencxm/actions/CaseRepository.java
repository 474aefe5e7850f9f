package org.opencxm.actions;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Cases and their history in SQL. Reads for a caller take the caller's visible units, so
 * that scope is applied in the query.
 */
@Repository
class CaseRepository {

	private static final String VIEW = """
			select c.*, cu.external_id as customer_code, t.code as touchpoint_code, o.code as unit_code,
				ow.username as owner_name, es.username as escalated_name, ob.username as opened_by_name,
				rc.code as root_cause_code, ar.code as alert_rule_code
			from cx_case c
			join org_unit o on o.id = c.unit_id
			left join customer cu on cu.id = c.customer_id
			left join touchpoint t on t.id = c.touchpoint_id
			left join app_user ow on ow.id = c.owner_user_id
			left join app_user es on es.id = c.escalated_to_user_id
			left join app_user ob on ob.id = c.opened_by_user_id
			left join root_cause rc on rc.id = c.root_cause_id
			left join alert_rule ar on ar.id = c.alert_rule_id
			""";

	private final JdbcClient jdbc;

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NewCase(@Nullable String externalRef, @Nullable String requestHash, @Nullable Long customerId,
			CaseSource source, @Nullable Long touchpointId, long unitId, Severity severity, Priority priority,
			String title, @Nullable String description, @Nullable Integer npsScore, @Nullable Long alertRuleId,
			@Nullable Long openedByUserId, Instant openedAt, SlaSettings.Due due) {
	}

	long insert(NewCase c) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into cx_case (external_ref, request_hash, customer_id, source_type, source_id, touchpoint_id, unit_id,
						severity, priority, status, title, description, nps_score, alert_rule_id, opened_by_user_id, opened_at,
						first_response_due, resolution_due, next_escalation_at, version)
					values (:ref, :hash, :customer, :sourceType, :sourceId, :touchpoint, :unit, :severity, :priority, 'NEW',
						:title, :description, :nps, :rule, :openedBy, :openedAt, :firstDue, :resolutionDue, :firstDue, 0)
					""")
			.param("ref", c.externalRef())
			.param("hash", c.requestHash())
			.param("customer", c.customerId())
			.param("sourceType", c.source().type().name())
			.param("sourceId", c.source().id())
			.param("touchpoint", c.touchpointId())
			.param("unit", c.unitId())
			.param("severity", c.severity().name())
			.param("priority", c.priority().name())
			.param("title", c.title())
			.param("description", c.description())
			.param("nps", c.npsScore())
			.param("rule", c.alertRuleId())
			.param("openedBy", c.openedByUserId())
			.param("openedAt", SqlTime.of(c.openedAt()))
			.param("firstDue", SqlTime.of(c.due().firstResponse()))
			.param("resolutionDue", SqlTime.of(c.due().resolution()))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	record Stored(long id, @Nullable String requestHash) {
	}

	Optional<Stored> byExternalRef(String externalRef) {
		return this.jdbc.sql("select id, request_hash from cx_case where external_ref = :ref")
			.param("ref", externalRef)
			.query((rs, row) -> new Stored(rs.getLong("id"), rs.getString("request_hash")))
			.optional();
	}

	/** The case, if it is in the visible units. */
	Optional<CaseFile> load(long id, VisibleUnits visible) {
		return this.jdbc.sql("select * from cx_case where id = :id")
			.param("id", id)
			.query(CaseRepository::file)
			.optional()
			.filter((file) -> visible.contains(file.unitId));
	}

	Optional<Case> view(long id, VisibleUnits visible) {
		return this.jdbc.sql(VIEW + " where c.id = :id")
			.param("id", id)
			.query((rs, row) -> Map.entry(rs.getLong("unit_id"), view(rs)))
			.optional()
			.filter((entry) -> visible.contains(entry.getKey()))
			.map(Map.Entry::getValue);
	}

	/**
	 * Writes the changed state if nobody changed the case since it was loaded; answers
	 * whether it did.
	 */
	boolean update(CaseFile file) {
		Recovery recovery = file.recovery;
		Compensation compensation = (recovery != null) ? recovery.compensation() : null;
		int changed = this.jdbc
			.sql("""
					update cx_case set owner_user_id = :owner, assigned_at = :assignedAt, status = :status, title = :title,
						description = :description, first_response_due = :firstDue, resolution_due = :resolutionDue,
						first_responded_at = :responded, resolved_at = :resolved, closed_at = :closed,
						first_response_breached = :firstBreached, resolution_breached = :resolutionBreached,
						escalation_level = :level, escalated_to_user_id = :escalatedTo, escalated_at = :escalatedAt,
						next_escalation_at = :next, root_cause_id = :rootCause, resolution_summary = :summary,
						recovery_apology = :apology, recovery_explanation = :explanation, recovery_fix = :fix,
						compensation_type = :compensationType, compensation_amount = :amount, compensation_currency = :currency,
						version = version + 1
					where id = :id and version = :version
					""")
			.param("owner", file.ownerUserId)
			.param("assignedAt", SqlTime.of(file.assignedAt))
			.param("status", file.status.name())
			.param("title", file.title)
			.param("description", file.description)
			.param("firstDue", SqlTime.of(file.firstResponseDue))
			.param("resolutionDue", SqlTime.of(file.resolutionDue))
			.param("responded", SqlTime.of(file.firstRespondedAt))
			.param("resolved", SqlTime.of(file.resolvedAt))
			.param("closed", SqlTime.of(file.closedAt))
			.param("firstBreached", file.firstResponseBreached)
			.param("resolutionBreached", file.resolutionBreached)
			.param("level", file.escalationLevel)
			.param("escalatedTo", file.escalatedToUserId)
			.param("escalatedAt", SqlTime.of(file.escalatedAt))
			.param("next", SqlTime.of(file.nextEscalationAt))
			.param("rootCause", file.rootCauseId)
			.param("summary", file.resolutionSummary)
			.param("apology", recovery != null && recovery.apology())
			.param("explanation", recovery != null && recovery.explanation())
			.param("fix", (recovery != null) ? recovery.fix() : null)
			.param("compensationType", (compensation != null) ? compensation.type().name() : null)
			.param("amount", (compensation != null) ? compensation.amount() : null)
			.param("currency", (compensation != null) ? compensation.currency() : null)
			.param("id", file.id)
			.param("version", file.version)
			.update();
		if (changed == 1) {
			for (CaseFile.Entry entry : file.entries()) {
				record(file.id, entry);
			}
		}
		return changed == 1;
	}

	void record(long caseId, CaseFile.Entry entry) {
		this.jdbc
			.sql("""
					insert into case_activity (case_id, kind, actor_user_id, actor, happened_at, detail, from_status, to_status,
						target_user_id)
					values (:case, :kind, :actorId, :actor, :at, :detail, :from, :to, :target)
					""")
			.param("case", caseId)
			.param("kind", entry.kind().name())
			.param("actorId", entry.actor().userId())
			.param("actor", entry.actor().name())
			.param("at", SqlTime.of(entry.at()))
			.param("detail", entry.detail())
			.param("from", (entry.from() != null) ? entry.from().name() : null)
			.param("to", (entry.to() != null) ? entry.to().name() : null)
			.param("target", entry.targetUserId())
			.update();
	}

	List<CaseActivity> activity(long caseId) {
		return this.jdbc
			.sql("""
					select a.*, u.username as target_name from case_activity a left join app_user u on u.id = a.target_user_id
					where a.case_id = :case order by a.id
					""")
			.param("case", caseId)
			.query((rs, row) -> new CaseActivity(rs.getLong("id"), ActivityKind.valueOf(rs.getString("kind")),
					rs.getString("actor"), SqlTime.requiredInstant(rs, "happened_at"),
					status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("target_name"),
					rs.getString("detail")))
			.list();
	}

	/** Ids of open cases whose SLA needs a look at {@code now}. */
	List<Long> dueForEscalation(Instant now, int limit) {
		return this.jdbc.sql("""
				select id from cx_case
				where next_escalation_at <= :now and status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED')
				order by next_escalation_at, id
				limit :limit
				""").param("now", SqlTime.of(now)).param("limit", limit).query(Long.class).list();
	}

	PageResult<Case> list(CaseFilter filter, VisibleUnits visible, PageRequest page) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (!visible.all()) {
			conditions.add("c.unit_id in (:visible)");
			params.put("visible", visible.ids().isEmpty() ? List.of(-1L) : visible.ids());
		}
		if (filter.unitIds() != null) {
			conditions.add("c.unit_id in (:units)");
			params.put("units", filter.unitIds().isEmpty() ? List.of(-1L) : filter.unitIds());
		}
		if (filter.statuses() != null && !filter.statuses().isEmpty()) {
			conditions.add("c.status in (:statuses)");
			params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
		}
		if (filter.ownerUserId() != null) {
			conditions.add("c.owner_user_id = :owner");
			params.put("owner", filter.ownerUserId());
		}
		if (filter.customerId() != null) {
			conditions.add("c.customer_id = :customer");
			params.put("customer", filter.customerId());
		}
		if (filter.touchpointId() != null) {
			conditions.add("c.touchpoint_id = :touchpoint");
			params.put("touchpoint", filter.touchpointId());
		}
		if (filter.priority() != null) {
			conditions.add("c.priority = :priority");
			params.put("priority", filter.priority().name());
		}
		if (filter.escalated() != null) {
			conditions.add(filter.escalated() ? "c.escalation_level > 0" : "c.escalation_level = 0");
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		var count = this.jdbc.sql("select count(*) from cx_case c" + where);
		var select = this.jdbc.sql(VIEW + where + " order by c.id desc limit :limit offset :offset");
		for (var param : params.entrySet()) {
			count = count.param(param.getKey(), param.getValue());
			select = select.param(param.getKey(), param.getValue());
		}
		long total = count.query(Long.class).single();
		List<Case> items = select.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> view(rs))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private static @Nullable CaseStatus status(@Nullable String name) {
		return (name != null) ? CaseStatus.valueOf(name) : null;
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Recovery recovery(ResultSet rs) throws SQLException {
		String type = rs.getString("compensation_type");
		BigDecimal amount = rs.getBigDecimal("compensation_amount");
		Compensation compensation = (type != null && amount != null) ? new Compensation(CompensationType.valueOf(type),
				amount.setScale(2), rs.getString("compensation_currency")) : null;
		return new Recovery(rs.getBoolean("recovery_apology"), rs.getBoolean("recovery_explanation"),
				rs.getString("recovery_fix"), compensation);
	}

	static CaseFile file(ResultSet rs, int row) throws SQLException {
		CaseFile file = new CaseFile(rs.getLong("id"), rs.getLong("unit_id"), nullableLong(rs, "customer_id"),
				nullableLong(rs, "touchpoint_id"), Priority.valueOf(rs.getString("priority")), rs.getLong("version"),
				CaseStatus.valueOf(rs.getString("status")), Severity.valueOf(rs.getString("severity")),
				rs.getString("title"), SqlTime.requiredInstant(rs, "first_response_due"),
				SqlTime.requiredInstant(rs, "resolution_due"));
		file.description = rs.getString("description");
		file.ownerUserId = nullableLong(rs, "owner_user_id");
		file.assignedAt = SqlTime.instant(rs, "assigned_at");
		file.firstRespondedAt = SqlTime.instant(rs, "first_responded_at");
		file.resolvedAt = SqlTime.instant(rs, "resolved_at");
		file.closedAt = SqlTime.instant(rs, "closed_at");
		file.firstResponseBreached = rs.getBoolean("first_response_breached");
		file.resolutionBreached = rs.getBoolean("resolution_breached");
		file.escalationLevel = rs.getInt("escalation_level");
		file.escalatedToUserId = nullableLong(rs, "escalated_to_user_id");
		file.escalatedAt = SqlTime.instant(rs, "escalated_at");
		file.nextEscalationAt = SqlTime.instant(rs, "next_escalation_at");
		file.rootCauseId = nullableLong(rs, "root_cause_id");
		file.resolutionSummary = rs.getString("resolution_summary");
		file.recovery = (file.rootCauseId != null) ? recovery(rs) : null;
		return file;
	}

	static Case view(ResultSet rs) throws SQLException {
		String rootCause = rs.getString("root_cause_code");
		Resolution resolution = (rootCause != null)
				? new Resolution(rootCause, rs.getString("resolution_summary"), recovery(rs)) : null;
		return new Case(rs.getLong("id"), rs.getString("external_ref"), rs.getString("customer_code"),
				new CaseSource(SourceType.valueOf(rs.getString("source_type")), nullableLong(rs, "source_id")),
				rs.getString("touchpoint_code"), rs.getString("unit_code"), rs.getString("owner_name"),
				Severity.valueOf(rs.getString("severity")), Priority.valueOf(rs.getString("priority")),
				CaseStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("description"),
				nullableInt(rs, "nps_score"), rs.getString("alert_rule_code"), rs.getString("opened_by_name"),
				SqlTime.requiredInstant(rs, "opened_at"), SqlTime.requiredInstant(rs, "first_response_due"),
				SqlTime.requiredInstant(rs, "resolution_due"), SqlTime.instant(rs, "first_responded_at"),
				SqlTime.instant(rs, "resolved_at"), SqlTime.instant(rs, "closed_at"),
				rs.getBoolean("first_response_breached"), rs.getBoolean("resolution_breached"),
				rs.getInt("escalation_level"), rs.getString("escalated_name"), SqlTime.instant(rs, "escalated_at"),
				resolution, rs.getLong("version"));
	}

}
