package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.segments.SegmentRule;
import org.opencxm.segments.SegmentRule.All;
import org.opencxm.segments.SegmentRule.Any;
import tools.jackson.databind.json.JsonMapper;

/**
 * A segment rule as the editor's rows: conditions combined by AND ({@code all}) or OR
 * ({@code any}), each of which may be negated. Rules nested deeper than that are edited
 * as JSON.
 */
record RuleRows(String combine, List<RuleRow> rows) {

	static final String ALL = "all";

	static final String ANY = "any";

	/** The rule the rows say: always an {@code all} or an {@code any}. */
	SegmentRule rule(JsonMapper json) {
		List<SegmentRule> tests = this.rows.stream().map((row) -> row.rule(json)).toList();
		return ANY.equals(this.combine) ? new Any(tests) : new All(tests);
	}

	/**
	 * The rows that say this rule, or null if rows cannot say it exactly (so that saving
	 * the rows never changes what a rule means).
	 */
	static @Nullable RuleRows of(SegmentRule rule, JsonMapper json) {
		SegmentRule whole = switch (rule) {
			case All all -> all;
			case Any any -> any;
			default -> new All(List.of(rule));
		};
		List<SegmentRule> tests = switch (whole) {
			case Any any -> any.any();
			case All all -> all.all();
			default -> List.of();
		};
		List<RuleRow> rows = new ArrayList<>();
		for (SegmentRule test : tests) {
			RuleRow row = RuleRow.of(test);
			if (row == null) {
				return null;
			}
			rows.add(row);
		}
		RuleRows result = new RuleRows((whole instanceof Any) ? ANY : ALL, rows);
		return result.rule(json).equals(whole) ? result : null;
	}

}
