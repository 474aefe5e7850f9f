package org.opencxm.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.actions.AlertAction;
import org.opencxm.actions.AlertKind;
import org.opencxm.actions.AlertLimits;
import org.opencxm.actions.AlertRule;
import org.opencxm.actions.AlertRuleRequest;
import org.opencxm.actions.DropCondition;
import org.opencxm.actions.Priority;
import tools.jackson.databind.JsonNode;

/**
 * The alert-rule form. A response rule's condition is edited as rows (field, comparison,
 * value) joined by AND or OR, or, for nested groups, as JSON ({@code advanced}); a drop
 * rule has its drop fields instead. Limits are lists of codes; the users to notify are
 * written as user names separated by commas.
 */
record AlertRuleForm(@Nullable String code, @Nullable AlertKind kind, @Nullable String nameZh, @Nullable String nameEn,
		@Nullable String combinator, List<ConditionRows.Row> rows, @Nullable Boolean advanced,
		@Nullable String conditionJson, @Nullable String dropMetric, DropCondition.@Nullable Slice dropSlice,
		DropCondition.@Nullable Period dropPeriod, @Nullable Double dropMinDrop, @Nullable Double dropAlpha,
		@Nullable Integer dropMinResponses, @Nullable List<String> touchpoints, @Nullable List<String> stages,
		@Nullable List<String> units, @Nullable List<String> segments, @Nullable Boolean openCase,
		@Nullable Priority priority, @Nullable String notifyUsers, @Nullable Boolean notifyUnitManager,
		@Nullable Boolean notifyCxManagers, @Nullable Boolean active) {

	AlertRuleForm {
		rows = (rows != null) ? List.copyOf(rows) : List.of();
	}

	static AlertRuleForm empty() {
		return new AlertRuleForm(null, AlertKind.RESPONSE, null, null, "all",
				List.of(new ConditionRows.Row("npsClass", null, "eq", "DETRACTOR")), false, null, "nps",
				DropCondition.Slice.UNIT, DropCondition.Period.WEEK, 10.0, null, null, List.of(), List.of(), List.of(),
				List.of(), true, Priority.P2, null, true, false, true);
	}

	static AlertRuleForm of(AlertRule rule, String prettyCondition) {
		List<ConditionRows.Row> rows = ConditionRows.rowsOf(rule.condition());
		DropCondition drop = rule.drop();
		AlertAction action = rule.action();
		AlertLimits limits = rule.limits();
		return new AlertRuleForm(rule.code(), rule.kind(), rule.name().zh(), rule.name().en(),
				ConditionRows.combinatorOf(rule.condition()), (rows != null) ? rows : List.of(),
				rows == null && rule.condition() != null,
				(rows == null && rule.condition() != null) ? prettyCondition : null,
				(drop != null) ? drop.metric() : "nps", (drop != null) ? drop.slice() : DropCondition.Slice.UNIT,
				(drop != null) ? drop.period() : DropCondition.Period.WEEK, (drop != null) ? drop.minDrop() : null,
				(drop != null) ? drop.alpha() : null, (drop != null) ? drop.minResponses() : null, limits.touchpoints(),
				limits.stages(), limits.units(), limits.segments(), action.openCase(), action.priority(),
				String.join(", ", action.notifyUsers()), action.notifyUnitManager(), action.notifyCxManagers(),
				rule.active());
	}

	public boolean isAdvanced() {
		return Boolean.TRUE.equals(this.advanced);
	}

	public boolean isDrop() {
		return this.kind == AlertKind.DROP;
	}

	/** The form with one more, one fewer or a moved condition row. */
	AlertRuleForm apply(String op) {
		return withRows(RowOps.apply(this.rows, op, ConditionRows.Row.EMPTY));
	}

	/** The form with its condition edited as JSON from now on. */
	AlertRuleForm asJson(String conditionJson) {
		return new AlertRuleForm(this.code, this.kind, this.nameZh, this.nameEn, this.combinator, this.rows, true,
				conditionJson, this.dropMetric, this.dropSlice, this.dropPeriod, this.dropMinDrop, this.dropAlpha,
				this.dropMinResponses, this.touchpoints, this.stages, this.units, this.segments, this.openCase,
				this.priority, this.notifyUsers, this.notifyUnitManager, this.notifyCxManagers, this.active);
	}

	private AlertRuleForm withRows(List<ConditionRows.Row> changed) {
		return new AlertRuleForm(this.code, this.kind, this.nameZh, this.nameEn, this.combinator, changed,
				this.advanced, this.conditionJson, this.dropMetric, this.dropSlice, this.dropPeriod, this.dropMinDrop,
				this.dropAlpha, this.dropMinResponses, this.touchpoints, this.stages, this.units, this.segments,
				this.openCase, this.priority, this.notifyUsers, this.notifyUnitManager, this.notifyCxManagers,
				this.active);
	}

	/**
	 * The request for the alert rules service, with the condition already built (null for
	 * a drop rule). Values are sent as the form has them, for the service to judge.
	 */
	AlertRuleRequest request(@Nullable String code, @Nullable JsonNode condition) {
		DropCondition drop = isDrop() ? new DropCondition(DesignText.orEmpty(this.dropMetric), this.dropSlice,
				this.dropPeriod, this.dropMinDrop, this.dropAlpha, this.dropMinResponses) : null;
		AlertAction action = new AlertAction(Boolean.TRUE.equals(this.openCase), this.priority, users(),
				Boolean.TRUE.equals(this.notifyUnitManager), Boolean.TRUE.equals(this.notifyCxManagers));
		return new AlertRuleRequest(code, this.kind, DesignText.of(this.nameZh, this.nameEn),
				isDrop() ? null : condition, drop,
				new AlertLimits(this.touchpoints, this.stages, this.units, this.segments), action,
				Boolean.TRUE.equals(this.active));
	}

	private List<String> users() {
		List<String> users = new ArrayList<>();
		if (this.notifyUsers != null) {
			Arrays.stream(this.notifyUsers.split("[,，、\\s]+")).filter((user) -> !user.isBlank()).forEach(users::add);
		}
		return users;
	}

}
