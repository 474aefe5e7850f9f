package org.opencxm.actions;

import java.util.List;

import org.opencxm.segments.SegmentUse;
import org.opencxm.segments.SegmentUses;
import org.opencxm.shared.LocalizedText;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The alert rules limited to a segment, which keep it from being deleted: a rule whose
 * segment is gone would silently stop being limited and alert on every customer.
 */
@Component
class AlertRuleSegmentUses implements SegmentUses {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AlertRuleSegmentUses(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public List<SegmentUse> of(String code) {
		// The pattern only narrows the rows to read ("_" matches any character); the
		// limits decide.
		return this.jdbc.sql("""
				select code, name_zh, name_en, limits_json from alert_rule
				where limits_json like :pattern order by code
				""")
			.param("pattern", "%\"" + code + "\"%")
			.query((rs, row) -> new Limited(rs.getString("code"),
					new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")),
					this.json.readValue(rs.getString("limits_json"), StoredLimits.class)))
			.list()
			.stream()
			.filter((rule) -> rule.limits().codes().segments().contains(code))
			.map((rule) -> new SegmentUse("alertRules[" + rule.code() + "].limits.segments",
					"alert rule " + rule.code() + " is limited to this segment; remove it from the rule's limits first",
					rule.code(), rule.name()))
			.toList();
	}

	private record Limited(String code, LocalizedText name, StoredLimits limits) {
	}

}
