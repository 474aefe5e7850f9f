package org.opencxm.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlDialect;
import org.opencxm.shared.SqlTime;
import org.opencxm.text.Themes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alert rules over single responses: maintained by CX managers, and evaluated for every
 * recorded response by {@link #evaluate}. A response opens at most one case per rule: the
 * (rule, response) key is stored before anything is done.
 */
@Service
public class AlertRules {

	private static final Logger log = LoggerFactory.getLogger(AlertRules.class);

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	private final OrgScope scope;

	private final RuleLimits limits;

	private final Cases cases;

	private final People people;

	private final Notifier notifier;

	private final JsonMapper json;

	private final Clock clock;

	private final Themes themes;

	AlertRules(JdbcClient jdbc, SqlDialect dialect, OrgScope scope, RuleLimits limits, Cases cases, People people,
			Notifier notifier, JsonMapper json, Clock clock, Themes themes) {
		this.themes = themes;
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.scope = scope;
		this.limits = limits;
		this.cases = cases;
		this.people = people;
		this.notifier = notifier;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Runs every active rule on a response: for each rule it matches for the first time,
	 * opens a case (if the rule says so) and sends the rule's notifications. Evaluating
	 * the same response again does nothing new.
	 */
	@Transactional
	public List<AlertMatch> evaluate(AlertInput input) {
		return evaluate(input, active());
	}

	/**
	 * Runs every active rule on each of a batch of responses, reading the rules once.
	 */
	@Transactional
	public void evaluateAll(List<AlertInput> inputs) {
		List<Loaded> rules = active();
		inputs.forEach((input) -> evaluate(input, rules));
	}

	private List<AlertMatch> evaluate(AlertInput input, List<Loaded> active) {
		List<AlertMatch> matches = new ArrayList<>();
		for (Loaded rule : active) {
			AlertCondition condition = rule.condition();
			if (condition == null || !this.limits.applies(rule.limits(), input) || !condition.test(input)) {
				continue;
			}
			String upsert = this.dialect.upsert("alert_rule_hit", List.of("rule_id", "response_id"),
					List.of("rule_id", "response_id", "matched_at"), null, null);
			boolean first = this.jdbc.sql(upsert)
				.params(rule.view().id(), input.responseId(), SqlTime.of(this.clock.instant()))
				.update() == 1;
			if (!first) {
				Long caseId = this.jdbc
					.sql("select case_id from alert_rule_hit where rule_id = :rule and response_id = :response")
					.param("rule", rule.view().id())
					.param("response", input.responseId())
					.query((rs, row) -> nullableLong(rs, "case_id"))
					.optional()
					.orElse(null);
				matches.add(new AlertMatch(rule.view().code(), caseId, false));
				continue;
			}
			AlertAction action = rule.view().action();
			Long caseId = null;
			if (action.openCase()) {
				LocalizedText name = rule.view().name();
				String title = truncate(name.zh().equals(name.en()) ? name.zh() : name.zh() + " · " + name.en());
				caseId = this.cases
					.openForRule(input, rule.view().id(), rule.view().code(),
							Objects.requireNonNullElse(action.priority(), Priority.P2), title)
					.orElse(null);
				if (caseId == null) {
					log.warn("Alert rule {} matched response {} but no unit could be found for its case",
							rule.view().code(), input.responseId());
				}
				this.jdbc
					.sql("update alert_rule_hit set case_id = :case where rule_id = :rule and response_id = :response")
					.param("case", caseId)
					.param("rule", rule.view().id())
					.param("response", input.responseId())
					.update();
			}
			Set<Long> recipients = new LinkedHashSet<>();
			action.notifyUsers()
				.forEach((username) -> this.people.byUsername(username).ifPresent((u) -> recipients.add(u.id())));
			if (action.notifyUnitManager() && input.unitId() != null) {
				this.people.managerOf(input.unitId()).ifPresent(recipients::add);
			}
			if (action.notifyCxManagers()) {
				recipients.addAll(this.people.cxManagers(input.unitId()));
			}
			this.notifier.alert(recipients, rule.view(), input, caseId);
			matches.add(new AlertMatch(rule.view().code(), caseId, true));
		}
		return matches;
	}

	public List<AlertRule> list() {
		this.scope.requireRole(Role.VIEWER);
		return this.jdbc.sql("select * from alert_rule order by code")
			.query(this::row)
			.list()
			.stream()
			.map(Loaded::view)
			.toList();
	}

	public AlertRule get(String code) {
		this.scope.requireRole(Role.VIEWER);
		return find(code).map(Loaded::view).orElseThrow(() -> new NotFoundException("alert rule", code));
	}

	/**
	 * How many cases each rule opened since the instant, by rule code, counting only the
	 * cases of units the caller may see; rules that opened none are left out.
	 */
	public Map<String, Long> casesOpenedSince(Instant since) {
		this.scope.requireRole(Role.VIEWER);
		VisibleUnits visible = this.scope.visibleUnits();
		Map<String, Object> params = new HashMap<>();
		params.put("since", SqlTime.of(since));
		String scoped = "";
		if (!visible.all()) {
			scoped = " and c.unit_id in (:visible)";
			params.put("visible", visible.ids().isEmpty() ? List.of(-1L) : visible.ids());
		}
		Map<String, Long> counts = new HashMap<>();
		this.jdbc
			.sql("select r.code, count(*) as opened from cx_case c join alert_rule r on r.id = c.alert_rule_id"
					+ " where c.opened_at >= :since" + scoped + " group by r.code")
			.params(params)
			.query((rs, row) -> Map.entry(rs.getString("code"), rs.getLong("opened")))
			.list()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	@Transactional
	public Created<AlertRule> create(AlertRuleRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() == null) {
			throw new InvalidInputException("code", "must not be null");
		}
		Checked checked = check(request);
		Optional<Loaded> existing = find(request.code());
		if (existing.isPresent()) {
			AlertRule current = existing.get().view();
			if (same(existing.get(), request, checked)) {
				return new Created<>(current, false);
			}
			throw new ConflictException("alert rule " + request.code() + " exists already with other values", current);
		}
		this.jdbc
			.sql("""
					insert into alert_rule (code, kind, name_zh, name_en, condition_json, drop_json, limits_json, open_case,
						case_priority, notify_users, notify_unit_manager, notify_cx_managers, active, created_at, updated_at)
					values (:code, :kind, :zh, :en, :condition, :drop, :limits, :openCase, :priority, :notify, :notifyManager,
						:notifyCx, :active, :now, :now)
					""")
			.param("code", request.code())
			.params(params(request, checked))
			.update();
		return new Created<>(get(request.code()), true);
	}

	@Transactional
	public Created<AlertRule> put(String code, AlertRuleRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() != null && !request.code().equals(code)) {
			throw new InvalidInputException("code", "must match the code in the path");
		}
		if (find(code).isEmpty()) {
			return create(new AlertRuleRequest(code, request.kind(), request.name(), request.condition(),
					request.drop(), request.limits(), request.action(), request.active()));
		}
		Checked checked = check(request);
		this.jdbc.sql("""
				update alert_rule set kind = :kind, name_zh = :zh, name_en = :en, condition_json = :condition,
					drop_json = :drop, limits_json = :limits, open_case = :openCase, case_priority = :priority,
					notify_users = :notify, notify_unit_manager = :notifyManager, notify_cx_managers = :notifyCx,
					active = :active, updated_at = :now
				where code = :code
				""").param("code", code).params(params(request, checked)).update();
		return new Created<>(get(code), false);
	}

	@Transactional
	public void delete(String code) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (this.jdbc.sql("delete from alert_rule where code = :code").param("code", code).update() == 0) {
			throw new NotFoundException("alert rule", code);
		}
	}

	private record Checked(@Nullable AlertCondition condition, String conditionJson, @Nullable DropCondition drop,
			StoredLimits limits) {
	}

	private record Loaded(AlertRule view, @Nullable AlertCondition condition, StoredLimits limits) {
	}

	/** A drop rule with the ids its limits stand for. */
	record DropRule(AlertRule view, DropCondition drop, StoredLimits limits) {
	}

	/** The active drop rules, for the scheduled evaluation. */
	List<DropRule> dropRules() {
		return this.jdbc.sql("select * from alert_rule where active and kind = 'DROP' order by id")
			.query(this::row)
			.list()
			.stream()
			.map((rule) -> new DropRule(rule.view(), Objects.requireNonNull(rule.view().drop()), rule.limits()))
			.toList();
	}

	private Checked check(AlertRuleRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		AlertAction action = request.action();
		AlertCondition condition = null;
		DropCondition drop = null;
		if (request.effectiveKind() == AlertKind.DROP) {
			if (request.condition() != null && !request.condition().isNull()) {
				violations.add(FieldViolation.of("condition", "a DROP rule has a drop, not a condition"));
			}
			violations.addAll(DropCondition.check(request.drop(),
					(request.limits() != null) ? request.limits() : AlertLimits.NONE, action));
			drop = (request.drop() != null) ? request.drop().complete() : null;
		}
		else {
			if (request.drop() != null) {
				violations.add(FieldViolation.of("drop", "only a DROP rule has a drop"));
			}
			if (request.condition() == null || request.condition().isNull()) {
				violations.add(FieldViolation.of("condition", "is required for a RESPONSE rule"));
			}
			else {
				condition = AlertCondition.parse(request.condition(), violations, this::isTheme);
			}
			if (!action.openCase() && action.notifyUsers().isEmpty() && !action.notifyUnitManager()
					&& !action.notifyCxManagers()) {
				violations.add(FieldViolation.of("action", "must open a case, notify someone, or both"));
			}
			if (action.openCase() && action.priority() == null) {
				violations.add(FieldViolation.of("action.priority", "is required to open a case"));
			}
		}
		for (int i = 0; i < action.notifyUsers().size(); i++) {
			if (this.people.byUsername(action.notifyUsers().get(i)).isEmpty()) {
				violations.add(FieldViolation.of("action.notifyUsers[" + i + "]", "no user has this user name"));
			}
		}
		StoredLimits limits = this.limits.resolve((request.limits() != null) ? request.limits() : AlertLimits.NONE,
				violations);
		if (!violations.isEmpty() || (condition == null && drop == null)) {
			throw new InvalidInputException(violations);
		}
		String conditionJson = (condition != null) ? this.json.writeValueAsString(AlertCondition.describe(condition))
				: "null";
		return new Checked(condition, conditionJson, drop, limits);
	}

	private boolean isTheme(String code) {
		try {
			this.themes.get(code);
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	private Map<String, Object> params(AlertRuleRequest request, Checked checked) {
		var params = new java.util.HashMap<String, Object>();
		params.put("zh", request.name().zh());
		params.put("en", request.name().en());
		params.put("kind", request.effectiveKind().name());
		params.put("condition", checked.conditionJson());
		params.put("drop", (checked.drop() != null) ? this.json.writeValueAsString(checked.drop()) : null);
		params.put("notifyCx", request.action().notifyCxManagers());
		params.put("limits", this.json.writeValueAsString(checked.limits()));
		params.put("openCase", request.action().openCase());
		params.put("priority", (request.action().priority() != null) ? request.action().priority().name() : null);
		params.put("notify", String.join(",", request.action().notifyUsers()));
		params.put("notifyManager", request.action().notifyUnitManager());
		params.put("active", request.active() == null || request.active());
		params.put("now", SqlTime.of(this.clock.instant()));
		return params;
	}

	private boolean same(Loaded current, AlertRuleRequest request, Checked checked) {
		AlertRule view = current.view();
		AlertCondition condition = current.condition();
		String currentJson = (condition != null) ? this.json.writeValueAsString(AlertCondition.describe(condition))
				: "null";
		return view.kind() == request.effectiveKind() && view.name().equals(request.name())
				&& view.action().equals(request.action()) && currentJson.equals(checked.conditionJson())
				&& Objects.equals(view.drop(), checked.drop())
				&& current.limits().codes().equals(checked.limits().codes())
				&& (request.active() == null || request.active() == view.active());
	}

	/** Whether any response rule is active: a batch with none to check needs no work. */
	boolean anyActive() {
		return this.jdbc.sql("select count(*) from alert_rule where active and kind = 'RESPONSE'")
			.query(Long.class)
			.single() > 0;
	}

	private List<Loaded> active() {
		return this.jdbc.sql("select * from alert_rule where active and kind = 'RESPONSE' order by id")
			.query(this::row)
			.list();
	}

	private Optional<Loaded> find(String code) {
		return this.jdbc.sql("select * from alert_rule where code = :code")
			.param("code", code)
			.query(this::row)
			.optional();
	}

	private Loaded row(ResultSet rs, int row) throws SQLException {
		AlertKind kind = AlertKind.valueOf(rs.getString("kind"));
		JsonNode conditionJson = this.json.readTree(rs.getString("condition_json"));
		List<FieldViolation> problems = new ArrayList<>();
		AlertCondition condition = (kind == AlertKind.RESPONSE) ? AlertCondition.parse(conditionJson, problems) : null;
		String dropJson = rs.getString("drop_json");
		DropCondition drop = (dropJson != null) ? this.json.readValue(dropJson, DropCondition.class) : null;
		StoredLimits limits = this.json.readValue(rs.getString("limits_json"), StoredLimits.class);
		String notify = rs.getString("notify_users");
		String priority = rs.getString("case_priority");
		AlertAction action = new AlertAction(rs.getBoolean("open_case"),
				(priority != null) ? Priority.valueOf(priority) : null,
				(notify == null || notify.isBlank()) ? List.of() : List.of(notify.split(",")),
				rs.getBoolean("notify_unit_manager"), rs.getBoolean("notify_cx_managers"));
		AlertRule view = new AlertRule(rs.getLong("id"), rs.getString("code"), kind,
				new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")),
				(kind == AlertKind.RESPONSE) ? conditionJson : null, drop, limits.codes(), action,
				rs.getBoolean("active"));
		if (kind == AlertKind.RESPONSE) {
			Objects.requireNonNull(condition, "stored condition no longer parses");
		}
		return new Loaded(view, condition, limits);
	}

	private static String truncate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200);
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
